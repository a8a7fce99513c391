import type { IncomingHttpHeaders } from "node:http";
import { parse as parseCookies } from "cookie";
import type { Viewer } from "./viewer.js";

/** The cookie that carries the web client's session token. */
export const sessionCookieName = "kk_session";

/** The bearer token an API client sent, if any. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
}

/** The session token in the web client's cookie, if any. */
export function cookieToken(headers: IncomingHttpHeaders): string | undefined {
  return parseCookies(headers.cookie ?? "")[sessionCookieName];
}

/** A request's session token: `Authorization: Bearer …` for API clients, else the cookie. */
export function sessionToken(headers: IncomingHttpHeaders): string | undefined {
  return bearerToken(headers) ?? cookieToken(headers);
}

/** Who sends a request, as GraphQL, the downloads and the live socket all see it. */
export interface Authentication {
  /** The session token the request carried, if any. */
  token: string | undefined;
  /** The logged-in worker, or null: no token, or one of an ended session. */
  viewer: Viewer | null;
  /**
   * Where a second factor is required, a session of an account without one may only set it up
   * (and see who it is, renew or end the session): it sees no client data and changes nothing.
   */
  mustSetUpSecondFactor: boolean;
}

/** The one login step of every request (server/auth/authenticate.ts). */
export interface Authenticate {
  (headers: IncomingHttpHeaders): Promise<Authentication>;
  /** Whether the session of `token` still holds, without counting a request. */
  sessionHolds(token: string): Promise<boolean>;
}
