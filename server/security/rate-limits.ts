import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { TooManyRequestsError } from "../common/errors.js";
import type { Queryable } from "../db/queryable.js";
import type { RateLimitConfig } from "../config.js";

/**
 * Login and request limits. The counters live in PostgreSQL (table rate_limit), so every
 * instance behind the load balancer counts the same attempts; nothing is kept in memory.
 */
export interface RateLimits {
  /**
   * Counts a login attempt against the account and the IP, before the password is checked, and
   * refuses it when either has now gone over its limit. One statement counts both and answers
   * the counts, so attempts sent at the same moment, to any instance, each get a count of their
   * own: only as many as the limit allows are ever checked.
   */
  countLoginAttempt(account: string, ip: string): Promise<void>;
  /**
   * Counts a request for a new password against the address and the IP, within the login
   * window. Refuses it when the IP has asked too often (as for logins); answers false when the
   * address has had its share of mails, so nobody fills someone's mailbox, and the caller then
   * answers as always without sending.
   */
  countPasswordResetRequest(account: string, ip: string): Promise<boolean>;
  /** A successful login clears the account's count, and its attempt was no failure of the IP. */
  loginSucceeded(account: string, ip: string): Promise<void>;
  /** Counts one GraphQL request of a logged-in user; refuses it over the limit. */
  consumeRequest(userId: string): Promise<void>;
  /**
   * Counts one download (an export, the HSDS directory, an invitation) by an anonymous caller,
   * per IP address; refuses it over the limit. A logged-in user's download counts as a request
   * of that user (`requestCounting`).
   */
  consumeAnonymousDownload(ip: string): Promise<void>;
  /**
   * Counts the start of a login through an organisation's own issuer, per IP address and
   * minute, as many as failed logins an IP may have in a window: an office behind one NAT logs
   * in at nine. Refuses it over the limit.
   */
  countSingleSignOnStart(ip: string): Promise<void>;
  /** The same count, to run inside another statement: the session lookup of an API request. */
  requestCounting: RequestCounting;
}

/**
 * Counting a user's requests in SQL: `sql(users, userId)` is an INSERT that counts one request
 * for each row of the query `users` (its column `userId` holds the user) and returns `points`
 * (requests in the current minute) and `msLeft`; `check` refuses a request over the limit.
 */
export interface RequestCounting {
  sql(users: string, userId: string): string;
  check(counted: { points: number; msLeft: number }): void;
}

/** Mails with a new-password link per address within the login window. */
const passwordResetMailsPerAccount = 3;

/** The database's clock in milliseconds, the same for every instance. */
const databaseNow = "(extract(epoch FROM now()) * 1000)::bigint";

/**
 * A counter's key: a hash of what it counts, so no e-mail address is kept in the table and a
 * key has one length whatever the address or the forwarded IP.
 */
export const counterKey = (kind: string, value: string) =>
  `${kind}:${createHash("sha256").update(value).digest("base64url")}`;

