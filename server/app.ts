import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler } from "express";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { DataSource } from "typeorm";
import { createAuthenticate } from "./auth/authenticate.js";
import type { Context } from "./request/context.js";
import type { Config } from "./config.js";
import {
  formatError,
  isDatabaseUnavailable,
  isUnstorableText,
  loggableError,
  ServiceUnavailableError,
  serviceUnavailableStatus,
} from "./common/errors.js";
import { unreadableTextMessages } from "./common/text.js";
import { createChangeFeed, listenForChanges } from "./live/change-feed.js";
import { serveLiveUpdates } from "./live/live.socket.js";
import { createLoaders } from "./modules.js";
import { requestScope, scopeConnections } from "./db/request-scope.js";
import { tileImageSource } from "./geography/map-tiles.js";
import { openReferralRoutes } from "./hsds/hsds.routes.js";
import { logger } from "./logger.js";
import { nazorgMapExportRouter } from "./nazorg-map/nazorg-map.export.js";
import { WorkingDayCalendar } from "./common/working-days.js";
import { compiledExecution } from "./compiled-execution.js";
import { buildKetenkaartSchema } from "./schema.js";
import { graphqlArmor } from "./security/graphql-limits.js";
import { securityHeaders } from "./security/http-headers.js";
import { createRateLimits } from "./security/rate-limits.js";
import { singleSignOnRouter } from "./single-sign-on/single-sign-on.routes.js";
import { zorgoverlegRouter } from "./zorgoverleg/zorgoverleg.routes.js";

export interface App {
  httpServer: http.Server;
  /** From now on /readyz answers 503, so load balancers send no new requests. */
  beginShutdown(): void;
  stop(): Promise<void>;
}

/**
 * The API at /graphql and the built web client at /, on one port. Nothing is kept in memory
 * between requests, so any number of instances can stand behind a load balancer.
 */
export async function createApp(db: DataSource, config: Config): Promise<App> {
  const { clientDir } = config;
  const calendar = new WorkingDayCalendar(config.holidays);
  // From here on every connection works as the application role with the request's viewer:
  // row-level security backs up the checks in code (server/db/request-scope.ts).
  scopeConnections(db);
  const app = express();
  const httpServer = http.createServer(app);
  // A load balancer (or any client) that reuses an idle connection at the moment we close it
  // gets a reset: a 502 for the user. Node's 5 s is below every load balancer's idle timeout
  // (AWS's 60 s, nginx's 60 s), so we keep connections longer than they do, and the headers
  // timeout (60 s by default) just above that, so that it never cuts a connection off first.
  httpServer.keepAliveTimeout = config.keepAliveSeconds * 1000;
  httpServer.headersTimeout = httpServer.keepAliveTimeout + 1000;
  app.disable("x-powered-by");
  // Express would hash every body for an ETag; API answers are never revalidated (static files
  // keep theirs from express.static).
  app.set("etag", false);
  // req.ip is the address the nearest trusted proxy saw, which a client cannot forge.
  app.set("trust proxy", config.trustProxyHops);
  app.use(securityHeaders(config.production, [tileImageSource(config.map.tileUrl)]));
  const rateLimits = createRateLimits(db, config.rateLimits);
  // Who sends a request: found one way for GraphQL, the downloads and the live socket.
  const authenticate = createAuthenticate(db, rateLimits, config.secondFactorRequired);
  const restAccess = { authenticate, rateLimits };

  const armor = graphqlArmor(config.graphqlIntrospection);
  // Live updates: every instance LISTENs for the changes any instance commits and passes them to
  // its own WebSocket subscribers (server/live/).
  const changes = createChangeFeed();
  const schema = await buildKetenkaartSchema(changes.pubSub);
  const changeListener = await listenForChanges(db, changes);
  const live = serveLiveUpdates({
    httpServer,
    schema,
    db,
    config,
    calendar,
    rateLimits,
    authenticate,
    sessionEnds: changes,
    loadersFor: (viewer) => createLoaders({ db, viewer, config }),
    limits: armor,
  });
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM: it fails readiness first and then drains. Apollo's own
    // handler would stop the server at once, cutting off what a load balancer still sends.
    stopOnTerminationSignals: false,
    introspection: config.graphqlIntrospection,
    // A browser cannot send a "simple" cross-site request that reaches a resolver: it needs
    // application/json or a preflighted header.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The web client sends whole documents; a persisted-query cache would only be a place for
    // strangers to fill memory (and its hash mismatch is an error without a code).
    persistedQueries: false,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // We set no cache hints; left on, it wraps every field's resolver (seen in a profile).
      ApolloServerPluginCacheControlDisabled(),
      ...armor.plugins,
      serviceUnavailableStatus,
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      // Method, path and status only: query variables may hold client data.
      logger.info(
        {
          method: req.method,
          path: loggablePath(req.originalUrl),
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        "request",
      );
    });
    next();
  });
  app.use(requestScope);

  // Liveness for the process, readiness for the load balancer: database reachable and no
  // migration pending.
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  // Within 2 s either way: a probe that hangs on a dead database is no answer.
  let shuttingDown = false;
  app.get("/readyz", async (_req, res) => {
    if (shuttingDown) {
      res.status(503).json({ status: "stopping" });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const pending = await Promise.race([
        db.showMigrations(),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error("readiness check timed out")), 2000);
        }),
      ]);
      res.status(pending ? 503 : 200).json({ status: pending ? "migrations pending" : "ready" });
    } catch {
      res.status(503).json({ status: "database unavailable" });
    } finally {
      clearTimeout(timer);
    }
  });

  app.use(
    "/graphql",
    // The largest form the web client sends is a few kB; the HSDS import has its own route.
    express.json({ limit: "100kb" }),
    refuseUnreadableBody,
    // Again after the body parser: its stream callbacks do not carry the scope along.
    requestScope,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const { viewer, mustSetUpSecondFactor } = await authenticate(req.headers).catch(
          (error: unknown) => {
            throw isDatabaseUnavailable(error) ? new ServiceUnavailableError() : error;
          },
        );
        return {
          db,
          config,
          calendar,
          rateLimits,
          loaders: createLoaders({ db, viewer, config }),
          viewer,
          mustSetUpSecondFactor,
          request: req,
          response: res,
        };
      },
    }),
  );

  // The downloads: the same login and request limits as the API, and a limit per IP address
  // for anonymous callers (server/auth/rest-session.ts).
  app.use(zorgoverlegRouter(db, config, restAccess));
  app.use("/export", nazorgMapExportRouter(db, config, restAccess));
  app.use("/open-referral", openReferralRoutes(db, restAccess));
  app.use(singleSignOnRouter(db, config, rateLimits));

  if (existsSync(path.join(clientDir, "index.html"))) {
    // The client is built without source maps; one left in the folder (a build of another
    // configuration) is not served either, nor answered with the page: it would hand out the
    // full sources.
    app.use((req, res, next) => {
      if (!req.path.endsWith(".map")) return next();
      res.status(404).type("text/plain").send("Niet gevonden.");
    });
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    // Client-side routes (/aanbod/…) all load the single page app.
    app.get("/{*path}", (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(path.join(clientDir, "index.html"));
    });
  } else {
    logger.warn({ clientDir }, "web client not built; serving the API only");
  }

  // The REST routes (exports, invitations) answer 503 too when the database is away.
  app.use(
    (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (!isDatabaseUnavailable(error) || res.headersSent) return next(error);
      res.status(503).type("text/plain").send(new ServiceUnavailableError().message);
    },
  );
  // A request the server cannot read (a malformed %-escape in the path, a body that is not what
  // its Content-Encoding says): the caller's mistake, a 4xx in Dutch. Nothing of it is logged.
  app.use(((error: unknown, _req, res, next) => {
    const status = clientErrorStatus(error) ?? (isUnstorableText(error) ? 400 : undefined);
    if (status === undefined || res.headersSent) return next(error);
    res.status(status).json({
      errors: [{ message: clientErrorMessage(error, status), extensions: { code: "BAD_REQUEST" } }],
    });
  }) satisfies ErrorRequestHandler);
  // Express's own handler would answer with an HTML stack trace outside production.
  app.use(((error: unknown, _req, res, _next) => {
    logger.error({ error: loggableError(error) }, "unexpected error in HTTP request");
    if (res.headersSent) return;
    res.status(500).json({
      errors: [
        {
          message: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        },
      ],
    });
  }) satisfies ErrorRequestHandler);

  return {
    httpServer,
    beginShutdown() {
      shuttingDown = true;
    },
    async stop() {
      await live.close();
      await apollo.stop();
      await changeListener.close();
    },
  };
}

