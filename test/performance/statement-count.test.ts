import { randomUUID } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import type { HsdsDocument } from "../../server/hsds/hsds.types.js";
import { buildOffering, buildOrganization } from "../support/factories.js";
import { type Instance, startInstance } from "../support/instance.js";
import { openCase, sendReferral } from "../support/nazorg.js";
import { loggedInUser } from "../support/session.js";

/**
 * A list page costs a fixed number of SQL statements, whatever its length: nested fields go
 * through per-request DataLoaders, never a statement per row (no N+1). Measured on a second
 * server on the test database that traces every statement it sends (KETENKAART_SQL_TRACE).
 */
const trace = path.join(os.tmpdir(), `ketenkaart-statements-${process.pid}.jsonl`);
let server: Instance;

beforeAll(async () => {
  writeFileSync(trace, "");
  server = await startInstance({ LOG_LEVEL: "warn", KETENKAART_SQL_TRACE: trace });
});

afterAll(async () => {
  await server?.stop();
  rmSync(trace, { force: true });
});

/** Sends one request to the tracing server and returns how many statements it issued. */
async function statementsFor(query: string, headers: Record<string, string>) {
  const before = readFileSync(trace, "utf8").length;
  const response = await fetch(`${server.baseUrl}/graphql`, {
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

describe("SQL statements of an HSDS import", () => {
  /** Imports the organisation's document with `count` new services; answers the statements. */
  async function importWith(count: number, headers: Record<string, string>) {
    const organizationId = await buildOrganization();
    await buildOffering({ organizationId });
    const exported = await fetch(
      `${server.baseUrl}/open-referral/hsds.json?organisatie=${organizationId}`,
    );
    const document = (await exported.json()) as HsdsDocument;
    const [template] = document.services;
    for (let index = 0; index < count; index++) {
      document.services.push({ ...template!, id: randomUUID(), name: `Kopie ${index}` });
    }
    const before = readFileSync(trace, "utf8").length;
    const response = await fetch(`${server.baseUrl}/open-referral/import`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(document),
    });
    expect(((await response.json()) as { imported: boolean }).imported).toBe(true);
    return readFileSync(trace, "utf8").slice(before).trim().split("\n").length;
  }

  it("writes services in batches: 600 cost hardly more statements than 10", async () => {
    const administrator = await loggedInUser({ roles: [Role.REGIO_BEHEERDER] });
    const few = await importWith(10, administrator.headers);
    const many = await importWith(600, administrator.headers);
    // Three batches of services instead of one; a statement per service would be 1 800 more.
    expect(many - few).toBeLessThan(20);
  });
});
