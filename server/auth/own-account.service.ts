import type { DataSource } from "typeorm";
import { NotFoundError, UserInputError } from "../common/errors.js";
import { type Queryable, returnedRows } from "../db/queryable.js";
import { inTransaction } from "../common/transaction.js";
import { hashPassword, verifyPassword } from "./password.js";
import type { Viewer } from "./session.service.js";
import { recordSecurityEvent } from "./security-log.js";
import { newPasswordProblem } from "./account.service.js";

// ── The own account ──────────────────────────────────────────────────────────────────────────

/**
 * Changes the viewer's password; the current one must be given. Every other session of the
 * account ends (a password is changed because someone else may know it); this one stays.
 */
export async function changeOwnPassword(
  db: DataSource,
  viewer: Viewer,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const [account] = (await db.query(
    'SELECT name, email, password_hash AS "passwordHash" FROM app_user WHERE id = $1',
    [viewer.userId],
  )) as Array<{ name: string; email: string; passwordHash: string | null }>;
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, currentPassword))) {
    throw new UserInputError("Uw huidige wachtwoord klopt niet.", "currentPassword");
  }
  const problem = await newPasswordProblem(newPassword, account);
  if (problem) throw new UserInputError(problem, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(db, async (manager) => {
    await manager.query("UPDATE app_user SET password_hash = $2 WHERE id = $1", [
      viewer.userId,
      passwordHash,
    ]);
    await manager.query(
      `UPDATE user_session SET revoked_at = now()
        WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [viewer.userId, viewer.sessionId],
    );
    await recordSecurityEvent(manager, "PASSWORD_CHANGED", {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: viewer.userId,
    });
  });
}

export interface OwnSession {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  current: boolean;
}

/** The viewer's sessions that are still valid, newest first. */
export async function ownSessions(db: Queryable, viewer: Viewer): Promise<OwnSession[]> {
  return (await db.query(
    `SELECT id, created_at AS "createdAt", expires_at AS "expiresAt", id = $2 AS current
       FROM user_session
      WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC, id`,
    [viewer.userId, viewer.sessionId],
  )) as OwnSession[];
}

/** Ends one of the viewer's own sessions (another browser, a lost phone). */
export async function endOwnSession(
  db: DataSource,
  viewer: Viewer,
  sessionId: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const ended = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE user_session SET revoked_at = now()
          WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
        [sessionId, viewer.userId],
      ),
    );
    if (ended.length === 0) throw new NotFoundError("Deze sessie bestaat niet (meer).");
    await recordSecurityEvent(manager, "SESSION_ENDED", {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: viewer.userId,
    });
  });
}
