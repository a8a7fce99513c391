import { describe, expect, it } from "vitest";
import { asBearer, graphql, type GraphQLResponse } from "../support/api.js";
import { buildUser, database, testPassword, uniqueWord } from "../support/factories.js";
import { securityEventsOf, uniqueIp } from "../support/security-log.js";
import { attemptLogin } from "../support/session.js";
import { useMailingInstance } from "../support/smtp-sink.js";
import { eventually } from "../support/wait.js";

const strongPassword = "oranje fiets rijdt naar Zevenaar";

// Eight requests per IP in the window, so the IP limit is reached without a hundred requests.
// The counters are shared with every instance on the database, so each request below comes
// from an address of its own (the instance trusts one proxy): no other test's attempts count.
const mailing = useMailingInstance({ RATE_LIMIT_LOGIN_PER_IP: "8" });

/** Requests a new password from an address of its own, so no other test shares its IP's count. */
function requestReset(email: string, ip = uniqueIp()) {
  return graphql<{ requestPasswordReset: boolean }>(
    "mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }",
    { input: { email } },
    { "x-forwarded-for": ip },
    mailing.server().baseUrl,
  );
}

/** A login on this instance, from an address of its own. */
const logIn = (email: string, password: string) =>
  attemptLogin(email, password, {
    baseUrl: mailing.server().baseUrl,
    headers: { "x-forwarded-for": uniqueIp() },
  });

function resetPassword(token: string, password = strongPassword) {
  return graphql<{ resetPassword: { token: string } }>(
    "mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { token } }",
    { input: { token, password } },
    {},
    mailing.server().baseUrl,
  );
}

