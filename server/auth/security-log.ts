import { type Queryable, returnedRows } from "../db/queryable.js";
import { Role } from "./role.js";
import type { Viewer } from "./session.service.js";
import { assertManages } from "./account.policy.js";

// The security log: who did what to which account, in ids and role names only.
export type SecurityEventKind =
  | "LOGIN"
  | "LOGIN_FAILED"
  | "INVITED"
  | "INVITATION_RESENT"
  | "INVITATION_REVOKED"
  | "INVITATION_ACCEPTED"
  | "ROLES_CHANGED"
  | "DISABLED"
  | "ENABLED"
  | "PASSWORD_CHANGED"
  | "SESSION_ENDED"
  | "PASSWORD_RESET_REQUESTED"
  | "PASSWORD_RESET"
  | "SECOND_FACTOR_ENABLED"
  | "SECOND_FACTOR_DISABLED"
  | "SECOND_FACTOR_RESET"
  | "RECOVERY_CODE_USED"
  | "PASSKEY_ADDED"
  | "PASSKEY_REMOVED"
  | "SSO_CONFIGURED"
  | "SSO_REMOVED";

/** Writes one entry of the security log; ids and role names only. */
export async function recordSecurityEvent(
  db: Queryable,
  kind: SecurityEventKind,
  event: { organizationId: string; actorUserId?: string; subjectUserId?: string; roles?: Role[] },
): Promise<void> {
  await db.query(
    `INSERT INTO security_event (kind, organization_id, actor_user_id, subject_user_id, roles)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      kind,
      event.organizationId,
      event.actorUserId ?? null,
      event.subjectUserId ?? null,
      event.roles ?? null,
    ],
  );
}

/**
 * Deletes the security log's entries older than `months` (the retention job, as the owner:
 * the application may not delete them). Answers how many went.
 */
export async function deleteOldSecurityEvents(db: Queryable, months: number): Promise<number> {
  const deleted = returnedRows<{ id: string }>(
    await db.query(
      `DELETE FROM security_event WHERE occurred_at < now() - make_interval(months => $1)
       RETURNING id`,
      [months],
    ),
  );
  return deleted.length;
}

export interface SecurityEventListing {
  id: string;
  occurredAt: Date;
  kind: SecurityEventKind;
  actorName: string | null;
  subjectName: string | null;
  roles: Role[] | null;
}

/** The organisation's security log, newest first. */
export async function securityEvents(
  db: Queryable,
  viewer: Viewer,
  organizationId: string,
  limit: number,
): Promise<SecurityEventListing[]> {
  assertManages(viewer, organizationId);
  return (await db.query(
    `SELECT e.id::text, e.occurred_at AS "occurredAt", e.kind, a.name AS "actorName",
            s.name AS "subjectName", e.roles
       FROM security_event e
       LEFT JOIN app_user a ON a.id = e.actor_user_id
       LEFT JOIN app_user s ON s.id = e.subject_user_id
      WHERE e.organization_id = $1
      ORDER BY e.occurred_at DESC, e.id DESC
      LIMIT $2`,
    [organizationId, limit],
  )) as SecurityEventListing[];
}
