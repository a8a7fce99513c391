import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueRecoveryCodes } from "../../server/auth/second-factor.service.js";
import { graphql, type GraphQLResponse } from "../support/api.js";
import { buildUser, database, testPassword } from "../support/factories.js";
import { securityEventsOf, uniqueIp } from "../support/security-log.js";
import { loggedInUser } from "../support/session.js";

// The ceremony with a real authenticator runs in Chromium (test/browser/second-factor.test.ts);
// here the server's side of what may go wrong, with a passkey stored as a browser would leave it.

function logIn(
  email: string,
  second: { passkey?: string; code?: string } = {},
  password = testPassword,
) {
  return graphql<{ login: { token: string } }>(
    "mutation ($input: LoginInput!) { login(input: $input) { token } }",
    { input: { email, password, ...second } },
    { "x-forwarded-for": uniqueIp() },
  );
}

const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;

/** A passkey of the account, as registering one leaves it; answers its credential id. */
async function withPasskey(userId: string): Promise<string> {
  const credentialId = randomBytes(16).toString("base64url");
  await (
    await database()
  ).query(
    `INSERT INTO passkey_credential (user_id, credential_id, public_key, transports, name)
     VALUES ($1, $2, $3, '{internal}', 'Laptop')`,
    [userId, credentialId, randomBytes(77)],
  );
  return credentialId;
}

const pendingChallenges = async (userId: string) =>
  (
    (await (
      await database()
    ).query("SELECT purpose FROM webauthn_challenge WHERE user_id = $1", [userId])) as unknown[]
  ).length;

describe("a passkey as the second step", () => {
  it("is asked for after the right password only, with this account's passkeys", async () => {
    const user = await buildUser();
    const credentialId = await withPasskey(user.id);

    const wrongPassword = await logIn(user.email, {}, "niet-het-wachtwoord-123");
    expect(codeOf(wrongPassword)).toBe("UNAUTHENTICATED");
    expect(wrongPassword.errors![0]!.extensions).not.toHaveProperty("passkeyOptions");

    const asked = await logIn(user.email);
    const extensions = asked.errors![0]!.extensions!;
    expect(extensions.code).toBe("SECOND_FACTOR_REQUIRED");
    expect(extensions.app).toBe(false);
    const options = extensions.passkeyOptions as {
      challenge: string;
      rpId: string;
      allowCredentials: Array<{ id: string }>;
    };
    expect(options.rpId).toBe("localhost");
    expect(options.allowCredentials.map((credential) => credential.id)).toEqual([credentialId]);
    expect(options.challenge.length).toBeGreaterThanOrEqual(32);
  });

  it("refuses a forged answer as a failed login, and uses up the challenge", async () => {
    const user = await buildUser();
    const credentialId = await withPasskey(user.id);
    await logIn(user.email);
    expect(await pendingChallenges(user.id)).toBe(1);

    const forged = JSON.stringify({
      id: credentialId,
      rawId: credentialId,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: Buffer.from("{}").toString("base64url"),
        authenticatorData: randomBytes(37).toString("base64url"),
        signature: randomBytes(70).toString("base64url"),
      },
    });
    const refused = await logIn(user.email, { passkey: forged });
    expect(codeOf(refused)).toBe("UNAUTHENTICATED");
    expect(refused.errors![0]!.message).toMatch(/passkey is niet herkend/);
    expect(await pendingChallenges(user.id)).toBe(0);
    expect(await securityEventsOf(user.id)).toContain("LOGIN_FAILED");
    // Not JSON at all: refused the same way, never a server error.
    expect(codeOf(await logIn(user.email, { passkey: "{niet-json" }))).toBe("UNAUTHENTICATED");
  });

  it("leaves a recovery code working for an account with passkeys only", async () => {
    const user = await buildUser();
    await withPasskey(user.id);
    const [code] = await issueRecoveryCodes(await database(), user.id);
    const loggedIn = await logIn(user.email, { code: code! });
    expect(loggedIn.errors).toBeUndefined();
    expect(codeOf(await logIn(user.email, { code: code! }))).toBe("UNAUTHENTICATED");
  });
});

describe("managing one's passkeys", () => {
  it("refuses a browser answer that is no passkey, and one without a started registration", async () => {
    const user = await loggedInUser();
    const finish = (response: string) =>
      graphql(
        "mutation ($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) }",
        { input: { response, name: "Telefoon" } },
        user.headers,
      );
    expect(codeOf(await finish("{}"))).toBe("CONFLICT");
    const started = await graphql<{ startPasskeyRegistration: string }>(
      "mutation { startPasskeyRegistration }",
      {},
      user.headers,
    );
    const options = JSON.parse(started.data!.startPasskeyRegistration) as {
      rp: { id: string };
      user: { name: string };
    };
    expect(options.rp.id).toBe("localhost");
    expect(options.user.name).toBe(user.email);
    const refused = await finish(JSON.stringify({ id: "x", response: {} }));
    expect(codeOf(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors![0]!.message).toBe("De passkey is niet toegevoegd. Probeer het opnieuw.");
    expect(await securityEventsOf(user.id)).not.toContain("PASSKEY_ADDED");
  });

  it("removes a passkey only with the password; the recovery codes go with the last factor", async () => {
    const user = await loggedInUser();
    await withPasskey(user.id);
    await issueRecoveryCodes(await database(), user.id);
    const listed = await graphql<{ myPasskeys: Array<{ id: string; name: string }> }>(
      "{ myPasskeys { id name } }",
      {},
      user.headers,
    );
    const [passkey] = listed.data!.myPasskeys;
    expect(passkey!.name).toBe("Laptop");
    const remove = (password: string, passkeyId = passkey!.id) =>
      graphql(
        "mutation ($input: RemovePasskeyInput!) { removePasskey(input: $input) }",
        { input: { passkeyId, password } },
        user.headers,
      );

    const wrong = await remove("niet-het-wachtwoord-123");
    expect(wrong.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "password",
    });
    expect(codeOf(await remove(testPassword, "geen-id"))).toBe("NOT_FOUND");
    expect((await remove(testPassword)).errors).toBeUndefined();
    const [{ left }] = (await (
      await database()
    ).query("SELECT count(*)::int AS left FROM recovery_code WHERE user_id = $1", [user.id])) as [
      { left: number },
    ];
    expect(left).toBe(0);
    expect(await securityEventsOf(user.id)).toContain("PASSKEY_REMOVED");
    // Without a second factor the password alone logs in again.
    expect((await logIn(user.email)).errors).toBeUndefined();
  });
});
