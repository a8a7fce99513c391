import http from "node:http";
import type { Duplex } from "node:stream";
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { DataSource } from "typeorm";
import { type WebSocket, WebSocketServer } from "ws";
import { type Authenticate, bearerToken } from "../security/authentication.js";
import type { Viewer } from "../security/viewer.js";
import type { Context } from "../request/context.js";
import {
  formatError,
  isDatabaseUnavailable,
  loggableError,
  secondFactorSetupMessage,
} from "../common/errors.js";
import type { Loaders } from "../request/loaders.js";
import type { Config } from "../config.js";
import { logger } from "../logger.js";
import type { WorkingDayCalendar } from "../common/working-days.js";
import { costRefusal, limitMessage, onlySubscriptions } from "../security/graphql-limits.js";
import type { RateLimits } from "../security/rate-limits.js";
import type { ChangeFeed } from "./change-feed.js";

export interface LiveSocketOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  db: DataSource;
  config: Config;
  calendar: WorkingDayCalendar;
  rateLimits: RateLimits;
  /** Finds who opens a socket, as for every HTTP request (server/auth/authenticate.ts). */
  authenticate: Authenticate;
  /** The request loaders of a subscriber (server/modules.ts). */
  loadersFor(viewer: Viewer): Loaders;
  /** Tells of ended sessions and disabled accounts, on any instance. */
  sessionEnds: Pick<ChangeFeed, "onSessionEnd">;
  /** The same limits as over HTTP (server/security/graphql-limits.ts). */
  limits: { limitRules: ValidationRule[]; parseOptions: { maxTokens: number } };
}

/** Who holds a socket: found at the upgrade, checked again as events go out. */
interface SocketSession {
  token: string;
  viewer: Viewer;
}

// A subscription's context: a socket has no Express request or response, and the resolvers it
// runs (subscriptions only) need neither.
type SubscriptionContext = Omit<Context, "request" | "response">;

// The largest message the web client sends is a few hundred bytes; HTTP allows 100 kB.
const maxMessageBytes = 100 * 1024;
// The web client keeps two subscriptions open per page.
const maxSubscriptionsPerSocket = 10;
// 4401 tells graphql-ws clients not to retry: they must log in again.
const sessionEnded = { code: 4401, reason: "Unauthorized" } as const;
// Messages only a server sends. graphql-ws takes one from a client for its own failure: it
// closes with 4500 and writes the "error" to stderr, so any client could fill our logs.
const serverMessageTypes = new Set(["connection_ack", "next", "error"]);

/**
 * Refuses a server's message from a client while graphql-ws parses it, which closes the socket
 * with 4400 Bad Request as the protocol prescribes. The last call, with key "", is the message
 * (a nested key "" holding such a type is refused too; no client sends one).
 */
function refuseServerMessages(key: string, value: unknown): unknown {
  if (key === "" && serverMessageTypes.has((value as { type?: unknown } | null)?.type as string)) {
    throw new Error("Unexpected message type");
  }
  return value;
}

/**
 * GraphQL subscriptions (graphql-ws) on the HTTP server's `/graphql`. A socket is opened only
 * for a logged-in session (cookie or bearer token, as over HTTP) and, as browsers send cookies
 * along cross-site, only from a page of our own origin: otherwise any site could listen in with
 * the visitor's session (cross-site WebSocket hijacking). It runs subscriptions only, within
 * the same GraphQL limits and request rate as HTTP.
 */