/** The token of the newest reset mail to this address, once it has arrived. */
async function mailedToken(email: string, count = 1): Promise<string> {
  const mails = await eventually(
    () => mailing.sink().mailTo(email).length >= count && mailing.sink().mailTo(email),
    `reset mail ${count} to the account`,
  );
  const text = mails.at(-1)!.parsed.text!;
  const link = new URL(/(http\S+#\S+)/.exec(text)![1]!);
  expect(link.pathname).toBe("/nieuw-wachtwoord");
  return link.hash.slice(1);
}

/** How many mails reached `email`, counted once a marker's mail requested after them arrived. */
async function mailsBefore(email: string): Promise<number> {
  const marker = await buildUser();
  await requestReset(marker.email);
  await eventually(() => mailing.sink().mailTo(marker.email).length > 0, "the marker's mail");
  return mailing.sink().mailTo(email).length;
}

function errorOf(result: GraphQLResponse<unknown>) {
  return { code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message };
}

describe("wachtwoord vergeten", () => {
  it("answers the same for a known and an unknown address, and mails only the known one a link", async () => {
    const user = await buildUser();
    const unknown = `${uniqueWord()}@test.example`;
    const forUnknown = await requestReset(unknown);
    const forKnown = await requestReset(user.email.toUpperCase());
    expect(forUnknown.errors).toBeUndefined();
    expect(forKnown).toMatchObject({ status: forUnknown.status, data: forUnknown.data });
    expect(forKnown.data!.requestPasswordReset).toBe(true);

    const token = await mailedToken(user.email);
    const mail = mailing.sink().mailTo(user.email)[0]!;
    expect(mail.parsed.subject).toBe("Een nieuw wachtwoord voor Ketenkaart");
    expect(mail.parsed.text).toContain("60 minuten");
    expect(await mailsBefore(unknown)).toBe(0);
    expect(await securityEventsOf(user.id)).toEqual(["PASSWORD_RESET_REQUESTED"]);

    const details = await graphql<{ passwordReset: { email: string } | null }>(
      "query ($token: String!) { passwordReset(token: $token) { email expiresAt } }",
      { token },
      {},
      mailing.server().baseUrl,
    );
    expect(details.data!.passwordReset!.email).toBe(user.email);
  });

  it("sets the new password once, ends every session, and logs the holder in", async () => {
    const user = await buildUser();
    const before = asBearer((await logIn(user.email, testPassword)).data!.login.token);
    await requestReset(user.email);
    const token = await mailedToken(user.email);

    const weak = await resetPassword(token, "wachtwoord12345");
    expect(errorOf(weak).code).toBe("BAD_USER_INPUT");
    const done = await resetPassword(token);
    expect(done.errors).toBeUndefined();
    const me = await graphql<{ me: { id: string } }>(
      "{ me { id } }",
      {},
      asBearer(done.data!.resetPassword.token),
      mailing.server().baseUrl,
    );
    expect(me.data!.me.id).toBe(user.id);

    // The session from before is over; the old password no longer works, the new one does.
    const old = await graphql<{ me: unknown }>(
      "{ me { id } }",
      {},
      before,
      mailing.server().baseUrl,
    );
    expect(old.data?.me ?? null).toBeNull();
    expect((await logIn(user.email, testPassword)).data).toBeFalsy();
    expect((await logIn(user.email, strongPassword)).data).toBeTruthy();

    const again = await resetPassword(token, "nog een heel ander wachtwoord 77");
    expect(errorOf(again)).toEqual({
      code: "BAD_USER_INPUT",
      message: expect.stringMatching(/^Deze link werkt niet meer/),
    });
    expect(await securityEventsOf(user.id)).toEqual(
      expect.arrayContaining(["PASSWORD_RESET_REQUESTED", "PASSWORD_RESET"]),
    );
  });

  it("replaces an older link with a newer one, and refuses an expired link", async () => {
    const user = await buildUser();
    await requestReset(user.email);
    const first = await mailedToken(user.email, 1);
    await requestReset(user.email);
    const second = await mailedToken(user.email, 2);
    expect(errorOf(await resetPassword(first)).code).toBe("BAD_USER_INPUT");

    await (
      await database()
    ).query(
      `UPDATE account_link SET expires_at = now() - interval '1 minute'
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [user.id],
    );
    expect(errorOf(await resetPassword(second)).code).toBe("BAD_USER_INPUT");
    expect((await logIn(user.email, testPassword)).data).toBeTruthy();
  });

  it("mails nobody whose account is disabled or only invited", async () => {
    const disabled = await buildUser();
    await (
      await database()
    ).query("UPDATE app_user SET disabled_at = now() WHERE id = $1", [disabled.id]);
    const invited = await buildUser();
    await (
      await database()
    ).query("UPDATE app_user SET password_hash = NULL WHERE id = $1", [invited.id]);
    const answers = await Promise.all([requestReset(disabled.email), requestReset(invited.email)]);
    for (const answer of answers) expect(answer.data).toEqual({ requestPasswordReset: true });
    expect(await mailsBefore(disabled.email)).toBe(0);
    expect(mailing.sink().mailTo(invited.email)).toEqual([]);
  });

  it("sends an address three links within the window, and refuses an IP that keeps asking", async () => {
    const user = await buildUser();
    const ip = uniqueIp();
    for (let link = 1; link <= 3; link++) {
      await requestReset(user.email, ip);
      await mailedToken(user.email, link);
    }
    // The fourth is answered alike, and not sent.
    expect((await requestReset(user.email, ip)).data).toEqual({ requestPasswordReset: true });
    expect(await mailsBefore(user.email)).toBe(3);

    for (let request = 0; request < 4; request++) await requestReset(`${uniqueWord()}@x.nl`, ip);
    const refused = await requestReset(`${uniqueWord()}@x.nl`, ip);
    expect(errorOf(refused).code).toBe("TOO_MANY_REQUESTS");
  });

  it("queues nothing on a server that sends no e-mail, and says so the same for every address", async () => {
    const user = await buildUser();
    const answer = await graphql<{ requestPasswordReset: boolean }>(
      "mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }",
      { input: { email: user.email } },
    );
    expect(answer.data).toEqual({ requestPasswordReset: false });
    const [{ count }] = (await (
      await database()
    ).query("SELECT count(*)::int AS count FROM account_link WHERE user_id = $1", [user.id])) as [
      { count: number },
    ];
    expect(count).toBe(0);
  });
});
