import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../server/db/embedded-postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

/**
 * One fresh database per run (on TEST_DATABASE_URL's server, or an embedded PostgreSQL in a
 * temporary folder) and the real built server on it, migrated and seeded as `npm start` does.
 */
export default async function setup(project: TestProject) {
  const database = await freshDatabase();
  const port = await freePort();
  const server = spawn(process.execPath, ["dist/server/main.js"], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      SEED_DEMO_REGION: "true",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const baseUrl = `http://localhost:${port}`;
  await waitUntilHealthy(baseUrl, server);
  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", database.url);

  return async () => {
    await stopProcess(server);
    await database.drop();
  };
}

async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ketenkaart_test_${Date.now()}_${process.pid}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), name),
    port: await freePort(),
    database: name,
    persistent: false,
  });
  return { url: embedded.url, drop: () => embedded.stop() };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitUntilHealthy(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("server did not become healthy within 90 s");
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
