import type { Viewer } from "../security/viewer.js";
import { caseNotFound, teamAccessSql } from "../case/case.policy.js";
import { isUuid } from "../common/ids.js";
import { type Queryable, queryByIds } from "../db/queryable.js";
import type { NazorgPlanStatus } from "./nazorg-plan.entity.js";

// A nazorg plan and its contacts belong to the case: only the case team sees or changes them,
// and to anyone else they do not exist (the same NOT_FOUND as the case itself).

export interface PlanOfCase {
  planId: string;
  caseId: string;
  clientId: string;
  status: NazorgPlanStatus;
  durationMonths: number | null;
  startsOn: string | null;
  paletteLevel: string | null;
}

/**
 * The plan with its case, if the viewer's organisation is on the case team; locked for the rest
 * of the transaction when `lock` is set, so changes to one plan (and its risk) run one by one.
 */
export async function planOfTeam(
  db: Queryable,
  viewer: Viewer,
  planId: string,
  lock = false,
): Promise<PlanOfCase> {
  const rows = isUuid(planId)
    ? ((await db.query(
        `SELECT p.id AS "planId", p.case_id AS "caseId", c.client_id AS "clientId", p.status,
                p.duration_months AS "durationMonths", p.starts_on::text AS "startsOn",
                p.palette_level AS "paletteLevel"
           FROM nazorg_plan p
           JOIN care_case c ON c.id = p.case_id
          WHERE p.id = $1 AND ${teamAccessSql("p.case_id", "$2::uuid")}
          ${lock ? "FOR UPDATE OF p" : ""}`,
        [planId, viewer.organizationId],
      )) as PlanOfCase[])
    : [];
  if (!rows[0]) throw caseNotFound();
  return rows[0];
}

/** The plan a contact moment belongs to, for the case team only. */
export async function planOfContact(
  db: Queryable,
  viewer: Viewer,
  contactId: string,
  lock = false,
): Promise<PlanOfCase & { heldOn: string | null }> {
  const rows = await queryByIds<{ planId: string; heldOn: string | null }>(
    db,
    'SELECT plan_id AS "planId", held_on::text AS "heldOn" FROM nazorg_contact WHERE id = $1',
    [contactId],
  );
  if (!rows[0]) throw caseNotFound();
  return { ...(await planOfTeam(db, viewer, rows[0].planId, lock)), heldOn: rows[0].heldOn };
}
