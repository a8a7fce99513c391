import { readLoggedByCase } from "../access-log/access-log.service.js";
import { RegieAssignment } from "../case/case.entity.js";
import { entityRowsWhereIn } from "../db/entity-rows.js";
import { loggedIn, type LoaderScope, manyByKey, oneByKey } from "../request/loaders.js";
import { Agreement, Zorgoverleg, ZorgoverlegInvitee } from "./zorgoverleg.entity.js";

/** The request's loaders of zorgoverleggen, their invitees, agreements and regie decisions (see server/request/loaders.ts). */
export function zorgoverlegLoaders({ db, viewer }: LoaderScope) {
  return {
    /** A zorgoverleg by id, logged as read; only the team's are asked for. */
    zorgoverlegRead: oneByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          Zorgoverleg,
          "id",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "ZORGOVERLEG", "CASE_TEAM"),
        ),
      (z) => z.id,
    ),

    /** A case's zorgoverleggen, newest first, each logged as read. */
    zorgoverleggenReadByCaseId: manyByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          Zorgoverleg,
          "caseId",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "ZORGOVERLEG", "CASE_TEAM", `"startsAt" DESC, id`),
        ),
      (z) => z.caseId,
    ),

    /** Agreements by id ("mijn afspraken", the dashboard), each logged as read. */
    agreementRead: oneByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          Agreement,
          "id",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "AGREEMENT", "CASE_TEAM"),
        ),
      (a) => a.id,
    ),

    inviteesByZorgoverlegId: manyByKey(
      (ids) => entityRowsWhereIn(db, ZorgoverlegInvitee, "zorgoverlegId", ids),
      (i) => i.zorgoverlegId,
    ),

    /** A zorgoverleg's agreements, each logged as read. */
    agreementsByZorgoverlegId: manyByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          Agreement,
          "zorgoverlegId",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "AGREEMENT", "CASE_TEAM", `"createdAt", id`),
        ),
      (a) => a.zorgoverlegId,
    ),

    regieDecisionByZorgoverlegId: oneByKey(
      (ids) => entityRowsWhereIn(db, RegieAssignment, "zorgoverlegId", ids),
      (r) => r.zorgoverlegId ?? "",
    ),
  };
}

type ZorgoverlegLoaders = ReturnType<typeof zorgoverlegLoaders>;

declare module "../request/loaders.js" {
  interface Loaders extends ZorgoverlegLoaders {}
}
