import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBearer, graphql, type GraphQLResponse } from "../support/api.js";
import { buildUser, database, testPassword } from "../support/factories.js";
import { startInstance, type Instance } from "../support/instance.js";
import { browserHeaders, upgradeStatus } from "../support/live.js";
import { authenticatorCode, uniqueIp } from "../support/security-log.js";

type Headers = Record<string, string>;

// A second instance on the lane's database, in a region that requires the second factor (as
// production does by default); the lane's own server is configured as development.
let required: Instance;

beforeAll(async () => {
  required = await startInstance({ SECOND_FACTOR_REQUIRED: "true" });
});

afterAll(async () => {
  await required?.stop();
});

const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;

const ask = <T = Record<string, unknown>>(query: string, headers: Headers, variables = {}) =>
  graphql<T>(query, variables, headers, required.baseUrl);

async function logIn(
  email: string,
  code?: string,
): Promise<GraphQLResponse<{ login: { token: string } }>> {
  return graphql<{ login: { token: string } }>(
    "mutation ($input: LoginInput!) { login(input: $input) { token } }",
    { input: { email, password: testPassword, code } },
    { "x-forwarded-for": uniqueIp() },
    required.baseUrl,
  );
}

const me = (headers: Headers) =>
  ask<{ me: { id: string; mustSetUpSecondFactor: boolean } }>(
    "{ me { id mustSetUpSecondFactor } }",
    headers,
  );

const dashboard = (headers: Headers) => ask("{ referralInbox { id } }", headers);

describe("where the second factor is required", () => {
  it("lets a password alone do nothing but set it up; then the account works, and logs in with a code", async () => {
    const user = await buildUser();
    const loggedIn = await logIn(user.email);
    expect(loggedIn.errors).toBeUndefined();
    const headers = asBearer(loggedIn.data!.login.token);

    expect((await me(headers)).data!.me).toEqual({ id: user.id, mustSetUpSecondFactor: true });
    expect(codeOf(await dashboard(headers))).toBe("SECOND_FACTOR_SETUP_REQUIRED");
    expect((await dashboard(headers)).errors![0]!.message).toMatch(/tweestapsverificatie/);
    // The downloads and the live socket refuse the session too.
    const download = await fetch(`${required.baseUrl}/export/aanbod.csv`, { headers });
    expect(download.status).toBe(403);
    const token = loggedIn.data!.login.token;
    expect(await upgradeStatus(required.baseUrl, browserHeaders(required.baseUrl, token))).toBe(
      403,
    );

    const setup = await ask<{ startSecondFactorSetup: { secret: string } }>(
      "mutation { startSecondFactorSetup { secret } }",
      headers,
    );
    const confirmed = await ask<{ confirmSecondFactor: string[] }>(
      "mutation ($code: String!) { confirmSecondFactor(code: $code) }",
      headers,
      { code: await authenticatorCode(setup.data!.startSecondFactorSetup.secret) },
    );
    expect(confirmed.data!.confirmSecondFactor).toHaveLength(10);

    // The same session now works as any other.
    expect((await me(headers)).data!.me.mustSetUpSecondFactor).toBe(false);
    expect((await dashboard(headers)).errors).toBeUndefined();
    expect((await fetch(`${required.baseUrl}/export/aanbod.csv`, { headers })).status).toBe(200);
    // And the next login asks for the code.
    expect(codeOf(await logIn(user.email))).toBe("SECOND_FACTOR_REQUIRED");
  });

  it("counts a login at the organisation's own issuer (single sign-on) as one with a second factor", async () => {
    const user = await buildUser();
    const headers = asBearer((await logIn(user.email)).data!.login.token);
    expect((await me(headers)).data!.me.mustSetUpSecondFactor).toBe(true);
    // A session as the single sign-on's callback starts it (test/auth/single-sign-on.test.ts).
    await (
      await database()
    ).query("UPDATE user_session SET second_factor_by_issuer = true WHERE user_id = $1", [user.id]);
    expect((await me(headers)).data!.me.mustSetUpSecondFactor).toBe(false);
    expect((await dashboard(headers)).errors).toBeUndefined();
  });

  it("says so to the login page", async () => {
    const settings = await ask<{
      loginSettings: { secondFactorRequired: boolean; demoPassword: string | null };
    }>("{ loginSettings { secondFactorRequired demoPassword } }", {});
    expect(settings.data!.loginSettings.secondFactorRequired).toBe(true);
  });
});

describe("where it is not required (development, the demo region)", () => {
  it("lets a password log in to everything, and the login page names the demo password", async () => {
    const user = await buildUser();
    const result = await graphql<{ login: { token: string } }>(
      "mutation ($input: LoginInput!) { login(input: $input) { token } }",
      { input: { email: user.email, password: testPassword } },
      { "x-forwarded-for": uniqueIp() },
    );
    const headers = asBearer(result.data!.login.token);
    const mine = await graphql<{ me: { mustSetUpSecondFactor: boolean } }>(
      "{ me { mustSetUpSecondFactor } }",
      {},
      headers,
    );
    expect(mine.data!.me.mustSetUpSecondFactor).toBe(false);
    const settings = await graphql<{
      loginSettings: { secondFactorRequired: boolean; demoPassword: string | null };
    }>("{ loginSettings { secondFactorRequired demoPassword } }");
    expect(settings.data!.loginSettings).toEqual({
      secondFactorRequired: false,
      demoPassword: "ketenkaart-demo",
    });
  });
});
