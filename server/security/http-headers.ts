import helmet from "helmet";
import type { RequestHandler } from "express";

/**
 * Security headers for the web client and the API. The built client has no inline script or
 * style element (Vite emits files; React's style props go through the DOM, which CSP allows),
 * so script and style come from our own origin only.
 */
export function securityHeaders(
  production: boolean,
  mapTileSources: string[] = [],
): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        // The map's tiles come from the one configured tile host (geography/map-settings.ts).
        imgSrc: ["'self'", "data:", ...mapTileSources],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Development and tests run on plain http://localhost.
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}
