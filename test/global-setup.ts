import type { ChildProcess } from "node:child_process";
import type { TestProject } from "vitest/node";
import { startServer } from "../tools/reliability/instances.js";
import { acquireCluster, createDatabase } from "./support/cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The lane's own server, migrated and seeded with the demo region. */
    baseUrl: string;
    /** The lane's own database, which only the lane's test files use. */
    databaseUrl: string;
    /** The run's PostgreSQL server (as its administrator), for tests that need a database of their own. */
    clusterUrl: string;
  }
}

/**
 * Each lane (a Vitest project: the API tests, the browser tests) gets a fresh database of its own
 * on the run's one PostgreSQL (embedded, or TEST_DATABASE_URL's server) and the real built server
 * on it, migrated and seeded as `npm start` does. Lanes run side by side without seeing each
 * other's data.
 */
export default async function setup(project: TestProject) {
  const cluster = await acquireCluster();
  const database = await createDatabase(cluster.url, `lane_${project.name}`);
  const server = await startServer({
    databaseUrl: database.url,
    // As behind the load balancer of a deployment: tests speak for many clients through
    // X-Forwarded-For. On a machine busy with other work a statement or a turn on the pool can
    // take many times as long; the lanes' servers allow for that, and the tests of those limits
    // (test/reliability/availability.test.ts) start servers of their own with the defaults.
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      TRUST_PROXY_HOPS: "1",
      DATABASE_STATEMENT_TIMEOUT_MS: "30000",
      DATABASE_POOL_WAIT_MS: "60000",
    },
  });
  project.provide("baseUrl", server.url);
  project.provide("databaseUrl", database.url);
  project.provide("clusterUrl", cluster.url);

  return async () => {
    await stopProcess(server.process);
    await database.drop();
    await cluster.release();
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
