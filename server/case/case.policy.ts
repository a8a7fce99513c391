import type { Viewer } from "../security/viewer.js";
import { clientSharesCaseSql } from "../inwoner/consent.service.js";
import { amsterdamTodaySql } from "../common/amsterdam-time.js";
import { NotFoundError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import type { Queryable } from "../db/queryable.js";

// Case and client data is for the case team only. To anyone else a case does not exist, so
// its existence leaks nothing either.
//
// Being on the team is a membership row plus a basis that still holds: the organisation
// registered the client (its own client), or a consent of the client shares the case with it.
// When the consent is withdrawn or expires, the row stays (the team's history) and the access
// ends. Row-level security asks the same (`ketenkaart_is_case_member`,
// migrations/1765300000000-ConsentBoundCaseTeams.ts); every check in code goes through the SQL
// below, so the two agree.

export const caseNotFound = () =>
  new NotFoundError("Deze casus bestaat niet of u heeft er geen toegang toe.");

/**
 * SQL: `organization` may be on the team of the case `careCase` (expressions of the caller's
 * statement): it registered the client, or a consent of the client shares the case with it.
 */
export function mayJoinTeamSql(careCase: string, organization: string): string {
  return `EXISTS (SELECT 1 FROM care_case basis_case JOIN client basis_client ON basis_client.id = basis_case.client_id
                   WHERE basis_case.id = ${careCase}
                     AND (basis_client.created_by_organization_id = ${organization}
                          OR ${clientSharesCaseSql("basis_client.id", organization)}))`;
}

/** SQL: `organization` is on the team of `careCase` and may see it now (see `mayJoinTeamSql`). */
export function teamAccessSql(careCase: string, organization: string): string {
  return `(EXISTS (SELECT 1 FROM case_member access_member
                    WHERE access_member.case_id = ${careCase} AND access_member.organization_id = ${organization})
           AND ${mayJoinTeamSql(careCase, organization)})`;
}

export async function isCaseMember(
  db: Queryable,
  viewer: Viewer,
  caseId: string,
): Promise<boolean> {
  return isTeamMemberWithAccess(db, caseId, viewer.organizationId);
}

/** Whether that organisation is on the case team and may see the case now. */
export async function isTeamMemberWithAccess(
  db: Queryable,
  caseId: string,
  organizationId: string,
): Promise<boolean> {
  if (!isUuid(caseId) || !isUuid(organizationId)) return false;
  const rows = (await db.query(`SELECT 1 WHERE ${teamAccessSql("$1::uuid", "$2::uuid")}`, [
    caseId,
    organizationId,
  ])) as unknown[];
  return rows.length > 0;
}

/** Whether that organisation may join the case team: its own client, or the client's consent. */
export async function mayJoinTeam(
  db: Queryable,
  caseId: string,
  organizationId: string,
): Promise<boolean> {
  if (!isUuid(caseId) || !isUuid(organizationId)) return false;
  const rows = (await db.query(`SELECT 1 WHERE ${mayJoinTeamSql("$1::uuid", "$2::uuid")}`, [
    caseId,
    organizationId,
  ])) as unknown[];
  return rows.length > 0;
}

export async function assertCaseMember(
  db: Queryable,
  viewer: Viewer,
  caseId: string,
): Promise<void> {
  if (!(await isCaseMember(db, viewer, caseId))) throw caseNotFound();
}

/**
 * SQL over `$1` (case ids): every team member of those cases with its basis
 * (`TeamMemberBasis`), for the team to see who still sees the case and why not.
 */
export const teamBasisSql = `
  SELECT m.case_id AS "caseId", m.organization_id AS "organizationId",
         CASE WHEN cl.created_by_organization_id = m.organization_id THEN 'OWN_CLIENT'
              WHEN ${clientSharesCaseSql("cl.id", "m.organization_id")} THEN 'CONSENT'
              WHEN EXISTS (SELECT 1 FROM consent k
                            WHERE k.client_id = cl.id AND m.organization_id = ANY (k.recipient_organization_ids)
                              AND k.withdrawn_at IS NOT NULL) THEN 'CONSENT_WITHDRAWN'
              WHEN EXISTS (SELECT 1 FROM consent k
                            WHERE k.client_id = cl.id AND m.organization_id = ANY (k.recipient_organization_ids)
                              AND k.valid_until < ${amsterdamTodaySql}) THEN 'CONSENT_EXPIRED'
              ELSE 'NO_CONSENT' END AS basis
    FROM case_member m
    JOIN care_case c ON c.id = m.case_id
    JOIN client cl ON cl.id = c.client_id
   WHERE m.case_id = ANY ($1::uuid[])`;
