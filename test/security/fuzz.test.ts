import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { graphql } from "../support/api.js";
import { database, uniqueWord } from "../support/factories.js";
import { runFuzz } from "../support/fuzz.js";
import { openCase } from "../support/nazorg.js";
import { referralChain } from "../support/scenarios.js";
import { loggedInUser } from "../support/session.js";

// CI-sized by default; the reliability run sets FUZZ_COUNT (and FUZZ_SEED) much higher.
const count = Number(process.env.FUZZ_COUNT ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261123);

/**
 * A fingerprint of everything the other organisations have: for each table, an md5 over its
 * rows that belong to them (by organisation, case or client), in a fixed order.
 */
async function fingerprint(organizationIds: string[], caseIds: string[], clientIds: string[]) {
  const db = await database();
  const columns = (await db.query(
    `SELECT table_name AS "table", array_agg(column_name::text) AS columns
       FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name IN ('organization_id', 'case_id', 'client_id')
      GROUP BY table_name`,
  )) as Array<{ table: string; columns: string[] }>;
  const scopes = [
    ...columns.map(({ table, columns }) => ({
      table,
      where: columns
        .map((column) =>
          column === "organization_id"
            ? "organization_id = ANY($1::uuid[])"
            : column === "case_id"
              ? "case_id = ANY($2::uuid[])"
              : "client_id = ANY($3::uuid[])",
        )
        .join(" OR "),
    })),
    { table: "organization", where: "id = ANY($1::uuid[])" },
    { table: "care_case", where: "id = ANY($2::uuid[])" },
    { table: "client", where: "id = ANY($3::uuid[])" },
  ];
  const sums: Record<string, string> = {};
  for (const { table, where } of scopes) {
    const [{ rows, sum }] = (await db.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum
         FROM "${table}" t
        WHERE (${where}) AND cardinality($1::uuid[] || $2::uuid[] || $3::uuid[]) > 0`,
      [organizationIds, caseIds, clientIds],
    )) as [{ rows: number; sum: string }];
    sums[table] = `${rows}:${sum}`;
  }
  return sums;
}

describe("fuzzing the GraphQL endpoint", () => {
  it(
    `survives ${count} generated and malformed operations without a 5xx, a leak or a change to others' data`,
    // A limit for a hung run, not for speed: about 5 ms an operation on a quiet machine.
    { timeout: Math.max(300_000, count * 60) },
    async () => {
      // The others: a wijkteam with a case, consent and a referral to a partner, and one more case.
      const chain = await referralChain<{ id: string }>("id");
      const secretName = `Geheim ${uniqueWord()}`;
      const second = await openCase(chain.sender.headers, secretName);
      const db = await database();
      const [chainClient] = (await db.query(`SELECT client_id FROM care_case WHERE id = $1`, [
        chain.caseId,
      ])) as [{ client_id: string }];
      const partnerOrganization = chain.receiver.organizationId;
      const [offering] = (await db.query(`SELECT id FROM offering WHERE organization_id = $1`, [
        partnerOrganization,
      ])) as [{ id: string }];
      const organizations = [chain.sender.organizationId, partnerOrganization];
      const cases = [chain.caseId, second.caseId];
      const clients = [chainClient.client_id, second.clientId];

      // The attackers: twenty workers of another organisation (requests spread over them, so the
      // per-user limit does not turn the whole run into 429s).
      const first = await loggedInUser();
      const attackers = [
        first.headers,
        ...(
          await Promise.all(
            Array.from({ length: 19 }, () =>
              loggedInUser({ organizationId: first.organizationId }),
            ),
          )
        ).map((user) => user.headers),
      ];
      const before = await fingerprint(organizations, cases, clients);
      expect(Object.keys(before).length).toBeGreaterThan(8);

      const started = Date.now();
      const report = await runFuzz({
        url: `${inject("baseUrl")}/graphql`,
        count,
        seed,
        concurrency: Number(process.env.FUZZ_CONCURRENCY ?? 8),
        targets: {
          attackers,
          foreignIds: [
            chain.caseId,
            chain.consentId,
            chain.referral.id,
            chainClient.client_id,
            second.caseId,
            second.clientId,
            offering.id,
            ...organizations,
            chain.sender.id,
            chain.receiver.id,
          ],
        },
        secrets: [secretName, "M. Yilmaz", "Huurachterstand van drie maanden"],
      });
      console.info(
        `fuzz: ${report.tried} operations in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
          `statuses ${JSON.stringify(report.byStatus)}, 5xx ${report.serverErrors}, ` +
          `internal errors ${report.internalErrors}, leaks ${report.leaks.length}, ` +
          `resent on a new connection ${report.resent.length}${report.resent.map((r) => `\n  resent: ${r}`).join("")}; ` +
          `ms per kind ${JSON.stringify(report.byKind)}`,
      );
      const after = await fingerprint(organizations, cases, clients);

      expect(report.tried).toBe(count);
      expect(report.leaks.slice(0, 20)).toEqual([]);
      expect(report.serverErrors).toBe(0);
      // Now and then, not as a habit: each one is a request a browser would have had to resend.
      expect(report.resent.length).toBeLessThan(count / 1000);
      expect(after).toEqual(before);
      // The others still see their own data; the attackers never saw it.
      const own = await graphql<{ case: { client: { displayName: string } } }>(
        `
          query ($id: ID!) {
            case(id: $id) {
              client {
                displayName
              }
            }
          }
        `,
        { id: second.caseId },
        chain.sender.headers,
      );
      expect(own.data?.case.client.displayName).toBe(secretName);
    },
  );
});
