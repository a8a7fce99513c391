import type { Viewer } from "../auth/session.service.js";
import { NotFoundError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import type { Queryable } from "../common/queryable.js";

// Case and client data is for the case team only. To anyone else a case does not exist, so
// its existence leaks nothing either.

export const caseNotFound = () =>
  new NotFoundError("Deze casus bestaat niet of u heeft er geen toegang toe.");

export async function isCaseMember(
  db: Queryable,
  viewer: Viewer,
  caseId: string,
): Promise<boolean> {
  if (!isUuid(caseId)) return false;
  const rows = (await db.query(
    "SELECT 1 FROM case_member WHERE case_id = $1 AND organization_id = $2",
    [caseId, viewer.organizationId],
  )) as unknown[];
  return rows.length > 0;
}

export async function assertCaseMember(
  db: Queryable,
  viewer: Viewer,
  caseId: string,
): Promise<void> {
  if (!(await isCaseMember(db, viewer, caseId))) throw caseNotFound();
}
