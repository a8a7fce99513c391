import { inject } from "vitest";
import { startServer } from "../../tools/reliability/instances.js";
import { createDatabase } from "./cluster.js";
import { eventually } from "./wait.js";

/** One line of an instance's log (pino's JSON). */
export type LogEntry = Record<string, unknown> & { msg?: string };

export interface Instance {
  baseUrl: string;
  databaseUrl: string;
  /** What the server wrote to stdout so far, a line each (pino's JSON). */
  logLines: string[];
  /** What it wrote to stderr (also passed on to the test's own): its banner, and failures. */
  errorOutput(): string;
  /** Stops the server, and drops its database when it had one of its own. */
  stop(): Promise<void>;
}

/**
 * Another server instance with its own environment (configuration to test), on the lane's
 * database (as any extra instance behind a load balancer), on `databaseUrl` (a database the
 * test made and drops itself, e.g. one that several instances share; requests then run as
 * `applicationDatabaseUrl`, the development login by default) or, with `ownDatabase`, on
 * a fresh database that it migrates and seeds: for a test that reads or writes the whole
 * database and must not meet other test files' data.
 */
export async function startInstance(
  env: Record<string, string> = {},
  options: { ownDatabase?: boolean; databaseUrl?: string; applicationDatabaseUrl?: string } = {},
): Promise<Instance> {
  const database = options.ownDatabase
    ? await createDatabase(inject("clusterUrl"), "own")
    : { url: options.databaseUrl ?? inject("databaseUrl"), drop: async () => {} };
  const logLines: string[] = [];
  let partial = "";
  let errorOutput = "";
  const server = await startServer({
    databaseUrl: database.url,
    applicationDatabaseUrl: options.applicationDatabaseUrl,
    // Behind one proxy, as the lane's server (test/global-setup.ts).
    env: { NODE_ENV: "test", LOG_LEVEL: "info", TRUST_PROXY_HOPS: "1", ...env },
    onOutput: (text, stream) => {
      if (stream === "stderr") {
        errorOutput += text;
        return void process.stderr.write(text);
      }
      const lines = (partial + text).split("\n");
      partial = lines.pop()!;
      logLines.push(...lines);
    },
  });
  return {
    baseUrl: server.url,
    databaseUrl: database.url,
    logLines,
    errorOutput: () => errorOutput,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}

/** The instance's log so far, parsed; lines that are not JSON (the start banner) left out. */
export function logEntries(instance: Instance): LogEntry[] {
  return instance.logLines.flatMap((line) => {
    if (!line.startsWith("{")) return [];
    try {
      return [JSON.parse(line) as LogEntry];
    } catch {
      return [];
    }
  });
}

/** Waits until the instance has logged a line whose message matches, and answers it. */
export function logged(instance: Instance, message: RegExp): Promise<LogEntry> {
  return eventually(
    () => logEntries(instance).find((entry) => message.test(entry.msg ?? "")),
    `log line ${message} of ${instance.baseUrl}`,
  );
}
