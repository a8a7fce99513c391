import type { IncomingHttpHeaders } from "node:http";
import type { DataSource } from "typeorm";
import type { RateLimits } from "../security/rate-limits.js";
import {
  type Authenticate,
  type Authentication,
  sessionToken,
} from "../security/authentication.js";
import { findViewer } from "./session.service.js";

/**
 * The one step that finds a request's worker: the session token from the Authorization header
 * (API clients) or the session cookie (the web client), the viewer behind it, and the request
 * counted against that worker's limit in the same statement (TOO_MANY_REQUESTS over it). The
 * request's database work is scoped to the viewer from here on. A database that cannot be
 * reached fails it as it is; each transport answers that in its own way.
 */
export function createAuthenticate(
  db: DataSource,
  rateLimits: RateLimits,
  secondFactorRequired: boolean,
): Authenticate {
  const authenticate = async (headers: IncomingHttpHeaders): Promise<Authentication> => {
    const token = sessionToken(headers);
    const viewer = token ? await findViewer(db, token, rateLimits.requestCounting) : null;
    return {
      token,
      viewer,
      mustSetUpSecondFactor: viewer !== null && secondFactorRequired && !viewer.hasSecondFactor,
    };
  };
  return Object.assign(authenticate, {
    sessionHolds: async (token: string) => (await findViewer(db, token)) !== null,
  });
}
