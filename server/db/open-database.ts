import type { DataSource } from "typeorm";
import type { Config } from "../config.js";
import { logger } from "../logger.js";
import { createDataSource } from "./data-source.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";

export interface OpenDatabase {
  db: DataSource;
  close(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in the data directory. */
export async function openDatabase(config: Config): Promise<OpenDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: config.embeddedDataDir,
        port: config.embeddedPort,
        database: "ketenkaart",
      });
  if (embedded) logger.info({ dataDir: config.embeddedDataDir }, "embedded PostgreSQL started");
  const db = createDataSource(config.databaseUrl ?? embedded!.url);
  await db.initialize();
  return {
    db,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
