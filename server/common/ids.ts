import type { Queryable } from "./queryable.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot be a row's key finds nothing, rather than a database error. */
export function isUuid(id: string): boolean {
  return uuidPattern.test(id);
}

/**
 * A statement whose parameters are all ids: when one cannot be a key, no row can match, so
 * nothing is asked of the database (which would fail on the uuid cast instead).
 */
export async function queryByIds<Row>(
  db: Queryable,
  sql: string,
  ids: readonly string[],
): Promise<Row[]> {
  return ids.every(isUuid) ? ((await db.query(sql, [...ids])) as Row[]) : [];
}