/**
 * The path as the request log may hold it: a path with a malformed %-escape is someone probing
 * (or a broken link), and its raw text stays out of the log.
 */
function loggablePath(url: string): string {
  const path = url.split("?")[0] ?? "";
  try {
    decodeURIComponent(path);
  } catch {
    return "[malformed path]";
  }
  return path.length > 300 ? `${path.slice(0, 300)}…` : path;
}

/**
 * The 4xx status an error of Express, its router or its body parser carries (http-errors): a
 * path that cannot be decoded, a body that cannot be read or inflated, a charset we do not
 * know. Undefined for anything else, which is ours to fix.
 */
function clientErrorStatus(error: unknown): number | undefined {
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown };
  const code = typeof status === "number" ? status : statusCode;
  return typeof code === "number" && code >= 400 && code < 500 ? code : undefined;
}

function clientErrorMessage(error: unknown, status: number): string {
  if (error instanceof URIError) return "Het webadres is ongeldig: het bevat een onjuiste %-code.";
  if (isUnstorableText(error)) return unreadableTextMessages.control;
  if (status === 413) return "Het verzoek is te groot.";
  if (status === 415) return "Ketenkaart kan deze tekenset of dit soort inhoud niet lezen.";
  return "Het verzoek kon niet worden gelezen: de inhoud is beschadigd of niet wat de kopregels zeggen.";
}

const unreadableJson = new Set([
  "entity.parse.failed",
  "encoding.unsupported",
  "charset.unsupported",
  "request.aborted",
  "request.size.invalid",
  "entity.verify.failed",
]);

/**
 * A body that is no JSON or too large is the caller's mistake: a GraphQL-shaped 400 or 413 in
 * Dutch, never the parser's own message. So is a body that cannot be read at all (a gzip that
 * is not gzip), whatever the parser calls it.
 */
const refuseUnreadableBody: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
  const status = clientErrorStatus(error);
  if (status === undefined) {
    next(error);
    return;
  }
  const message =
    status === 413
      ? "Het verzoek is te groot (hoogstens 100 kB)."
      : unreadableJson.has(error.type ?? "")
        ? "Het verzoek is geen geldige JSON."
        : clientErrorMessage(error, status);
  res.status(status === 413 ? 413 : 400).json({
    errors: [{ message, extensions: { code: "BAD_REQUEST" } }],
  });
};
