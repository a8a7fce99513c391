import { inject } from "vitest";
import { startServer } from "../../server/scripts/reliability/instances.js";
import { createDatabase } from "./cluster.js";

export interface Instance {
  baseUrl: string;
  databaseUrl: string;
  /** What the server wrote to stdout and stderr so far, a line each (pino's JSON). */
  logLines: string[];
  /** Stops the server, and drops its database when it had one of its own. */
  stop(): Promise<void>;
}

/**
 * Another server instance with its own environment (configuration to test), on the lane's
 * database (as any extra instance behind a load balancer) or, with `ownDatabase`, on a fresh
 * database that it migrates and seeds: for a test that reads or writes the whole database and
 * must not meet other test files' data.
 */
export async function startInstance(
  env: Record<string, string> = {},
  options: { ownDatabase?: boolean } = {},
): Promise<Instance> {
  const database = options.ownDatabase
    ? await createDatabase(inject("clusterUrl"), "own")
    : { url: inject("databaseUrl"), drop: async () => {} };
  const logLines: string[] = [];
  let partial = "";
  const server = await startServer({
    databaseUrl: database.url,
    env: { NODE_ENV: "test", LOG_LEVEL: "info", ...env },
    onOutput: (text, stream) => {
      if (stream === "stderr") return void process.stderr.write(text);
      const lines = (partial + text).split("\n");
      partial = lines.pop()!;
      logLines.push(...lines);
    },
  });
  return {
    baseUrl: server.url,
    databaseUrl: database.url,
    logLines,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
