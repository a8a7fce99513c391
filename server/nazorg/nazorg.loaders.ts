import { readLoggedByCase, selectLogged } from "../access-log/access-log.service.js";
import { entityRowsWhereIn } from "../db/entity-rows.js";
import { loggedIn, type LoaderScope, manyByKey, oneByKey } from "../request/loaders.js";
import type { NazorgContact, RelapseRisk } from "./nazorg-contact.entity.js";
import { NazorgPlan } from "./nazorg-plan.entity.js";
import { contactSelectSql, relapseRiskSelectSql } from "./nazorg.queries.js";

/** The request's loaders of nazorg plans, their contacts and relapse risks (see server/request/loaders.ts). */
export function nazorgLoaders({ db, viewer, config }: LoaderScope) {
  return {
    /** The nazorg plan of a case, logged as read by the statement that reads it. */
    nazorgPlanReadByCaseId: oneByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          NazorgPlan,
          "caseId",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "NAZORG_PLAN", "CASE_TEAM"),
        ),
      (p) => p.caseId,
    ),

    /** A nazorg plan by id (after a change), logged as read. */
    nazorgPlanRead: oneByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          NazorgPlan,
          "id",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "NAZORG_PLAN", "CASE_TEAM"),
        ),
      (p) => p.id,
    ),

    /** A plan's contact moments by date, each logged as read. */
    nazorgContactsReadByPlanId: manyByKey(
      (ids): Promise<NazorgContact[]> =>
        selectLogged(
          db,
          loggedIn(viewer),
          { type: "NAZORG_CONTACT", clientId: `"clientId"` },
          "CASE_TEAM",
          `${contactSelectSql} WHERE c.plan_id = ANY($2)`,
          [config.nazorgContactGraceDays, ids],
          `coalesce("plannedOn", "heldOn"), "heldOn" NULLS LAST, id`,
        ),
      (c) => c.planId,
    ),

    relapseRisksByCaseId: manyByKey(
      (ids): Promise<RelapseRisk[]> =>
        db.query(`${relapseRiskSelectSql} WHERE r.case_id = ANY($1) ORDER BY r.since DESC, r.id`, [
          ids,
        ]),
      (r) => r.caseId,
    ),

    /** Contacts by id (those that raised or cleared a relapse risk), each logged as read. */
    nazorgContactRead: oneByKey(
      (ids): Promise<NazorgContact[]> =>
        selectLogged(
          db,
          loggedIn(viewer),
          { type: "NAZORG_CONTACT", clientId: `"clientId"` },
          "CASE_TEAM",
          `${contactSelectSql} WHERE c.id = ANY($2)`,
          [config.nazorgContactGraceDays, ids],
        ),
      (c) => c.id,
    ),
  };
}

type NazorgLoaders = ReturnType<typeof nazorgLoaders>;

declare module "../request/loaders.js" {
  interface Loaders extends NazorgLoaders {}
}
