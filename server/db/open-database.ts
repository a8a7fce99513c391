import type { DataSource } from "typeorm";
import type { Config } from "../config.js";
import { logger } from "../logger.js";
import { createDataSource, type DataSourceOptions } from "./data-source.js";

export interface DatabaseServer {
  /** As the owner of the tables: migrations, seeding and the background jobs. */
  ownerUrl: string;
  /** As the application's login (DATABASE_APP_URL): what requests run as. */
  applicationUrl: string | undefined;
  /** Stops the embedded PostgreSQL, if it was started; a real one is left alone. */
  stop(): Promise<void>;
}

/** DATABASE_URL and DATABASE_APP_URL when set; otherwise the embedded PostgreSQL's. */
export async function startDatabaseServer(config: Config): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return {
      ownerUrl: config.databaseUrl,
      applicationUrl: config.applicationDatabaseUrl,
      stop: async () => {},
    };
  }
  const embedded = await (
    await import("./embedded-postgres.js")
  ).startEmbeddedPostgres({
    dataDir: config.embeddedDataDir,
    port: config.embeddedPort,
    database: "ketenkaart",
  });
  logger.info({ dataDir: config.embeddedDataDir }, "embedded PostgreSQL started");
  return { ownerUrl: embedded.url, applicationUrl: embedded.applicationUrl, stop: embedded.stop };
}

export interface OpenDatabase {
  db: DataSource;
  url: string;
  close(): Promise<void>;
}

/**
 * The database as the owner of its tables, for the maintenance scripts (migrate, seed, PC4
 * import): DATABASE_URL when set; otherwise the embedded PostgreSQL in the data directory.
 */
export async function openDatabase(
  config: Config,
  entities: DataSourceOptions["entities"],
): Promise<OpenDatabase> {
  const server = await startDatabaseServer(config);
  const db = createDataSource(server.ownerUrl, { entities, requestTimeouts: false });
  await db.initialize();
  return {
    db,
    url: server.ownerUrl,
    async close() {
      await db.destroy();
      await server.stop();
    },
  };
}
