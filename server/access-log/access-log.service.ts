import type { Viewer } from "../auth/session.service.js";
import type { Queryable } from "../common/queryable.js";
import { queryPrepared } from "../db/prepared-statement.js";

export type AccessAction = "READ" | "CREATE" | "UPDATE";
export type AccessObject =
  | "CLIENT"
  | "CASE"
  | "CONSENT"
  | "REFERRAL"
  | "ZORGOVERLEG"
  | "AGREEMENT"
  | "NAZORG_PLAN"
  | "NAZORG_CONTACT";

/**
 * Records one access to client data: who (user, organisation, roles), what, when and on what
 * basis. Written before the data is returned, so a failed log write fails the request. The
 * log lives in the database only; nothing of it goes to stdout.
 */
export async function logAccess(
  db: Queryable,
  viewer: Viewer,
  action: AccessAction,
  object: { type: AccessObject; id: string; clientId: string },
  basis: string,
): Promise<void> {
  await db.query(
    `INSERT INTO access_log (user_id, organization_id, roles, action, object_type, object_id, client_id, basis)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      viewer.userId,
      viewer.organizationId,
      viewer.roles,
      action,
      object.type,
      object.id,
      object.clientId,
      basis,
    ],
  );
}

/**
 * Runs the query `select` and logs reading each row it returns, in the same statement: the
 * log is written with the read (one statement is all or nothing) and a list page spends no
 * round trip of its own on it (issue 6). `select` returns the object's id as "id" and its
 * client as `clientId` (a column of `select`); its parameters come first, the log's after them.
 */
export async function selectLogged<T>(
  db: Queryable,
  viewer: Viewer,
  object: { type: AccessObject; clientId: string },
  basis: string,
  select: string,
  parameters: unknown[],
  orderBy?: string,
): Promise<T[]> {
  const n = parameters.length;
  return (await queryPrepared(
    db,
    `WITH found AS (${select}),
     logged AS (
       INSERT INTO access_log (user_id, organization_id, roles, action, object_type, object_id, client_id, basis)
       SELECT $${n + 1}, $${n + 2}, $${n + 3}, 'READ', $${n + 4}, f."id", f.${object.clientId}, $${n + 5}
         FROM found f
     )
     SELECT * FROM found${orderBy ? ` ORDER BY ${orderBy}` : ""}`,
    [...parameters, viewer.userId, viewer.organizationId, viewer.roles, object.type, basis],
  )) as T[];
}
