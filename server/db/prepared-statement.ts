import { LRUCache } from "lru-cache";
import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Queryable } from "./queryable.js";

/** A statement pg sends as a named prepared statement: `{ name, text }` is pg's query config. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs `sql` as a named prepared statement, so each connection parses and plans it once
 * (PostgreSQL keeps a generic plan after five custom ones when it is no worse). Only for
 * statements whose best plan does not depend on the values: a search text's words, the
 * session lookup, and the DataLoaders' reads by key (a case list's statements take a fifth
 * less). Searches use `queryPreparedRecent`.
 */
export function queryPrepared(db: Queryable, sql: string, parameters: unknown[]): Promise<unknown> {
  const statement: PreparedStatement = { name: statementName(sql), text: sql };
  // TypeORM hands the query to pg as it is, and pg reads the config object.
  return db.query(statement as unknown as string, parameters);
}

/** A name for the statement: pg refuses one name for two texts on a connection. */
function statementName(sql: string): string {
  return `kk_${createHash("sha1").update(sql).digest("base64url")}`;
}

/** How many statements of `queryPreparedRecent` a connection keeps (about 0.35 MB each). */
export const recentStatementsPerConnection = 16;

interface PgClient {
  query(sql: string): Promise<unknown>;
  /** pg's record of the statements it has prepared on this connection (pg/lib/query.js). */
  connection: { parsedStatements: Record<string, string> };
}

const recentByConnection = new WeakMap<PgClient, LRUCache<string, true>>();

/**
 * Runs `sql` as a named prepared statement that its connection keeps while it is among the
 * connection's most recently used ones; the one used longest ago is deallocated. For statements
 * with their values written in (a search: the best plan depends on the words and filters, so
 * one plan for all values would be wrong for some): the same search again, and its next
 * pages, skip planning, which was 40 % of a selective search's statement (1.5 of 3.5 ms).
 */
export async function queryPreparedRecent(
  db: DataSource,
  sql: string,
  parameters: unknown[],
): Promise<unknown> {
  const runner = db.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    const name = statementName(sql);
    let recent = recentByConnection.get(client);
    if (!recent) {
      recent = new LRUCache<string, true>({
        max: recentStatementsPerConnection,
        dispose: (_value, evicted) => {
          // pg would otherwise bind to the statement without preparing it again.
          delete client.connection.parsedStatements[evicted];
          // Queued on this connection before the statement that follows; a failure (the
          // connection closing) loses nothing.
          client.query(`DEALLOCATE "${evicted}"`).catch(() => undefined);
        },
      });
      recentByConnection.set(client, recent);
    }
    if (!recent.get(name)) recent.set(name, true);
    return await runner.query({ name, text: sql } as unknown as string, parameters);
  } finally {
    await runner.release();
  }
}
