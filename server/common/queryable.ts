import type { EntityManager } from "typeorm";

/** A connection or transaction to run SQL on: a DataSource, an EntityManager, a QueryRunner. */
export type Queryable = Pick<EntityManager, "query">;
