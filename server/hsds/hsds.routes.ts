import express, { type ErrorRequestHandler, type Request, type Response, Router } from "express";
import type { DataSource } from "typeorm";
import { Role } from "../security/viewer.js";
import { refuse, type RestAccess, restSession, restViewer } from "../auth/rest-session.js";
import { isDatabaseUnavailable, loggableError, ServiceUnavailableError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { logger } from "../logger.js";
import { builtHsdsExport, directoryVersion, importHsds } from "./hsds.service.js";

/**
 * Open Referral over plain HTTP: HSDS documents are files to download and upload, and a
 * region's directory soon outgrows the GraphQL body limit.
 *
 * - `GET /open-referral/hsds.json[?organisatie=<id>]`: public directory data (no client data),
 *   built once per directory version, with an ETag for conditional requests.
 * - `POST /open-referral/import` (JSON body, regiobeheerder only): all or nothing, with a report.
 *   With `Accept: application/x-ndjson` the answer streams one JSON line per step of progress
 *   (`{"progress": …}`) and ends with `{"report": …}` (or `{"error": …}`), so the web client can
 *   show how far the import is without any state on the server between requests.
 *
 * Both count against the API's request limit of the logged-in user, or for anonymous callers
 * against the download limit of their IP address.
 */
export function openReferralRoutes(db: DataSource, access: RestAccess): Router {
  const router = Router();
  const session = restSession(access, "json");
  const notFound = (res: Response) =>
    refuse(res, "json", 404, "NOT_FOUND", "Deze organisatie bestaat niet.");

  // Answered from the export built for the current directory version, and with 304 to a caller
  // who has that version already: the data is public, so any cache may keep it, but must ask.
  router.get("/hsds.json", session, async (req, res, next) => {
    try {
      const organizationId = typeof req.query.organisatie === "string" ? req.query.organisatie : "";
      if (organizationId && !isUuid(organizationId)) return notFound(res);
      const version = await directoryVersion(db);
      res.setHeader("Cache-Control", "no-cache");
      if (hasVersion(req, version)) {
        res.setHeader("ETag", versionTag(version));
        res.status(304).end();
        return;
      }
      const built = await builtHsdsExport(db, version, organizationId || undefined);
      if (!built) return notFound(res);
      res.setHeader("ETag", versionTag(built.version));
      res.setHeader("Content-Disposition", 'attachment; filename="ketenkaart-hsds.json"');
      res.type("application/json").send(built.json);
    } catch (error) {
      next(error);
    }
  });

  router.post(
    "/import",
    session,
    (_req, res, next) => {
      const viewer = restViewer(res);
      if (!viewer) {
        refuse(res, "json", 401, "UNAUTHENTICATED", "U bent niet (meer) ingelogd. Log opnieuw in.");
      } else if (!viewer.roles.includes(Role.REGIO_BEHEERDER)) {
        refuse(
          res,
          "json",
          403,
          "FORBIDDEN",
          "Alleen een regiobeheerder kan een HSDS-bestand inlezen.",
        );
      } else {
        next();
      }
    },
    express.json({ limit: "50mb" }),
    async (req, res, next) => {
      try {
        if (!req.is("application/json")) {
          res.status(415).json({
            imported: false,
            problems: [{ path: "/", message: "Stuur het document als JSON (application/json)." }],
          });
          return;
        }
        if (req.accepts(["application/json", "application/x-ndjson"]) === "application/x-ndjson") {
          await streamImport(db, req.body, res);
          return;
        }
        const report = await importHsds(db, req.body);
        res.status(report.imported ? 200 : 422).json(report);
      } catch (error) {
        next(error);
      }
    },
  );

  // A body that is not JSON at all (or cannot be read: a gzip that is not gzip) is a problem
  // with the document, not with the server.
  const notJson: ErrorRequestHandler = (
    error: { type?: string; status?: unknown },
    _req,
    res,
    next,
  ) => {
    const status = typeof error.status === "number" ? error.status : 500;
    if (status < 400 || status >= 500) {
      next(error);
      return;
    }
    const message =
      error.type === "entity.too.large"
        ? "Het document is groter dan 50 MB."
        : error.type === "entity.parse.failed"
          ? "Het document is geen geldige JSON."
          : "Het document kon niet worden gelezen: het is beschadigd of niet wat de kopregels zeggen.";
    res.status(error.type === "entity.too.large" ? 413 : 400).json({
      imported: false,
      problems: [{ path: "/", message }],
    });
  };
  router.use(notJson);
  return router;
}

/** Progress lines at most this often: enough to move a progress bar, not to flood the line. */
const progressIntervalMs = 100;

async function streamImport(db: DataSource, document: unknown, res: Response): Promise<void> {
  res.status(200).type("application/x-ndjson");
  res.setHeader("Cache-Control", "no-store");
  // Proxies such as nginx would otherwise hold the lines back until the end.
  res.setHeader("X-Accel-Buffering", "no");
  res.flushHeaders();
  const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
  let lastSent = 0;
  try {
    const report = await importHsds(db, document, (progress) => {
      const now = Date.now();
      const due =
        progress.phase === "checking" ||
        progress.processed === 0 ||
        progress.processed === progress.total ||
        now - lastSent >= progressIntervalMs;
      if (!due) return;
      lastSent = now;
      line({ progress });
    });
    line({ report });
  } catch (error) {
    // The status is sent already: the failure is the last line. As in formatError, no details.
    logger.error({ error: loggableError(error) }, "HSDS import failed");
    line({
      error: {
        code: isDatabaseUnavailable(error) ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR",
        message: isDatabaseUnavailable(error)
          ? new ServiceUnavailableError().message
          : "Er ging iets mis aan onze kant; er is niets ingelezen. Probeer het later opnieuw.",
      },
    });
  }
  res.end();
}

/** The weak ETag of the export at a directory version: the same data, byte for byte or not. */
const versionTag = (version: string) => `W/"hsds-${version}"`;

/** Whether the caller's If-None-Match names the export at this version. */
function hasVersion(req: Request, version: string): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  const wanted = versionTag(version).slice(2);
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === wanted || tag === "*");
}
