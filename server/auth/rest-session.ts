import type { RequestHandler, Response } from "express";
import { GraphQLError } from "graphql";
import { secondFactorSetupMessage } from "../common/errors.js";
import type { RateLimits } from "../security/rate-limits.js";
import type { Authenticate, Authentication } from "../security/authentication.js";
import type { Viewer } from "./session.service.js";

/** How a route answers a refusal: as JSON (`{ error: { code, message } }`) or as plain text. */
export type RefusalFormat = "json" | "text";

/** What a download route needs to know who asks: the one login step and the limits. */
export interface RestAccess {
  authenticate: Authenticate;
  rateLimits: RateLimits;
}

/**
 * Who asks a download route (CSV exports, the HSDS directory and import, the .ics invitation),
 * under the same limits as the API: logged in, the request counts as one of the user's requests;
 * anonymous, it counts as a download of its IP address. Over a limit the answer is 429 with
 * Retry-After and a Dutch message; otherwise `res.locals.viewer` holds the viewer, or null. A
 * session that must first set up its second factor is refused (403), as over GraphQL.
 */
export function restSession(
  { authenticate, rateLimits }: RestAccess,
  format: RefusalFormat,
): RequestHandler {
  return async (req, res, next) => {
    let authentication: Authentication;
    try {
      authentication = await authenticate(req.headers);
      // req.ip is the address the nearest trusted proxy saw (TRUST_PROXY_HOPS).
      if (!authentication.viewer) await rateLimits.consumeAnonymousDownload(req.ip ?? "unknown");
    } catch (failure) {
      if (!isTooManyRequests(failure)) return next(failure);
      const seconds = Number(failure.extensions.retryAfterSeconds);
      res.setHeader("Retry-After", String(seconds));
      return refuse(res, format, 429, "TOO_MANY_REQUESTS", failure.message);
    }
    if (authentication.mustSetUpSecondFactor) {
      return refuse(res, format, 403, "SECOND_FACTOR_SETUP_REQUIRED", secondFactorSetupMessage);
    }
    res.locals.viewer = authentication.viewer;
    next();
  };
}

/** The viewer `restSession` found for this request, or null. */
export function restViewer(res: Response): Viewer | null {
  return (res.locals.viewer as Viewer | null | undefined) ?? null;
}

/** Answers a refusal in the route's format. */
export function refuse(
  res: Response,
  format: RefusalFormat,
  status: number,
  code: string,
  message: string,
): void {
  if (format === "json") res.status(status).json({ error: { code, message } });
  else res.status(status).type("text/plain; charset=utf-8").send(message);
}

function isTooManyRequests(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions.code === "TOO_MANY_REQUESTS";
}
