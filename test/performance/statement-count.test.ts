import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openCase, sendReferral } from "../support/nazorg.js";
import { loggedInUser } from "../support/session.js";

/**
 * A list page costs a fixed number of SQL statements, whatever its length: nested fields go
 * through per-request DataLoaders, never a statement per row (no N+1). Measured on a second
 * server on the test database that traces every statement it sends (KETENKAART_SQL_TRACE).
 */
const trace = path.join(os.tmpdir(), `ketenkaart-statements-${process.pid}.jsonl`);
let server: ChildProcess;
let baseUrl: string;

beforeAll(async () => {
  writeFileSync(trace, "");
  const port = await freePort();
  server = spawn(process.execPath, ["dist/server/main.js"], {
    env: {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      PORT: String(port),
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      KETENKAART_SQL_TRACE: trace,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      if (attempt > 300) throw new Error("the tracing server did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(() => {
  server?.kill("SIGTERM");
  rmSync(trace, { force: true });
});

/** Sends one request to the tracing server and returns how many statements it issued. */
async function statementsFor(query: string, headers: Record<string, string>) {
  const before = readFileSync(trace, "utf8").length;
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown[]>; errors?: unknown };
  expect(body.errors).toBeUndefined();
  const statements = readFileSync(trace, "utf8").slice(before).trim().split("\n").length;
  return { statements, rows: Object.values(body.data!)[0]!.length };
}

const caseList = `{ myCases { id phase client { id displayName }
  regieHolder { startedAt organization { id name } user { id name } }
  referrals { id state offering { id title } receiver { id name } events { toState at } } } }`;

describe("SQL statements per list page", () => {
  it("is the same for a case list of 2 and of 6 cases, each with a referral", async () => {
    const small = await loggedInUser();
    const large = await loggedInUser();
    for (const [worker, cases] of [
      [small, 2],
      [large, 6],
    ] as const) {
      for (let i = 0; i < cases; i++) {
        const { caseId, clientId } = await openCase(worker.headers, `C. Teller ${i}`);
        await sendReferral(worker.headers, caseId, clientId);
      }
    }

    const smallPage = await statementsFor(caseList, small.headers);
    const largePage = await statementsFor(caseList, large.headers);

    expect(smallPage.rows).toBe(2);
    expect(largePage.rows).toBe(6);
    expect(largePage.statements).toBe(smallPage.statements);
    // The session lookup, the list, and at most one statement per relation kind of the query:
    // client, regieHolder with its organization and user, referrals with their offering,
    // receiver and events.
    const relationKinds = 8;
    expect(largePage.statements).toBeLessThanOrEqual(2 + relationKinds);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
