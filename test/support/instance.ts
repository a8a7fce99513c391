import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { inject } from "vitest";

export interface Instance {
  baseUrl: string;
  /** What the server wrote to stdout so far, a line each (pino's JSON). */
  logLines: string[];
  stop(): Promise<void>;
}

/**
 * A second server instance on the run's database with its own environment (configuration to
 * test): migrations are done and the region is seeded, as for any extra instance.
 */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const server: ChildProcess = spawn(process.execPath, ["dist/server/main.js"], {
    env: {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      PORT: "0",
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const logLines: string[] = [];
  const baseUrl = await new Promise<string>((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: server.stdout! }).on("line", (line) => {
      logLines.push(line);
      const url = /"url":"([^"]+)"/.exec(line)?.[1];
      if (url) resolve(url);
    });
  });
  return {
    baseUrl,
    logLines,
    stop: () =>
      server.exitCode !== null
        ? Promise.resolve()
        : new Promise((resolve) => {
            server.once("exit", () => resolve());
            server.kill("SIGTERM");
          }),
  };
}
