import type { Viewer } from "../security/viewer.js";
import type { CareCase } from "../case/case.entity.js";
import { teamAccessSql } from "../case/case.policy.js";
import type { Queryable } from "../db/queryable.js";
import { selectLogged } from "../access-log/access-log.service.js";

import { RegieGapProblem, type RegieGap } from "./dashboard.types.js";
import {
  contactIsDueThisWeekSql,
  contactIsOverdueSql,
  contactSelectSql,
  relapseFollowUpMadeSql,
  type ContactRow,
} from "../nazorg/nazorg.queries.js";

/**
 * How many rows each list shows; the counts are always the full number. The lists are read
 * for their counts too: the dashboard's fields log a list as read only when it is shown.
 */
export const listLimit = 200;

interface Counted<T> {
  rows: T[];
  total: number;
}

function counted<T>(rows: Array<T & { total: string }>): Counted<T> {
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

const caseColumns = `c.id, c.client_id AS "clientId", c.phase, c.created_at AS "createdAt",
  count(*) OVER () AS total`;

/** Open cases where the viewer's organisation holds regie, most recently taken on first. */
export async function regieCases(db: Queryable, viewer: Viewer): Promise<Counted<CareCase>> {
  const result = counted<CareCase>(
    await db.query(
      `SELECT ${caseColumns}
         FROM care_case c JOIN regie_assignment ra ON ra.case_id = c.id AND ra.ended_at IS NULL
        WHERE ra.organization_id = $1 AND c.phase <> 'AFGESLOTEN'
          AND ${teamAccessSql("c.id", "$1::uuid")}
        ORDER BY ra.started_at DESC, c.id LIMIT $2`,
      [viewer.organizationId, listLimit],
    ),
  );
  return result;
}

/** Cases of our team at risk of relapse: those still waiting for a follow-up first. */
export async function relapseRiskCases(db: Queryable, viewer: Viewer): Promise<Counted<CareCase>> {
  const result = counted<CareCase>(
    await db.query(
      `SELECT ${caseColumns}
         FROM relapse_risk r
         JOIN care_case c ON c.id = r.case_id
        WHERE r.cleared_on IS NULL AND ${teamAccessSql("c.id", "$1::uuid")}
        ORDER BY ${relapseFollowUpMadeSql("r")}, r.since, c.id LIMIT $2`,
      [viewer.organizationId, listLimit],
    ),
  );
  return result;
}

/**
 * Open contact moments our organisation is responsible for, due this week or overdue. The
 * responsible organisation is on the case team and the named worker works there (both foreign
 * keys), so "mine" is part of "ours": the viewer's own come first.
 */
export async function dueContacts(
  db: Queryable,
  viewer: Viewer,
  graceDays: number,
  which: "dueThisWeek" | "overdue",
): Promise<Counted<ContactRow>> {
  const condition = which === "overdue" ? contactIsOverdueSql("$1") : contactIsDueThisWeekSql("$1");
  const result = counted<ContactRow>(
    await db.query(
      `SELECT x.*, count(*) OVER () AS total FROM (
         ${contactSelectSql}
          WHERE p.responsible_organization_id = $2 AND ${condition}
            AND ${teamAccessSql("p.case_id", "$2::uuid")}
       ) x
       ORDER BY (x."responsibleUserId" IS NOT DISTINCT FROM $3) DESC, x."plannedOn", x.id
       LIMIT $4`,
      [graceDays, viewer.organizationId, viewer.userId, listLimit],
    ),
  );
  return result;
}

/**
 * For a regional administrator: open cases in the region whose regie holder cannot act. The
 * database guarantees exactly one regie holder per case, so a case never loses regie outright;
 * what happens instead is that the holder stops being able to act. The data model shows three
 * ways: the named worker's account was disabled, the organisation has no active account left,
 * or the organisation no longer serves any gemeente of the region (it left). The region is
 * that of the gemeenten the administrator's organisation serves; a case is in it through the
 * client's gemeente or a team organisation serving it. No client data is shown, and every
 * case shown is logged as read on the basis of regional administration (REGIO_BEHEER).
 */
export async function regieGaps(db: Queryable, logFor: Viewer | null): Promise<Counted<RegieGap>> {
  // A SECURITY DEFINER function (migrations/1764600000000-RowLevelSecurity.ts): these cases
  // are mostly not the administrator's team's, so row-level security would hide them. With
  // `logFor`, each case shown is logged as read by the statement that reads it.
  const select = `SELECT g."caseId" AS id, g.* FROM ketenkaart_regie_gaps($1) g`;
  const rows = (
    logFor
      ? await selectLogged(
          db,
          logFor,
          { type: "CASE", clientId: `"clientId"` },
          "REGIO_BEHEER",
          select,
          [listLimit],
          `since, id`,
        )
      : await db.query(select, [listLimit])
  ) as Array<
    Omit<RegieGap, "problems"> & {
      id: string;
      workerDisabled: boolean;
      withoutUsers: boolean;
      leftRegion: boolean;
      total: string;
    }
  >;
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map(
      ({ id: _id, workerDisabled, withoutUsers, leftRegion, total: _total, ...gap }) => ({
        ...gap,
        problems: [
          ...(workerDisabled ? [RegieGapProblem.HOLDER_WORKER_DISABLED] : []),
          ...(withoutUsers ? [RegieGapProblem.HOLDER_ORGANIZATION_WITHOUT_USERS] : []),
          ...(leftRegion ? [RegieGapProblem.HOLDER_ORGANIZATION_LEFT_REGION] : []),
        ],
      }),
    ),
  };
}
