import { demoAccounts, demoPassword } from "../support/demo.js";
import { describe, expect, it } from "vitest";
import { asBearer, graphql } from "../support/api.js";
import { buildUser, database, testPassword } from "../support/factories.js";

const login = `
  mutation Login($input: LoginInput!) {
    login(input: $input) { token expiresAt user { id email name roles organization { id name } } }
  }`;
const me = `{ me { id email roles organization { id } } }`;

interface LoginData {
  login: {
    token: string;
    expiresAt: string;
    user: {
      id: string;
      email: string;
      roles: string[];
      organization: { id: string; name: string };
    };
  };
}

async function loginAs(email: string, password = testPassword) {
  return graphql<LoginData>(login, { input: { email, password } });
}

describe("logging in", () => {
  it("returns a token and the user with organisation and roles, and sets a safe session cookie", async () => {
    const user = await buildUser({ roles: ["COORDINATOR", "BEHEERDER"] as never });
    const result = await loginAs(user.email.toUpperCase());
    expect(result.errors).toBeUndefined();
    expect(result.data!.login.user).toMatchObject({
      id: user.id,
      roles: ["COORDINATOR", "BEHEERDER"],
      organization: { id: user.organizationId },
    });
    expect(new Date(result.data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const cookie = result.headers.getSetCookie().find((c) => c.startsWith("kk_session="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it("knows the user by bearer token and by cookie, and nobody without either", async () => {
    const user = await buildUser();
    const { data } = await loginAs(user.email);
    const token = data!.login.token;
    const byBearer = await graphql<{ me: { id: string } | null }>(me, {}, asBearer(token));
    expect(byBearer.data!.me?.id).toBe(user.id);
    const byCookie = await graphql<{ me: { id: string } | null }>(
      me,
      {},
      { cookie: `kk_session=${token}` },
    );
    expect(byCookie.data!.me?.id).toBe(user.id);
    const anonymous = await graphql<{ me: null }>(me);
    expect(anonymous.data!.me).toBeNull();
  });

  it("refuses a wrong password or unknown address with the same Dutch message", async () => {
    const user = await buildUser();
    const wrong = await loginAs(user.email, "niet-het-wachtwoord");
    const unknown = await loginAs("niemand@test.example");
    for (const result of [wrong, unknown]) {
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(result.errors?.[0]?.message).toBe("E-mailadres of wachtwoord klopt niet.");
      expect(result.headers.getSetCookie()).toEqual([]);
    }
  });

  it("names the field of an invalid e-mail address", async () => {
    const result = await loginAs("geen-adres");
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "email",
    });
  });

  it("never exposes the password hash", async () => {
    const result = await graphql(`
      {
        me {
          passwordHash
        }
      }
    `);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("sessions", () => {
  it("end at logout, for the token and the cookie alike", async () => {
    const user = await buildUser();
    const token = (await loginAs(user.email)).data!.login.token;
    const logout = await graphql<{ logout: boolean }>(
      `
        mutation {
          logout
        }
      `,
      {},
      asBearer(token),
    );
    expect(logout.data!.logout).toBe(true);
    // An empty cookie that expired long ago: the browser drops it.
    const cleared = logout.headers.getSetCookie().find((c) => c.startsWith("kk_session="));
    expect(cleared).toMatch(/^kk_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(cleared).toMatch(/Path=\//);
    expect((await graphql<{ me: null }>(me, {}, asBearer(token))).data!.me).toBeNull();
    expect(
      (await graphql<{ me: null }>(me, {}, { cookie: `kk_session=${token}` })).data!.me,
    ).toBeNull();
  });

  it("expire, and are refused after that", async () => {
    const user = await buildUser();
    const token = (await loginAs(user.email)).data!.login.token;
    await (
      await database()
    ).query(`UPDATE user_session SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [
      user.id,
    ]);
    expect((await graphql<{ me: null }>(me, {}, asBearer(token))).data!.me).toBeNull();
  });

  it("can be revoked server side, e.g. when an account is disabled", async () => {
    const user = await buildUser();
    const token = (await loginAs(user.email)).data!.login.token;
    await (
      await database()
    ).query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user.id]);
    expect((await graphql<{ me: null }>(me, {}, asBearer(token))).data!.me).toBeNull();
    expect((await loginAs(user.email)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("asks to log in for logout without a session", async () => {
    const result = await graphql(`
      mutation {
        logout
      }
    `);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.errors?.[0]?.message).toMatch(/niet \(meer\) ingelogd/);
  });
});

describe("demo accounts", () => {
  it("are seeded outside production and can log in", async () => {
    const result = await loginAs(demoAccounts.wijkteamWorker, demoPassword);
    expect(result.data?.login.user.organization.name).toBe("Wijkteam Arnhem-Noord");
  });
});