export function serveLiveUpdates(options: LiveSocketOptions): { close(): Promise<void> } {
  const { httpServer, schema, db, config, calendar, rateLimits, sessionEnds, limits, loadersFor } =
    options;
  const { authenticate } = options;
  const server = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const sessions = new WeakMap<http.IncomingMessage, SocketSession>();
  // The open sockets of each user on this instance, to close them when a session ends.
  const socketsOfUser = new Map<string, Set<{ webSocket: WebSocket; token: string }>>();

  sessionEnds.onSessionEnd((userId) => {
    for (const open of socketsOfUser.get(userId) ?? []) {
      void stillLoggedIn(authenticate, open.token).then((loggedIn) => {
        if (!loggedIn) open.webSocket.close(sessionEnded.code, sessionEnded.reason);
      });
    }
  });

  httpServer.on("upgrade", (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const admitting = admit(request, authenticate, config);
    void admitting
      .then((admission) => {
        // As the HTTP requests are logged: path and status only.
        const status = "refusal" in admission ? admission.refusal.status : 101;
        logger.info({ method: "GET", path: "/graphql", status, upgrade: true }, "request");
        if ("refusal" in admission) {
          refuse(socket, admission.refusal);
          return;
        }
        server.handleUpgrade(request, socket, head, (webSocket) => {
          sessions.set(request, admission.session);
          // The session's end ends the socket too.
          const expiry = setTimeout(
            () => webSocket.close(sessionEnded.code, sessionEnded.reason),
            Math.min(admission.session.viewer.sessionExpiresAt.getTime() - Date.now(), 2 ** 31 - 1),
          );
          const { userId } = admission.session.viewer;
          const open = { webSocket, token: admission.session.token };
          socketsOfUser.set(userId, (socketsOfUser.get(userId) ?? new Set()).add(open));
          webSocket.once("close", () => {
            clearTimeout(expiry);
            const ofUser = socketsOfUser.get(userId);
            ofUser?.delete(open);
            if (ofUser?.size === 0) socketsOfUser.delete(userId);
          });
          server.emit("connection", webSocket, request);
          // ws has already closed the socket with the right code (1009 for an oversized frame,
          // 1002 for a malformed one); graphql-ws would print each such client error with its
          // stack to stderr, so any client could fill the server's error output.
          webSocket.removeAllListeners("error");
          webSocket.on("error", (error: Error & { code?: string }) =>
            logger.info({ error: { code: error.code } }, "live socket closed on a refused frame"),
          );
        });
      })
      .catch(() => socket.destroy());
  });

  const sessionOf = (request: http.IncomingMessage) => sessions.get(request)!;
  const rules = [...specifiedRules, ...limits.limitRules, onlySubscriptions];
  const format = (error: GraphQLError) => {
    const message = limitMessage(error.message, config.graphqlIntrospection);
    // As Apollo does over HTTP: `http` sets the status and headers of an HTTP answer, which a
    // socket's message does not have.
    const { http: _http, ...extensions } = error.extensions;
    return formatError({ ...error.toJSON(), message, extensions }, error);
  };

  const graphqlServer = useServer(
    {
      schema,
      isProd: config.production,
      jsonMessageReviver: refuseServerMessages,
      onSubscribe: async (ctx, _id, payload) => {
        const session = sessionOf(ctx.extra.request);
        if (Object.keys(ctx.subscriptions).length > maxSubscriptionsPerSocket) {
          return [
            new GraphQLError(
              `Hoogstens ${maxSubscriptionsPerSocket} abonnementen per verbinding.`,
              { extensions: { code: "TOO_MANY_REQUESTS" } },
            ),
          ];
        }
        try {
          await rateLimits.consumeRequest(session.viewer.userId);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, limits.parseOptions);
        } catch (error) {
          return [withCode(error as GraphQLError, "GRAPHQL_PARSE_FAILED")];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return errors.map((e) => withCode(e, "GRAPHQL_VALIDATION_FAILED"));
        const tooCostly = costRefusal(schema, document, payload.variables, payload.operationName);
        if (tooCostly) return [tooCostly];
        const contextValue: SubscriptionContext = {
          db,
          config,
          calendar,
          rateLimits,
          loaders: loadersFor(session.viewer),
          viewer: session.viewer,
          // A session that must set up its second factor first gets no socket.
          mustSetUpSecondFactor: false,
        };
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
      onNext: async (ctx, _id, _payload, _args, result) => {
        if (!(await stillLoggedIn(authenticate, sessionOf(ctx.extra.request).token))) {
          ctx.extra.socket.close(sessionEnded.code, sessionEnded.reason);
          return;
        }
        return result.errors ? { ...result, errors: result.errors.map(format) } : undefined;
      },
    },
    server,
  );

  return {
    /**
     * Closes every socket with 1001 Going Away, upon which clients reconnect (through the load
     * balancer, to another instance); one that does not answer is cut off after 3 s.
     */
    async close() {
      const cutOff = setTimeout(() => {
        for (const client of server.clients) client.terminate();
      }, 3000);
      await graphqlServer.dispose();
      clearTimeout(cutOff);
    },
  };
}

type Admission = { session: SocketSession } | { refusal: { status: number; message: string } };

async function admit(
  request: http.IncomingMessage,
  authenticate: Authenticate,
  config: Config,
): Promise<Admission> {
  const behindProxy = config.trustProxyHops > 0;
  if (new URL(request.url ?? "/", "http://localhost").pathname !== "/graphql") {
    return { refusal: { status: 404, message: "Niet gevonden." } };
  }
  const origin = request.headers.origin;
  // A browser always sends Origin on a WebSocket; only an API client (with a bearer token, which
  // no other site can make a browser send) may leave it out.
  // The host the browser addressed: Host, or what a proxy in front passes on as X-Forwarded-Host
  // (a page cannot set either on a browser's WebSocket).
  const forwarded = behindProxy ? request.headers["x-forwarded-host"] : undefined;
  const hosts = [request.headers.host, ...String(forwarded ?? "").split(",")];
  if (origin ? !sameOrigin(origin, hosts) : !bearerToken(request.headers)) {
    return { refusal: { status: 403, message: "Alleen vanaf Ketenkaart zelf." } };
  }
  const loginFirst = { refusal: { status: 401, message: "Log eerst in." } };
  try {
    const { token, viewer, mustSetUpSecondFactor } = await authenticate(request.headers);
    if (!token || !viewer) return loginFirst;
    if (mustSetUpSecondFactor) {
      return { refusal: { status: 403, message: secondFactorSetupMessage } };
    }
    return { session: { token, viewer } };
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === "TOO_MANY_REQUESTS") {
      return { refusal: { status: 429, message: error.message } };
    }
    if (!isDatabaseUnavailable(error)) {
      logger.error({ error: loggableError(error) }, "unexpected error opening a WebSocket");
    }
    return { refusal: { status: 503, message: "Probeer het zo opnieuw." } };
  }
}

/** The page's origin has the host the request was sent to (scheme aside: TLS may end earlier). */
function sameOrigin(origin: string, hosts: Array<string | undefined>): boolean {
  try {
    const { host } = new URL(origin);
    return hosts.some((candidate) => candidate?.trim().toLowerCase() === host);
  } catch {
    return false;
  }
}

/**
 * The session still holds (not logged out, expired or disabled). Checked when PostgreSQL tells
 * of an ended session of the user, and for every event, in case that notice was missed while
 * the listener reconnected: the refetch an event triggers costs far more.
 */
async function stillLoggedIn(authenticate: Authenticate, token: string): Promise<boolean> {
  try {
    return await authenticate.sessionHolds(token);
  } catch {
    // The database is away: the refetch will say so; the socket may stay.
    return true;
  }
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

function refuse(socket: Duplex, { status, message }: { status: number; message: string }): void {
  const body = JSON.stringify({ errors: [{ message }] });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
      "Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
