import { Router } from "express";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import type { Config } from "../config.js";
import { type RestAccess, restSession, restViewer } from "../auth/rest-session.js";
import { loggableError } from "../common/errors.js";
import { logger } from "../logger.js";
import { zorgoverlegInvitation } from "./zorgoverleg.invitation.js";

/**
 * `GET /zorgoverleg/:id/uitnodiging.ics`: the invitation to put in a calendar (Outlook opens it
 * as a meeting request). The same login as the API, by cookie or bearer token, and the same
 * request limit.
 */
export function zorgoverlegRouter(db: DataSource, config: Config, access: RestAccess): Router {
  const router = Router();
  const session = restSession(access, "text");
  router.get("/zorgoverleg/:id/uitnodiging.ics", session, async (req, res) => {
    const viewer = restViewer(res);
    if (!viewer) {
      res.status(401).type("text/plain; charset=utf-8").send("Log in om de uitnodiging te openen.");
      return;
    }
    try {
      // The link into the case starts at PUBLIC_URL: the Host header is the caller's to choose.
      const invitation = await zorgoverlegInvitation(
        db,
        viewer,
        String(req.params.id),
        config.publicUrl,
      );
      res
        .status(200)
        .set({
          "Content-Type": "text/calendar; charset=utf-8; method=REQUEST",
          "Content-Disposition": 'attachment; filename="zorgoverleg.ics"',
          "Cache-Control": "private, no-store",
        })
        .send(invitation);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === "NOT_FOUND") {
        res.status(404).type("text/plain; charset=utf-8").send(error.message);
        return;
      }
      // Nothing of the request's data goes to stdout.
      logger.error({ error: loggableError(error) }, "zorgoverleg invitation failed");
      res.status(500).type("text/plain; charset=utf-8").send("Er ging iets mis aan onze kant.");
    }
  });
  return router;
}
