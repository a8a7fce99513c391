import { describe, expect, it } from "vitest";
import { asBearer, graphql } from "../support/api.js";
import { buildUser, database, testPassword } from "../support/factories.js";

const renew = `mutation { renewSession { expiresAt renewableUntil warningMinutes } }`;
const session = `{ session { expiresAt renewableUntil warningMinutes } }`;

interface SessionData {
  expiresAt: string;
  renewableUntil: string;
  warningMinutes: number;
}

/** A fresh login: its token, and the session's row to arrange the clock on. */
async function freshSession() {
  const user = await buildUser();
  const result = await graphql<{ login: { token: string } }>(
    `
      mutation ($input: LoginInput!) {
        login(input: $input) {
          token
        }
      }
    `,
    { input: { email: user.email, password: testPassword } },
  );
  const token = result.data!.login.token;
  const db = await database();
  const [{ id }] = (await db.query(
    `SELECT id FROM user_session WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
    [user.id],
  )) as [{ id: string }];
  return { token, sessionId: id, db };
}

const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;

describe("the session's expiry, as the web client sees it", () => {
  it("tells when the session ends, how far it can be extended and when to warn", async () => {
    const { token } = await freshSession();
    const result = await graphql<{ session: SessionData }>(session, {}, asBearer(token));
    const { expiresAt, renewableUntil, warningMinutes } = result.data!.session;
    // Defaults: a working day of 10 hours, at most 12 hours after login, a warning 5 minutes ahead.
    expect(hours(new Date(), new Date(expiresAt))).toBeCloseTo(10, 1);
    expect(hours(new Date(), new Date(renewableUntil))).toBeCloseTo(12, 1);
    expect(warningMinutes).toBe(5);
  });
});

describe("Ingelogd blijven (renewSession)", () => {
  it("gives a session about to expire a full TTL again, and the browser a cookie to match", async () => {
    const { token, sessionId, db } = await freshSession();
    await db.query(
      `UPDATE user_session SET created_at = now() - interval '1 hour',
                               expires_at = now() + interval '4 minutes' WHERE id = $1`,
      [sessionId],
    );

    const result = await graphql<{ renewSession: SessionData }>(
      renew,
      {},
      { cookie: `kk_session=${token}` },
    );
    expect(result.errors).toBeUndefined();
    const renewed = new Date(result.data!.renewSession.expiresAt);
    expect(hours(new Date(), renewed)).toBeCloseTo(10, 1);
    const [{ expiresAt }] = (await db.query(
      `SELECT expires_at AS "expiresAt" FROM user_session WHERE id = $1`,
      [sessionId],
    )) as [{ expiresAt: Date }];
    expect(expiresAt.getTime()).toBe(renewed.getTime());

    const cookie = result.headers.getSetCookie().find((c) => c.startsWith("kk_session="));
    expect(cookie).toContain(`kk_session=${token};`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(new Date(/Expires=([^;]+)/i.exec(cookie!)![1]!).getTime()).toBe(
      Math.floor(renewed.getTime() / 1000) * 1000,
    );
  });

  it("never extends past the maximum lifetime after login", async () => {
    const { token, sessionId, db } = await freshSession();
    await db.query(
      `UPDATE user_session SET created_at = now() - interval '11 hours 30 minutes',
                               expires_at = now() + interval '2 minutes' WHERE id = $1`,
      [sessionId],
    );
    const result = await graphql<{ renewSession: SessionData }>(renew, {}, asBearer(token));
    const { expiresAt, renewableUntil } = result.data!.renewSession;
    expect(expiresAt).toBe(renewableUntil);
    expect(hours(new Date(), new Date(expiresAt))).toBeCloseTo(0.5, 1);
    // An API client keeps its token and gets no cookie.
    expect(result.headers.getSetCookie().some((c) => c.startsWith("kk_session="))).toBe(false);
  });

  it("cannot bring back a session that was logged out", async () => {
    const { token } = await freshSession();
    await graphql(
      `
        mutation {
          logout
        }
      `,
      {},
      asBearer(token),
    );
    const result = await graphql(renew, {}, asBearer(token));
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot bring back a session that has expired", async () => {
    const { token, sessionId, db } = await freshSession();
    await db.query(
      `UPDATE user_session SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [sessionId],
    );
    const result = await graphql(renew, {}, asBearer(token));
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const [{ expired }] = (await db.query(
      `SELECT expires_at < now() AS expired FROM user_session WHERE id = $1`,
      [sessionId],
    )) as [{ expired: boolean }];
    expect(expired).toBe(true);
  });
});
