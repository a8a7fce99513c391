import { database } from "./factories.js";

export interface AccessLogEntry {
  userId: string;
  action: string;
  objectType: string;
  objectId: string;
  clientId: string;
  organizationId: string;
  basis: string;
}

const columns = `user_id AS "userId", action, object_type AS "objectType", object_id AS "objectId",
  client_id AS "clientId", organization_id AS "organizationId", basis`;

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
    `SELECT ${columns} FROM access_log WHERE id > $1 AND user_id = $2 ORDER BY id`,
    [last, userId],
  )) as AccessLogEntry[];
}

/** Every access log entry about the case's client, by anyone, oldest first. */
export async function accessLogOfCase(caseId: string): Promise<AccessLogEntry[]> {
  return (await (
    await database()
  ).query(
    `SELECT ${columns} FROM access_log
      WHERE client_id = (SELECT client_id FROM care_case WHERE id = $1) ORDER BY id`,
    [caseId],
  )) as AccessLogEntry[];
}
