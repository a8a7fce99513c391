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
  const perUser = store("user-requests", config.requestsPerUserPerMinute, 60);
  const accountKey = (email: string) => email.trim().toLowerCase();

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
      try {
        await perUser.consume(userId);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = retryAfterSeconds(rejection);
        throw new TooManyRequestsError(
          `Te veel verzoeken achter elkaar. Probeer het over ${seconds} seconden opnieuw.`,
          seconds,
        );
      }
    },
  };
}

const retryAfterSeconds = (state: RateLimiterRes) =>
  Math.max(1, Math.ceil(state.msBeforeNext / 1000));

function ignoreLimitReached(rejection: unknown): void {
  if (!(rejection instanceof RateLimiterRes)) throw rejection;
}
