import type { Viewer } from "../security/viewer.js";
import { isCaseMember } from "../case/case.policy.js";
import { ForbiddenError, NotFoundError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import type { Queryable } from "../db/queryable.js";

// A zorgoverleg is case data: only the case team sees it, to others it does not exist.

export const zorgoverlegNotFound = () =>
  new NotFoundError("Dit zorgoverleg bestaat niet of u heeft er geen toegang toe.");

export const agreementNotFound = () =>
  new NotFoundError("Deze afspraak bestaat niet of u heeft er geen toegang toe.");

export interface ZorgoverlegRow {
  id: string;
  caseId: string;
  clientId: string;
  recordedAt: Date | null;
}

/**
 * The zorgoverleg if the viewer's organisation is on its case's team, else null. With `lock`,
 * the row stays locked until the transaction ends, so two recordings cannot both pass.
 */
export async function findZorgoverlegOfTeam(
  db: Queryable,
  viewer: Viewer,
  zorgoverlegId: string,
  options: { lock?: boolean } = {},
): Promise<ZorgoverlegRow | null> {
  const rows = isUuid(zorgoverlegId)
    ? ((await db.query(
        `SELECT z.id, z.case_id AS "caseId", c.client_id AS "clientId", z.recorded_at AS "recordedAt"
           FROM zorgoverleg z JOIN care_case c ON c.id = z.case_id
          WHERE z.id = $1 ${options.lock ? "FOR UPDATE OF z" : ""}`,
        [zorgoverlegId],
      )) as ZorgoverlegRow[])
    : [];
  const found = rows[0];
  return found && (await isCaseMember(db, viewer, found.caseId)) ? found : null;
}

/** As `findZorgoverlegOfTeam`, but NOT_FOUND when it is not the viewer's team's. */
export async function zorgoverlegOfTeam(
  db: Queryable,
  viewer: Viewer,
  zorgoverlegId: string,
  options: { lock?: boolean } = {},
): Promise<ZorgoverlegRow> {
  const found = await findZorgoverlegOfTeam(db, viewer, zorgoverlegId, options);
  if (!found) throw zorgoverlegNotFound();
  return found;
}

/** An active worker of that organisation. */
export async function isActiveWorkerOf(
  db: Queryable,
  userId: string,
  organizationId: string,
): Promise<boolean> {
  if (!isUuid(userId) || !isUuid(organizationId)) return false;
  const rows = (await db.query(
    "SELECT 1 FROM app_user WHERE id = $1 AND organization_id = $2 AND disabled_at IS NULL",
    [userId, organizationId],
  )) as unknown[];
  return rows.length > 0;
}

/**
 * An agreement is changed by the organisation that owns it: it is theirs to do. Others of the
 * case team see it but may not tick it off; outside the team it does not exist.
 */
export function assertMayChangeAgreement(
  viewer: Viewer,
  agreement: { ownerOrganizationId: string },
): void {
  if (agreement.ownerOrganizationId !== viewer.organizationId) {
    throw new ForbiddenError(
      "Alleen de organisatie die de afspraak uitvoert, kan haar afvinken of laten vervallen.",
    );
  }
}
