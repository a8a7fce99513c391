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
