import cookieParser from "cookie-parser";
import { type Request, type Response, Router } from "express";
import * as openid from "openid-client";
import type { DataSource } from "typeorm";
import { logIn } from "../auth/auth.resolver.js";
import { normalizeEmail } from "../auth/email-address.js";
import { isDatabaseUnavailable, loggableError, TooManyRequestsError } from "../common/errors.js";
import type { Config } from "../config.js";
import { logger } from "../logger.js";
import type { RateLimits } from "../security/rate-limits.js";
import { discoverIssuer } from "./openid-issuer.js";
import {
  accountForLogin,
  loginAttemptMaxAgeMs,
  recordIdentity,
  saveLoginAttempt,
  singleSignOnClientFor,
  takeLoginAttempt,
} from "./single-sign-on.service.js";
import { recordSecurityEvent } from "../auth/security-log.js";

/**
 * Why a login through the organisation did not happen, as the login page explains it
 * (client/src/auth/SingleSignOnLogin.tsx). One reason for an unknown, disabled or no longer
 * invited address alike: the answer never tells whether an address has an account.
 */
export type SingleSignOnRefusal =
  | "geen-koppeling"
  | "te-vaak"
  | "onbereikbaar"
  | "verlopen"
  | "afgebroken"
  | "mislukt"
  | "ander-domein"
  | "geweigerd";

const stateCookie = "kk_sso_state";
const cookiePath = "/auth/sso";
export const callbackPath = "/auth/sso/callback";

/**
 * Single sign-on through the organisation's own OpenID Connect issuer (authorization code flow
 * with PKCE, state and nonce):
 *
 * - `GET /auth/sso/start?email=…` finds the connection of the address's domain and sends the
 *   browser to the issuer. The started login is kept in PostgreSQL, and its state also in a
 *   cookie of this browser, so an answer meant for another browser is refused.
 * - `GET /auth/sso/callback` takes the issuer's answer (on any instance), exchanges the code,
 *   checks the ID token, and logs in the account of the verified address.
 */
export function singleSignOnRouter(db: DataSource, config: Config, rateLimits: RateLimits): Router {
  const router = Router();
  const key = config.singleSignOnKey!;
  const redirectUri = `${config.publicUrl}${callbackPath}`;
  const refuse = (res: Response, reason: SingleSignOnRefusal) => {
    res.setHeader("Cache-Control", "no-store");
    res.redirect(303, `/inloggen?sso=${reason}`);
  };

  router.get("/auth/sso/start", async (req, res, next) => {
    try {
      await rateLimits.countSingleSignOnStart(req.ip ?? "unknown");
      const given = typeof req.query.email === "string" ? req.query.email.trim() : "";
      const email = normalizeEmail(given);
      if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 254) {
        return refuse(res, "geen-koppeling");
      }
      const client = await singleSignOnClientFor(db, email, key);
      if (!client) return refuse(res, "geen-koppeling");
      let issuer: openid.Configuration;
      try {
        issuer = await discoverIssuer(client.issuer, client, config.production);
      } catch (error) {
        logger.warn({ error: loggableError(error) }, "single sign-on issuer unreachable");
        return refuse(res, "onbereikbaar");
      }
      const state = openid.randomState();
      const nonce = openid.randomNonce();
      const codeVerifier = openid.randomPKCECodeVerifier();
      await saveLoginAttempt(db, {
        state,
        organizationId: client.organizationId,
        nonce,
        codeVerifier,
      });
      const authorizationUrl = openid.buildAuthorizationUrl(issuer, {
        redirect_uri: redirectUri,
        scope: "openid email",
        state,
        nonce,
        code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        login_hint: email,
      });
      res.cookie(stateCookie, state, {
        httpOnly: true,
        // Sent along when the issuer sends the browser back: a top-level GET navigation.
        sameSite: "lax",
        secure: config.production,
        path: cookiePath,
        maxAge: loginAttemptMaxAgeMs,
      });
      res.setHeader("Cache-Control", "no-store");
      res.redirect(303, authorizationUrl.href);
    } catch (error) {
      if (error instanceof TooManyRequestsError) return refuse(res, "te-vaak");
      next(error);
    }
  });

  router.get(callbackPath, cookieParser(), async (req, res, next) => {
    try {
      await callback(req, res);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return next(error);
      logger.error({ error: loggableError(error) }, "single sign-on callback failed");
      refuse(res, "mislukt");
    }
  });

  async function callback(req: Request, res: Response): Promise<void> {
    const state = typeof req.query.state === "string" ? req.query.state : "";
    const cookieState = (req.cookies as Record<string, string | undefined>)[stateCookie];
    res.clearCookie(stateCookie, { path: cookiePath });
    // The browser that started the login must be the one that comes back: otherwise someone
    // could hand another person a link that logs them in as the sender.
    if (!state || state !== cookieState) return refuse(res, "verlopen");
    const attempt = await takeLoginAttempt(db, state, key);
    if (!attempt) return refuse(res, "verlopen");
    if (typeof req.query.error === "string") return refuse(res, "afgebroken");

    let email: string | undefined;
    let subject: string;
    try {
      const issuer = await discoverIssuer(attempt.issuer, attempt, config.production);
      const tokens = await openid.authorizationCodeGrant(
        issuer,
        answeredUrl(redirectUri, req.originalUrl),
        {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: state,
          expectedNonce: attempt.nonce,
        },
      );
      const claims = tokens.claims()!;
      subject = claims.sub;
      // Issuers that keep the ID token small answer the address at the userinfo endpoint.
      const source =
        typeof claims.email === "string"
          ? claims
          : await openid.fetchUserInfo(issuer, tokens.access_token, claims.sub);
      // Only an address the issuer vouches for: an unverified one could be anyone's.
      if (source.email_verified === true && typeof source.email === "string") {
        email = normalizeEmail(source.email);
      }
    } catch (error) {
      logger.warn({ error: loggableError(error) }, "single sign-on code exchange failed");
      return refuse(res, "mislukt");
    }
    if (!email) return refuse(res, "geweigerd");
    if (email.slice(email.lastIndexOf("@") + 1) !== attempt.emailDomain) {
      return refuse(res, "ander-domein");
    }
    const account = await accountForLogin(db, attempt.organizationId, email);
    if (account.kind === "none") return refuse(res, "geweigerd");
    const failed = () =>
      recordSecurityEvent(db, "LOGIN_FAILED", {
        organizationId: attempt.organizationId,
        subjectUserId: account.userId,
      });
    if (account.kind === "refused") {
      await failed();
      return refuse(res, "geweigerd");
    }
    const recorded = await recordIdentity(
      db,
      {
        userId: account.userId,
        organizationId: attempt.organizationId,
        invited: account.kind === "invited",
      },
      { issuer: attempt.issuer, subject },
    );
    if (!recorded) {
      await failed();
      return refuse(res, "geweigerd");
    }
    // The organisation's issuer asks its own second factor; where Ketenkaart requires one, the
    // issuer's login stands in for it.
    await logIn({ db, config, response: res }, account.userId, { secondFactorByIssuer: true });
    res.setHeader("Cache-Control", "no-store");
    res.redirect(303, "/dashboard");
  }

  return router;
}

/** The return address at PUBLIC_URL with the issuer's answer: never the request's own Host. */
function answeredUrl(redirectUri: string, requestUrl: string): URL {
  const url = new URL(redirectUri);
  url.search = new URL(requestUrl, url).search;
  return url;
}
