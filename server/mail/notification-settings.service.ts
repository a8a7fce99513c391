import type { DataSource } from "typeorm";
import type { Viewer } from "../security/viewer.js";
import type { Queryable } from "../db/queryable.js";
import { inTransaction } from "../common/transaction.js";

/** Whether the viewer gets e-mail about referrals (new ones and overdue ones). */
export async function emailNotificationsOf(db: Queryable, viewer: Viewer): Promise<boolean> {
  const rows = (await db.query("SELECT email_notifications FROM app_user WHERE id = $1", [
    viewer.userId,
  ])) as Array<{ email_notifications: boolean }>;
  return rows[0]?.email_notifications ?? false;
}

/**
 * Switches the viewer's own e-mail notifications on or off. Mail already queued for them is
 * not sent once it is off: the mail job checks again when it sends.
 */
export async function setEmailNotifications(
  db: DataSource,
  viewer: Viewer,
  enabled: boolean,
): Promise<void> {
  await inTransaction(db, (manager) =>
    manager.query("UPDATE app_user SET email_notifications = $2 WHERE id = $1", [
      viewer.userId,
      enabled,
    ]),
  );
}
