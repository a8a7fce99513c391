import { inject } from "vitest";
import { graphql, type GraphQLResponse } from "./api.js";

/** Cookies per origin, as a browser keeps them (path and expiry beyond deletion ignored). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: URL): string {
    const cookies = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  store(url: URL, response: Response): void {
    const cookies = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    this.byOrigin.set(url.origin, cookies);
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const expired = attributes.some(
        (attribute) =>
          /^\s*max-age=0$/i.test(attribute) ||
          (/^\s*expires=/i.test(attribute) &&
            new Date(attribute.split("=")[1]!).getTime() < Date.now()),
      );
      if (expired || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }

  /** A copy, as a second browser that happened to hold the same cookies. */
  without(url: string, name: string): CookieJar {
    const copy = new CookieJar();
    for (const [origin, cookies] of this.byOrigin) {
      copy.byOrigin.set(
        origin,
        new Map([...cookies].filter(([key]) => key !== name || origin !== new URL(url).origin)),
      );
    }
    return copy;
  }
}

/** One request without following redirects; Ketenkaart sees it from `ip` (X-Forwarded-For). */
export async function visit(
  jar: CookieJar,
  url: URL,
  ip: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set("cookie", cookie);
  if (url.origin === new URL(inject("baseUrl")).origin) headers.set("x-forwarded-for", ip);
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.store(url, response);
  return response;
}

/**
 * Starts a login through the organisation for `email` and logs in at the issuer as `login`:
 * answers where Ketenkaart sent the browser, either the issuer's answer at the callback (not
 * yet visited) or a refusal on the login page.
 */
export async function throughIssuer(
  email: string,
  login: string,
  ip: string,
  jar = new CookieJar(),
): Promise<{ jar: CookieJar; callback?: URL; refusal?: string }> {
  const baseUrl = inject("baseUrl");
  let url = new URL(`${baseUrl}/auth/sso/start?email=${encodeURIComponent(email)}`);
  for (let step = 0; step < 10; step++) {
    let response = await visit(jar, url, ip);
    if (response.status === 200 && url.pathname.startsWith("/interaction/")) {
      response = await visit(jar, url, ip, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ login }).toString(),
      });
    }
    const location = response.headers.get("location");
    if (!location) throw new Error(`no redirect from ${url.href}: ${response.status}`);
    url = new URL(location, url);
    if (url.origin === new URL(baseUrl).origin) {
      if (url.pathname === "/auth/sso/callback") return { jar, callback: url };
      if (url.pathname === "/inloggen") return { jar, refusal: url.searchParams.get("sso")! };
    }
  }
  throw new Error("too many redirects");
}

/** Visits the callback: answers where Ketenkaart sent the browser, and its session cookie. */
export async function finishLogin(jar: CookieJar, callback: URL, ip: string) {
  const response = await visit(jar, callback, ip);
  const location = new URL(response.headers.get("location")!, callback);
  return {
    path: location.pathname,
    refusal: location.searchParams.get("sso"),
    session: jar.get(inject("baseUrl"), "kk_session"),
  };
}

/** The whole login through the organisation: start, issuer, callback. */
export async function singleSignOn(email: string, login: string, ip: string) {
  const started = await throughIssuer(email, login, ip);
  if (!started.callback)
    return { path: "/inloggen", refusal: started.refusal!, session: undefined };
  return finishLogin(started.jar, started.callback, ip);
}

export interface ConnectionData {
  organizationId: string;
  issuer: string;
  openidClientId: string;
  emailDomain: string;
}

/** Sets the organisation's connection as `headers`. */
export function connect(
  headers: Record<string, string>,
  input: {
    organizationId: string;
    issuer: string;
    openidClientId: string;
    clientSecret?: string | null;
    emailDomain: string;
  },
): Promise<GraphQLResponse<{ setSingleSignOn: ConnectionData }>> {
  return graphql<{ setSingleSignOn: ConnectionData }>(
    `
      mutation ($input: SetSingleSignOnInput!) {
        setSingleSignOn(input: $input) {
          organizationId
          issuer
          openidClientId
          emailDomain
        }
      }
    `,
    { input },
    headers,
  );
}
