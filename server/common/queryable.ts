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
