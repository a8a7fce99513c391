import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres.js";
import { freePort } from "../../server/scripts/reliability/instances.js";

export interface Cluster {
  /** The PostgreSQL server's `postgres` database, as a user who may create databases. */
  url: string;
  release(): Promise<void>;
}

interface Shared {
  url: Promise<string>;
  users: number;
  stop(): Promise<void>;
}

// The lanes' global setups run in one Vitest process, each from its own module instance:
// the one PostgreSQL of the run is kept on globalThis and stopped when the last lane is done.
const key = Symbol.for("ketenkaart.test.cluster");
const holder = globalThis as typeof globalThis & { [key]?: Shared };

/** The run's PostgreSQL: TEST_DATABASE_URL's server, or an embedded one in a temporary folder. */
export async function acquireCluster(): Promise<Cluster> {
  if (!holder[key]) holder[key] = startCluster();
  const shared = holder[key];
  shared.users++;
  return {
    url: await shared.url,
    async release() {
      if (--shared.users > 0) return;
      delete holder[key];
      await shared.stop();
    },
  };
}

function startCluster(): Shared {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return { url: Promise.resolve(serverUrl), users: 0, stop: async () => {} };
  const name = `ketenkaart_test_${Date.now()}_${process.pid}`;
  const embedded = freePort().then((port) =>
    startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), name),
      port,
      database: "postgres",
      persistent: false,
    }),
  );
  return {
    url: embedded.then((database) => database.url),
    users: 0,
    stop: async () => (await embedded).stop(),
  };
}

/**
 * Runs one statement on a database other than the lane's (a test's own, or the cluster's as
 * its administrator), on a connection of its own, and answers its rows.
 */
export async function queryDatabase<T = Record<string, unknown>>(
  url: string,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

async function asAdministrator(clusterUrl: string, sql: string): Promise<void> {
  await queryDatabase(clusterUrl, sql);
}

/** A new, empty database on the cluster, dropped (with any connection left) by `drop`. */
export async function createDatabase(
  clusterUrl: string,
  purpose: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ketenkaart_test_${purpose}_${randomBytes(4).toString("hex")}`.toLowerCase();
  await asAdministrator(clusterUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => asAdministrator(clusterUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/**
 * A new, empty database reached as a login role of its own with a strong random password, as
 * production requires (the cluster's own password is a development default). `drop` removes
 * the database and the role.
 */
export async function createDatabaseWithStrongPassword(
  clusterUrl: string,
  purpose: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const role = `ketenkaart_test_role_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(24).toString("base64url");
  // As the cluster's administrator: migrations create extensions and the application role.
  await asAdministrator(clusterUrl, `CREATE ROLE "${role}" LOGIN SUPERUSER PASSWORD '${password}'`);
  const database = await createDatabase(clusterUrl, purpose);
  const url = new URL(database.url);
  url.username = role;
  url.password = password;
  return {
    url: url.toString(),
    async drop() {
      await database.drop();
      await asAdministrator(clusterUrl, `DROP ROLE IF EXISTS "${role}"`);
    },
  };
}
