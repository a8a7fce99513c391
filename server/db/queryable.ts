import { isUuid } from "../common/ids.js";
import type { EntityManager } from "typeorm";

/** A connection or transaction to run SQL on: a DataSource, an EntityManager, a QueryRunner. */
export type Queryable = Pick<EntityManager, "query">;

/**
 * The rows of an `UPDATE … RETURNING`: TypeORM answers those as [rows, affectedCount] where a
 * SELECT or INSERT gives the rows themselves.
 */
export function returnedRows<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
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
