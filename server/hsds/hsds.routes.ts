import cookieParser from "cookie-parser";
import express, { type ErrorRequestHandler, type Request, type Response, Router } from "express";
import type { DataSource } from "typeorm";
import { Role } from "../auth/role.js";
import { findViewer, sessionToken } from "../auth/session.service.js";
import { isDatabaseUnavailable, loggableError, ServiceUnavailableError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { logger } from "../logger.js";
import { exportHsds, importHsds } from "./hsds.service.js";

/**
 * Open Referral over plain HTTP: HSDS documents are files to download and upload, and a
 * region's directory soon outgrows the GraphQL body limit.
 *
 * - `GET /open-referral/hsds.json[?organisatie=<id>]`: public directory data (no client data).
 * - `POST /open-referral/import` (JSON body, regiobeheerder only): all or nothing, with a report.
 *   With `Accept: application/x-ndjson` the answer streams one JSON line per step of progress
 *   (`{"progress": …}`) and ends with `{"report": …}` (or `{"error": …}`), so the web client can
 *   show how far the import is without any state on the server between requests.
 */
export function openReferralRoutes(db: DataSource): Router {
  const router = Router();

  router.get("/hsds.json", async (req, res, next) => {
    try {
      const organizationId = typeof req.query.organisatie === "string" ? req.query.organisatie : "";
      if (organizationId && !isUuid(organizationId)) {
        res
          .status(404)
          .json({ error: { code: "NOT_FOUND", message: "Deze organisatie bestaat niet." } });
        return;
      }
      const document = await exportHsds(db, organizationId || undefined);
      if (organizationId && document.organizations.length === 0) {
        res
          .status(404)
          .json({ error: { code: "NOT_FOUND", message: "Deze organisatie bestaat niet." } });
        return;
      }
      res.setHeader("Content-Disposition", 'attachment; filename="ketenkaart-hsds.json"');
      res.json(document);
    } catch (error) {
      next(error);
    }
  });

  router.post(
    "/import",
    cookieParser(),
    async (req, res, next) => {
      const refusal = await refuseUnlessRegionAdministrator(db, req);
      if (refusal) res.status(refusal.status).json({ error: refusal.error });
      else next();
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

async function refuseUnlessRegionAdministrator(db: DataSource, req: Request) {
  const token = sessionToken(req.headers.authorization, req.cookies as Record<string, string>);
  const viewer = token ? await findViewer(db, token) : null;
  if (!viewer) {
    return {
      status: 401,
      error: { code: "UNAUTHENTICATED", message: "U bent niet (meer) ingelogd. Log opnieuw in." },
    };
  }
  if (!viewer.roles.includes(Role.REGIO_BEHEERDER)) {
    return {
      status: 403,
      error: {
        code: "FORBIDDEN",
        message: "Alleen een regiobeheerder kan een HSDS-bestand inlezen.",
      },
    };
  }
  return null;
}
