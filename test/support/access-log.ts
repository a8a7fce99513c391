import { database } from "./factories.js";

export interface AccessLogEntry {
  action: string;
  objectType: string;
  objectId: string;
  clientId: string;
  organizationId: string;
  basis: string;
}

/**
 * The access log entries in the user's name that were written while `request` ran, oldest
 * first. Only the user's own: other test files write entries at the same time.
 */
export async function accessLogDuring(
  userId: string,
  request: () => Promise<unknown>,
): Promise<AccessLogEntry[]> {
  const db = await database();
  const [{ last }] = (await db.query(
    "SELECT coalesce(max(id), 0)::text AS last FROM access_log",
  )) as [{ last: string }];
  await request();
  return (await db.query(
    `SELECT action, object_type AS "objectType", object_id AS "objectId", client_id AS "clientId",
            organization_id AS "organizationId", basis
       FROM access_log WHERE id > $1 AND user_id = $2 ORDER BY id`,
    [last, userId],
  )) as AccessLogEntry[];
}
