import * as openid from "openid-client";

/** How long Ketenkaart waits for an issuer: a login should fail visibly, not hang. */
const issuerTimeoutSeconds = 10;

/**
 * An issuer's configuration for one client, from its discovery document (fetched every time:
 * no instance keeps anything in memory, and an issuer may rotate its endpoints).
 *
 * Plain http only to a loopback issuer outside production: the tests' own issuer.
 */
export function discoverIssuer(
  issuer: string,
  client: { clientId: string; clientSecret: string },
  production: boolean,
): Promise<openid.Configuration> {
  const url = new URL(issuer);
  return openid.discovery(
    url,
    client.clientId,
    undefined,
    openid.ClientSecretBasic(client.clientSecret),
    {
      timeout: issuerTimeoutSeconds,
      execute: !production && isLoopback(url) ? [openid.allowInsecureRequests] : [],
    },
  );
}

/** Whether the issuer address may be used at all: https, or http to loopback outside production. */
export function isAcceptableIssuerUrl(issuer: string, production: boolean): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  return url.protocol === "https:" || (!production && url.protocol === "http:" && isLoopback(url));
}

function isLoopback(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}
