import { describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { graphql, type GraphQLResponse } from "../support/api.js";
import { database, testPassword } from "../support/factories.js";
import { authenticatorCode, securityEventsOf, uniqueIp } from "../support/security-log.js";
import { loggedInUser } from "../support/session.js";

type Headers = Record<string, string>;

function logIn(email: string, code?: string, password = testPassword) {
  return graphql<{ login: { token: string } }>(
    "mutation ($input: LoginInput!) { login(input: $input) { token } }",
    { input: { email, password, code } },
    { "x-forwarded-for": uniqueIp() },
  );
}

const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;

async function setUp(headers: Headers) {
  const started = await graphql<{
    startSecondFactorSetup: { secret: string; otpauthUri: string; qrCodeSvg: string };
  }>("mutation { startSecondFactorSetup { secret otpauthUri qrCodeSvg } }", {}, headers);
  return started.data!.startSecondFactorSetup;
}

function confirm(headers: Headers, code: string) {
  return graphql<{ confirmSecondFactor: string[] }>(
    "mutation ($code: String!) { confirmSecondFactor(code: $code) }",
    { code },
    headers,
  );
}

/** A user with the second factor on; answers its secret and recovery codes. */
async function withSecondFactor() {
  const user = await loggedInUser();
  const { secret } = await setUp(user.headers);
  const confirmed = await confirm(user.headers, await authenticatorCode(secret));
  return { ...user, secret, recoveryCodes: confirmed.data!.confirmSecondFactor };
}

describe("two-factor login", () => {
  it("is set up with a code from the app, and answers ten recovery codes once", async () => {
    const user = await loggedInUser();
    const setup = await setUp(user.headers);
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Ketenkaart:/);
    expect(setup.otpauthUri).toContain(`secret=${setup.secret}`);
    expect(setup.qrCodeSvg).toContain("<svg");

    // A code that is none of the app's codes around now is refused, and nothing is turned on.
    const valid = await Promise.all(
      [-1, 0, 1].map((steps) => authenticatorCode(setup.secret, steps)),
    );
    const wrong = ["000000", "111111", "222222", "333333"].find((code) => !valid.includes(code))!;
    expect(codeOf(await confirm(user.headers, wrong))).toBe("BAD_USER_INPUT");
    expect(codeOf(await logIn(user.email))).toBeUndefined();

    const confirmed = await confirm(user.headers, await authenticatorCode(setup.secret));
    const codes = confirmed.data!.confirmSecondFactor;
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const [{ stored }] = (await (
      await database()
    ).query(
      "SELECT string_agg(encode(code_hash, 'hex'), '') AS stored FROM recovery_code WHERE user_id = $1",
      [user.id],
    )) as [{ stored: string }];
    expect(stored).not.toContain(Buffer.from(codes[0]!).toString("hex"));

    const status = await graphql<{
      mySecondFactor: { enabled: boolean; recoveryCodesLeft: number };
    }>("{ mySecondFactor { enabled recoveryCodesLeft } }", {}, user.headers);
    expect(status.data!.mySecondFactor).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    // Another app only after turning it off: a second setup would leave the first one working.
    const again = await graphql("mutation { startSecondFactorSetup { secret } }", {}, user.headers);
    expect(codeOf(again)).toBe("CONFLICT");
    expect(await securityEventsOf(user.id)).toContain("SECOND_FACTOR_ENABLED");
  });

  it("asks for the code after the password, takes each code once, and a recovery code once", async () => {
    const user = await withSecondFactor();
    const withoutCode = await logIn(user.email);
    expect(codeOf(withoutCode)).toBe("SECOND_FACTOR_REQUIRED");
    expect(withoutCode.data?.login ?? null).toBeNull();

    // The next half minute's code (the app may be a little ahead): accepted once, never again.
    const next = await authenticatorCode(user.secret, 1);
    expect((await logIn(user.email, next)).data?.login.token).toBeTruthy();
    expect(codeOf(await logIn(user.email, next))).toBe("UNAUTHENTICATED");
    // Nor an older code, once a newer one was used.
    expect(codeOf(await logIn(user.email, await authenticatorCode(user.secret, 0)))).toBe(
      "UNAUTHENTICATED",
    );

    // A recovery code as typed from paper: capitals, without the dash.
    const recovery = user.recoveryCodes[3]!;
    const typed = recovery.replace("-", "").toUpperCase();
    expect((await logIn(user.email, typed)).data?.login.token).toBeTruthy();
    expect(codeOf(await logIn(user.email, recovery))).toBe("UNAUTHENTICATED");
    // The right code with the wrong password is still a wrong password.
    expect(codeOf(await logIn(user.email, user.recoveryCodes[4], "niet mijn wachtwoord"))).toBe(
      "UNAUTHENTICATED",
    );
    expect(await securityEventsOf(user.id)).toEqual(
      expect.arrayContaining(["RECOVERY_CODE_USED", "LOGIN_FAILED"]),
    );
  });

  it("counts a wrong code as a failed login: after five, not even a right code gets in", async () => {
    const user = await withSecondFactor();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(codeOf(await logIn(user.email, `9${attempt}9${attempt}9${attempt}`))).toBe(
        "UNAUTHENTICATED",
      );
    }
    expect(codeOf(await logIn(user.email, user.recoveryCodes[0]))).toBe("TOO_MANY_REQUESTS");
  });

  it("is turned off only with the password; then the password alone logs in", async () => {
    const user = await withSecondFactor();
    const disable = (password: string) =>
      graphql(
        "mutation ($input: DisableSecondFactorInput!) { disableSecondFactor(input: $input) }",
        { input: { password } },
        user.headers,
      );
    expect(codeOf(await disable("niet mijn wachtwoord"))).toBe("BAD_USER_INPUT");
    expect(codeOf(await logIn(user.email))).toBe("SECOND_FACTOR_REQUIRED");
    expect((await disable(testPassword)).data).toEqual({ disableSecondFactor: true });
    expect((await logIn(user.email)).data?.login.token).toBeTruthy();
    expect(await securityEventsOf(user.id)).toContain("SECOND_FACTOR_DISABLED");
  });
});

describe("a lost phone", () => {
  it("is cleared by the beheerder of the worker's own organisation, who ends the worker's sessions", async () => {
    const worker = await withSecondFactor();
    const beheerder = await loggedInUser({
      organizationId: worker.organizationId,
      roles: [Role.BEHEERDER],
    });
    const otherBeheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const reset = (headers: Headers) =>
      graphql<{ resetSecondFactor: { secondFactor: boolean } }>(
        "mutation ($userId: ID!) { resetSecondFactor(userId: $userId) { secondFactor } }",
        { userId: worker.id },
        headers,
      );
    expect(codeOf(await reset(otherBeheerder.headers))).toBe("FORBIDDEN");
    expect(codeOf(await reset(worker.headers))).toBe("FORBIDDEN");
    expect(codeOf(await logIn(worker.email))).toBe("SECOND_FACTOR_REQUIRED");

    expect((await reset(beheerder.headers)).data).toEqual({
      resetSecondFactor: { secondFactor: false },
    });
    const old = await graphql<{ me: unknown }>("{ me { id } }", {}, worker.headers);
    expect(old.data?.me ?? null).toBeNull();
    expect((await logIn(worker.email)).data?.login.token).toBeTruthy();
    expect(codeOf(await reset(beheerder.headers))).toBe("CONFLICT");
    expect(await securityEventsOf(worker.id)).toContain("SECOND_FACTOR_RESET");
  });
});