export function createRateLimits(db: DataSource, config: RateLimitConfig): RateLimits {
  const loginWindowMs = config.loginWindowMinutes * 60_000;
  const requestCounting = countPerMinute(
    "user-requests:",
    config.requestsPerUserPerMinute,
    (seconds) => `Te veel verzoeken achter elkaar. Probeer het over ${seconds} seconden opnieuw.`,
  );
  const anonymousDownloads = countPerMinute(
    "anonymous-downloads:",
    config.anonymousDownloadsPerIpPerMinute,
    (seconds) =>
      `Te veel downloads achter elkaar vanaf dit adres. Probeer het over ${seconds} seconden opnieuw, of log in.`,
  );

  const singleSignOnStarts = countPerMinute(
    "sso-starts:",
    config.loginFailuresPerIp,
    (seconds) =>
      `Te veel inlogpogingen achter elkaar vanaf dit adres. Probeer het over ${seconds} seconden opnieuw.`,
  );

  /**
   * Counts one attempt under an account's key and an IP's key in one statement and answers both
   * counts, so attempts sent at the same moment, to any instance, each get a count of their own.
   * The rows are locked in this order by every attempt (accounts' keys and IPs' keys never
   * meet), so two attempts cannot wait for each other.
   */
  const countPair = async (accountKey: string, ipKey: string) => {
    const counted = (await db.query(
      `INSERT INTO rate_limit AS r (key, points, expire)
       VALUES ($1, 1, ${databaseNow} + $3::bigint), ($2, 1, ${databaseNow} + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         points = CASE WHEN coalesce(r.expire, 0) <= ${databaseNow} THEN 1 ELSE r.points + 1 END,
         expire = CASE WHEN coalesce(r.expire, 0) <= ${databaseNow} THEN EXCLUDED.expire
                       ELSE r.expire END
       RETURNING r.key, r.points, (r.expire - ${databaseNow})::int AS "msLeft"`,
      [accountKey, ipKey, loginWindowMs],
    )) as Array<{ key: string; points: number; msLeft: number }>;
    const of = (key: string) => counted.find((row) => row.key === key)!;
    return { account: of(accountKey), ip: of(ipKey) };
  };

  const loginRefusal = (msLeft: number) => {
    const seconds = Math.max(1, Math.ceil(msLeft / 1000));
    return new TooManyRequestsError(
      `Te veel mislukte inlogpogingen. Probeer het over ${Math.ceil(seconds / 60)} minuten opnieuw.`,
      seconds,
    );
  };

  return {
    async countLoginAttempt(account, ip) {
      const counted = await countPair(
        counterKey("login-account", account),
        counterKey("login-ip", ip),
      );
      if (counted.account.points > config.loginFailuresPerAccount) {
        throw loginRefusal(counted.account.msLeft);
      }
      if (counted.ip.points > config.loginFailuresPerIp) throw loginRefusal(counted.ip.msLeft);
    },
    async countPasswordResetRequest(account, ip) {
      const counted = await countPair(
        counterKey("reset-account", account),
        counterKey("reset-ip", ip),
      );
      if (counted.ip.points > config.loginFailuresPerIp) throw loginRefusal(counted.ip.msLeft);
      return counted.account.points <= passwordResetMailsPerAccount;
    },
    async loginSucceeded(account, ip) {
      await db.query(
        `WITH cleared AS (DELETE FROM rate_limit WHERE key = $1)
         UPDATE rate_limit SET points = points - 1 WHERE key = $2 AND points > 0`,
        [counterKey("login-account", account), counterKey("login-ip", ip)],
      );
    },
    async consumeRequest(userId) {
      const [counted] = (await db.query(
        `WITH requester AS (SELECT $1::text AS "userId") ${requestCounting.sql("requester", `"userId"`)}`,
        [userId],
      )) as [{ points: number; msLeft: number }];
      requestCounting.check(counted);
    },
    async consumeAnonymousDownload(ip) {
      const [counted] = (await db.query(
        `WITH caller AS (SELECT $1::text AS ip) ${anonymousDownloads.sql("caller", "ip")}`,
        // Hashed like the login counters' keys: no address is kept in the table.
        [counterKey("ip", ip)],
      )) as [{ points: number; msLeft: number }];
      anonymousDownloads.check(counted);
    },
    async countSingleSignOnStart(ip) {
      const [counted] = (await db.query(
        `WITH caller AS (SELECT $1::text AS ip) ${singleSignOnStarts.sql("caller", "ip")}`,
        [counterKey("ip", ip)],
      )) as [{ points: number; msLeft: number }];
      singleSignOnStarts.check(counted);
    },
    requestCounting,
  };
}

/**
 * Deletes the counters whose window has passed: a counter is read only within its window, and
 * a login counter's key, however hashed, belongs to one person's address. Answers how many went.
 */
export async function deleteExpiredCounters(db: Queryable): Promise<number> {
  const deleted = (await db.query(
    `WITH expired AS (DELETE FROM rate_limit WHERE expire <= ${databaseNow} RETURNING 1)
     SELECT count(*)::int AS count FROM expired`,
  )) as [{ count: number }];
  return deleted[0].count;
}

/**
 * Requests per minute under one key (a user's, an IP address's), in the login limits' table and
 * row format. Written to run inside another statement, so that an API request is counted by the statement
 * that looks up its session: one round trip less on every logged-in request. The window is the database's clock, the same
 * for every instance.
 */
function countPerMinute(
  keyPrefix: string,
  perMinute: number,
  refusal: (seconds: number) => string,
): RequestCounting {
  const now = databaseNow;
  return {
    sql: (callers, key) => `
      INSERT INTO rate_limit AS r (key, points, expire)
      SELECT '${keyPrefix}' || u.${key}, 1, ${now} + 60000 FROM ${callers} u
      ON CONFLICT (key) DO UPDATE SET
        points = CASE WHEN r.expire <= ${now} THEN 1 ELSE r.points + 1 END,
        expire = CASE WHEN r.expire <= ${now} THEN EXCLUDED.expire ELSE r.expire END
      RETURNING r.points, (r.expire - ${now})::int AS "msLeft"`,
    check({ points, msLeft }) {
      if (points <= perMinute) return;
      const seconds = Math.max(1, Math.ceil(msLeft / 1000));
      throw new TooManyRequestsError(refusal(seconds), seconds);
    },
  };
}
