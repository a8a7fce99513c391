import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { DataSource } from "typeorm";
import { TooManyRequestsError } from "../common/errors.js";
import type { RateLimitConfig } from "../config.js";

/**
 * Login and request limits. The counters live in PostgreSQL (table rate_limit), so every
 * instance behind the load balancer counts the same attempts; nothing is kept in memory.
 */
export interface RateLimits {
  /** Refuses a login attempt when the account or the IP has failed too often. */
  assertLoginAllowed(email: string, ip: string): Promise<void>;
  loginFailed(email: string, ip: string): Promise<void>;
  /** A successful login clears the account's failures (not the IP's). */
  loginSucceeded(email: string): Promise<void>;
  /** Counts one GraphQL request of a logged-in user; refuses it over the limit. */
  consumeRequest(userId: string): Promise<void>;
  /**
   * Counts one download (an export, the HSDS directory, an invitation) by an anonymous caller,
   * per IP address; refuses it over the limit. A logged-in user's download counts as a request
   * of that user (`requestCounting`).
   */
  consumeAnonymousDownload(ip: string): Promise<void>;
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

export function createRateLimits(db: DataSource, config: RateLimitConfig): RateLimits {
  const store = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterPostgres({
      storeClient: db,
      storeType: "typeorm",
      tableName: "rate_limit",
      // The migration creates the table; the store must not try at startup.
      tableCreated: true,
      keyPrefix,
      points,
      duration,
    });
  const loginWindow = config.loginWindowMinutes * 60;
  const perAccount = store("login-account", config.loginFailuresPerAccount, loginWindow);
  const perIp = store("login-ip", config.loginFailuresPerIp, loginWindow);
  const accountKey = (email: string) => email.trim().toLowerCase();
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

  const loginRefusal = (state: RateLimiterRes) => {
    const seconds = retryAfterSeconds(state);
    return new TooManyRequestsError(
      `Te veel mislukte inlogpogingen. Probeer het over ${Math.ceil(seconds / 60)} minuten opnieuw.`,
      seconds,
    );
  };

  return {
    async assertLoginAllowed(email, ip) {
      const [account, address] = await Promise.all([
        perAccount.get(accountKey(email)),
        perIp.get(ip),
      ]);
      for (const [state, limit] of [
        [account, config.loginFailuresPerAccount],
        [address, config.loginFailuresPerIp],
      ] as const) {
        if (state && state.consumedPoints >= limit) throw loginRefusal(state);
      }
    },
    async loginFailed(email, ip) {
      // Over the limit the store rejects with the state; the attempt is counted either way.
      await Promise.all([
        perAccount.consume(accountKey(email)).catch(ignoreLimitReached),
        perIp.consume(ip).catch(ignoreLimitReached),
      ]);
    },
    async loginSucceeded(email) {
      await perAccount.delete(accountKey(email));
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
        [ip],
      )) as [{ points: number; msLeft: number }];
      anonymousDownloads.check(counted);
    },
    requestCounting,
  };
}

/**
 * Requests per minute under one key (a user's, an IP address's), in the login limits' table and
 * row format. Written as SQL of our own rather than through rate-limiter-flexible's store (the
 * same upsert), so that an API request is counted by the statement that looks up its session:
 * one round trip less on every logged-in request. The window is the database's clock, the same
 * for every instance.
 */
function countPerMinute(
  keyPrefix: string,
  perMinute: number,
  refusal: (seconds: number) => string,
): RequestCounting {
  const now = "(extract(epoch FROM now()) * 1000)::bigint";
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

const retryAfterSeconds = (state: RateLimiterRes) =>
  Math.max(1, Math.ceil(state.msBeforeNext / 1000));

function ignoreLimitReached(rejection: unknown): void {
  if (!(rejection instanceof RateLimiterRes)) throw rejection;
}
