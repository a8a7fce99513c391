import { createHash } from "node:crypto";
import type { Queryable } from "../common/queryable.js";

/** A statement pg sends as a named prepared statement: `{ name, text }` is pg's query config. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs `sql` as a named prepared statement, so each connection parses and plans it once
 * (PostgreSQL keeps a generic plan after five custom ones when it is no worse). Only for
 * statements whose best plan does not depend on the values: `near` (planning was 1.3 of its
 * 5 ms), a search text's words, the session lookup, and the DataLoaders' reads by key (a case
 * list's statements take a fifth less). The name is a hash of the text, because pg refuses one name for two texts
 * on a connection.
 */
export function queryPrepared(db: Queryable, sql: string, parameters: unknown[]): Promise<unknown> {
  const statement: PreparedStatement = {
    name: `kk_${createHash("sha1").update(sql).digest("base64url")}`,
    text: sql,
  };
  // TypeORM hands the query to pg as it is, and pg reads the config object.
  return db.query(statement as unknown as string, parameters);
}
