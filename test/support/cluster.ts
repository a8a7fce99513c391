import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  developmentApplicationLogin,
  ensureApplicationLogin,
  withLogin,
} from "../../server/db/application-login.js";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres.js";
import { freePort } from "../../tools/reliability/instances.js";

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
  if (serverUrl) {
    // The login the servers' requests run as, as the embedded PostgreSQL has it.
    const ready = asAdministrator(serverUrl, async (client) =>
      ensureApplicationLogin(client, developmentApplicationLogin),
    ).then(() => serverUrl);
    return { url: ready, users: 0, stop: async () => {} };
  }
  const name = `ketenkaart_test_${Date.now()}_${process.pid}`;
  const embedded = freePort().then((port) =>
    startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), name),
      port,
      database: "postgres",
      persistent: false,
      durable: false,
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

async function asAdministrator(
  clusterUrl: string,
  work: string | ((client: pg.Client) => Promise<void>),
): Promise<void> {
  if (typeof work === "string") {
    await queryDatabase(clusterUrl, work);
    return;
  }
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
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
 * A new, empty database set up as README.md asks of a managed PostgreSQL, with strong random
 * passwords as production requires (the cluster's own are development defaults): `url` as its
 * owner, a login that is no superuser and a member of ketenkaart_app, `applicationUrl` as the
 * application's login, and the extensions in place. `drop` removes the database and the roles.
 */
export async function createDatabaseWithStrongPassword(
  clusterUrl: string,
  purpose: string,
): Promise<{ url: string; applicationUrl: string; drop(): Promise<void> }> {
  const suffix = randomBytes(4).toString("hex");
  const owner = { user: `ketenkaart_test_owner_${suffix}`, password: strongPassword() };
  const application = { user: `ketenkaart_test_web_${suffix}`, password: strongPassword() };
  const database = await createDatabase(clusterUrl, purpose);
  await asAdministrator(clusterUrl, async (client) => {
    await ensureApplicationLogin(client, application);
    await client.query(`CREATE ROLE "${owner.user}" LOGIN PASSWORD '${owner.password}'`);
    await client.query(
      `ALTER DATABASE "${new URL(database.url).pathname.slice(1)}" OWNER TO "${owner.user}"`,
    );
    await client.query(`GRANT ketenkaart_app TO "${owner.user}"`);
  });
  // earthdistance is no trusted extension: an administrator creates them all beforehand.
  await queryDatabase(
    database.url,
    ["unaccent", "pg_trgm", "cube", "earthdistance", "btree_gist"]
      .map((extension) => `CREATE EXTENSION IF NOT EXISTS ${extension};`)
      .join("\n"),
  );
  return {
    url: withLogin(database.url, owner),
    applicationUrl: withLogin(database.url, application),
    async drop() {
      await database.drop();
      await asAdministrator(clusterUrl, `DROP ROLE IF EXISTS "${owner.user}"`);
      await asAdministrator(clusterUrl, `DROP ROLE IF EXISTS "${application.user}"`);
    },
  };
}

const strongPassword = () => randomBytes(24).toString("base64url");
