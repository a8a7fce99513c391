import cookieParser from "cookie-parser";
import express, { type ErrorRequestHandler, type Request, Router } from "express";
import type { DataSource } from "typeorm";
import { Role } from "../auth/role.js";
import { findViewer, sessionToken } from "../auth/session.service.js";
import { isUuid } from "../common/ids.js";
import { exportHsds, importHsds } from "./hsds.service.js";

/**
 * Open Referral over plain HTTP: HSDS documents are files to download and upload, and a
 * region's directory soon outgrows the GraphQL body limit.
 *
 * - `GET /open-referral/hsds.json[?organisatie=<id>]`: public directory data (no client data).
 * - `POST /open-referral/import` (JSON body, regiobeheerder only): all or nothing, with a report.
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
        const report = await importHsds(db, req.body);
        res.status(report.imported ? 200 : 422).json(report);
      } catch (error) {
        next(error);
      }
    },
  );

  // A body that is not JSON at all is a problem with the document, not with the server.
  const notJson: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (error.type === "entity.parse.failed") {
      res.status(400).json({
        imported: false,
        problems: [{ path: "/", message: "Het document is geen geldige JSON." }],
      });
    } else if (error.type === "entity.too.large") {
      res.status(413).json({
        imported: false,
        problems: [{ path: "/", message: "Het document is groter dan 50 MB." }],
      });
    } else {
      next(error);
    }
  };
  router.use(notJson);
  return router;
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
