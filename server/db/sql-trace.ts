import { appendFileSync } from "node:fs";
import type { Logger } from "typeorm";
import type { PreparedStatement } from "./prepared-statement.js";

/**
 * For the benchmark and the statement-count test only: with KETENKAART_SQL_TRACE set to a file
 * path, every SQL statement the server sends is appended to it as one JSON line (with its
 * parameters, which may be personal data: never set this in production). Unset, TypeORM keeps
 * its default silent logger.
 */
export function sqlTraceLogger(file = process.env.KETENKAART_SQL_TRACE): Logger | undefined {
  if (!file) return undefined;
  const quiet = () => {};
  return {
    logQuery(query: string | PreparedStatement, parameters) {
      // A prepared statement keeps its name, so the benchmark's floor prepares it too.
      const statement =
        typeof query === "string" ? { query } : { query: query.text, name: query.name };
      appendFileSync(file, JSON.stringify({ ...statement, parameters: parameters ?? [] }) + "\n");
    },
    logQueryError: quiet,
    logQuerySlow: quiet,
    logSchemaBuild: quiet,
    logMigration: quiet,
    log: quiet,
  };
}
