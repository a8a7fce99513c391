import type { DataSource } from "typeorm";
import type { Config } from "../config.js";
import { logger } from "../logger.js";
import { createDataSource } from "./data-source.js";

export interface OpenDatabase {
  db: DataSource;
  url: string;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in the data directory. The server
 * opens it with request timeouts; the maintenance scripts without.
 */
export async function openDatabase(
  config: Config,
  options: { requestTimeouts?: boolean } = { requestTimeouts: false },
): Promise<OpenDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await (
        await import("./embedded-postgres.js")
      ).startEmbeddedPostgres({
        dataDir: config.embeddedDataDir,
        port: config.embeddedPort,
        database: "ketenkaart",
      });
  if (embedded) logger.info({ dataDir: config.embeddedDataDir }, "embedded PostgreSQL started");
  const url = config.databaseUrl ?? embedded!.url;
  const db = createDataSource(url, options);
  await db.initialize();
  return {
    db,
    url,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
