import { type ApolloServer, HeaderMap } from "@apollo/server";
import bodyParser from "body-parser";
import { parse as parseCookies } from "cookie";
import type { IncomingMessage, ServerResponse } from "node:http";
import proxyAddr from "proxy-addr";
import type { Context } from "./common/context.js";
import { inRequestScope } from "./db/request-scope.js";
import { logger } from "./logger.js";

/** A request handler in Node's own terms, as helmet's and body-parser's are. */
export type NodeMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** What a resolver may know of the HTTP request it answers. */
export interface GraphqlRequest {
  request: IncomingMessage;
  response: ServerResponse;
  /** The caller's address as the nearest trusted proxy saw it, which a client cannot forge. */
  clientIp: string;
  cookies: Record<string, string | undefined>;
}

/**
 * /graphql, served by Node's HTTP server itself rather than through Express: Express's router,
 * its response helpers and Apollo's Express integration cost a search 0.25–0.5 ms of its
 * 3.5–5 ms and a seventh of the server's CPU per request (issue 6). The rest of the site (the
 * web client, exports, open referral) stays on Express. What Express gave /graphql is here
 * explicitly: the security headers, the request log line, the request's database scope, the
 * JSON body with its limit, cookies and the client's address behind trusted proxies.
 */
export function graphqlEndpoint({
  apollo,
  securityHeaders,
  trustProxyHops,
  context,
}: {
  apollo: ApolloServer<Context>;
  securityHeaders: NodeMiddleware;
  trustProxyHops: number;
  context: (request: GraphqlRequest) => Promise<Context>;
}): {
  serves(request: IncomingMessage): boolean;
  handle(request: IncomingMessage, response: ServerResponse): void;
} {
  // The largest form the web client sends is a few kB; the HSDS import has its own route.
  const readJson = bodyParser.json({ limit: "100kb" });
  const trusted = (_address: string, hop: number) => hop < trustProxyHops;

  async function answer(request: IncomingMessage & { body?: unknown }, response: ServerResponse) {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: request.method?.toUpperCase() ?? "GET",
        headers,
        search: splitUrl(request).search,
        body: request.body,
      },
      context: () =>
        context({
          request,
          response,
          clientIp: proxyAddr(request, trusted),
          cookies: parseCookies(request.headers.cookie ?? ""),
        }),
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      response.setHeader("Content-Length", Buffer.byteLength(result.body.string));
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  return {
    serves: (request) => splitUrl(request).path === "/graphql",
    handle(request, response) {
      logRequest(request, response);
      securityHeaders(request, response, () => {
        readJson(request, response, (error?: unknown) => {
          if (error) {
            refuseUnreadableBody(error, response);
            return;
          }
          // The scope starts here: the body parser's stream callbacks would not carry it along.
          inRequestScope(() =>
            answer(request, response).catch((failure: unknown) => fail(failure, response)),
          );
        });
      });
    },
  };
}

/** One log line per request: method, path and status only, as query variables may hold client data. */
export function logRequest(request: IncomingMessage, response: ServerResponse): void {
  const started = process.hrtime.bigint();
  // Taken now: Express's mounted routers rewrite the URL while they handle it.
  const { path } = splitUrl(request);
  response.on("finish", () => {
    logger.info(
      {
        method: request.method,
        path,
        status: response.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      },
      "request",
    );
  });
}

/** A request's path and its query string (with the "?"), without parsing the URL. */
function splitUrl(request: IncomingMessage): { path: string; search: string } {
  const url = request.url ?? "";
  const query = url.indexOf("?");
  return query >= 0
    ? { path: url.slice(0, query), search: url.slice(query) }
    : { path: url, search: "" };
}

/**
 * A body that is no JSON or too large is the caller's mistake: a GraphQL-shaped 400 or 413 in
 * Dutch, never the parser's own message.
 */
function refuseUnreadableBody(error: unknown, response: ServerResponse): void {
  const type = (error as { type?: string }).type;
  const refusal =
    type === "entity.too.large"
      ? { status: 413, message: "Het verzoek is te groot (hoogstens 100 kB)." }
      : type === "entity.parse.failed" ||
          type === "encoding.unsupported" ||
          type === "charset.unsupported" ||
          type === "request.aborted" ||
          type === "request.size.invalid" ||
          type === "entity.verify.failed"
        ? { status: 400, message: "Het verzoek is geen geldige JSON." }
        : undefined;
  if (!refusal) {
    fail(error, response);
    return;
  }
  sendJson(response, refusal.status, {
    errors: [{ message: refusal.message, extensions: { code: "BAD_REQUEST" } }],
  });
}

/** A failure around Apollo (which answers every GraphQL error itself): logged, never shown. */
function fail(failure: unknown, response: ServerResponse): void {
  const { name, message } = (failure ?? {}) as { name?: string; message?: string };
  logger.error({ error: { name, message } }, "unexpected error in HTTP request");
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(response, 500, internalError);
}

/** The answer to a request that failed on our side, for /graphql and Express's routes alike. */
export const internalError = {
  errors: [
    {
      message: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    },
  ],
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader("Content-Type", "application/json; charset=utf-8");
  response.setHeader("Content-Length", Buffer.byteLength(text));
  response.end(text);
}
