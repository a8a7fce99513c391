import type { Viewer } from "../auth/session.service.js";
import type { Queryable } from "../common/queryable.js";

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
 * Records several accesses in one statement, so a list page logs each row it shows without
 * a write per row.
 */
export async function logAccessMany(
  db: Queryable,
  viewer: Viewer,
  action: AccessAction,
  objects: ReadonlyArray<{ type: AccessObject; id: string; clientId: string }>,
  basis: string,
): Promise<void> {
  if (objects.length === 0) return;
  await db.query(
    `INSERT INTO access_log (user_id, organization_id, roles, action, object_type, object_id, client_id, basis)
     SELECT $1, $2, $3, $4, t.type, t.id, t.client_id, $8
       FROM unnest($5::text[], $6::uuid[], $7::uuid[]) AS t(type, id, client_id)`,
    [
      viewer.userId,
      viewer.organizationId,
      viewer.roles,
      action,
      objects.map((o) => o.type),
      objects.map((o) => o.id),
      objects.map((o) => o.clientId),
      basis,
    ],
  );
}
