import { daysFromToday, today } from "../support/calendar.js";
import { beforeEach, describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { graphql } from "../support/api.js";
import { buildOrganization, buildRegion, database } from "../support/factories.js";
import { loggedInUser } from "../support/session.js";

const create = `mutation ($input: NetworkAgreementInput!) {
  createNetworkAgreement(input: $input) {
    id kind title validFrom validUntil isCurrent responseNormWorkingDays
    parties { id } regieHolder { id name } gemeenten { code }
  } }`;
const end = `mutation ($input: EndNetworkAgreementInput!) {
  endNetworkAgreement(input: $input) { id validUntil isCurrent } }`;
const mapRows = `query ($regionId: ID) { nazorgMap(regionId: $regionId) { rows {
  gemeente { code } regieNazorg { id regieHolder { id } } networkAgreements { id title } } } }`;

interface Created {
  id: string;
  kind: string;
  isCurrent: boolean;
  regieHolder: { id: string; name: string } | null;
  gemeenten: Array<{ code: string }>;
  parties: Array<{ id: string }>;
}

describe("network agreements", () => {
  let region: Awaited<ReturnType<typeof buildRegion>>;
  let admin: Awaited<ReturnType<typeof loggedInUser>>;
  let coordinator: Awaited<ReturnType<typeof loggedInUser>>;
  let holder: string;
  let other: string;

  const regie = (gemeenteCodes: string[], overrides: Record<string, unknown> = {}) => ({
    kind: "REGIE_NAZORG",
    title: "Regie op nazorg",
    partyIds: [holder, other],
    regieOrganizationId: holder,
    gemeenteCodes,
    // In force since last month, with no end: current on any day the tests run.
    validFrom: daysFromToday(-30),
    ...overrides,
  });

  // A region of the test's own: the tests record and end agreements on its gemeenten, and a
  // test must not find another's there.
  beforeEach(async () => {
    region = await buildRegion(3);
    admin = await loggedInUser({ roles: [Role.REGIO_BEHEERDER] });
    // The coordinator's organisation works in the first two gemeenten only.
    coordinator = await loggedInUser({
      organizationId: await buildOrganization({ gemeenteCodes: region.gemeenteCodes.slice(0, 2) }),
      roles: [Role.COORDINATOR],
    });
    holder = await buildOrganization({ name: "Sociaal Team Regiehouder" });
    other = await buildOrganization();
  });

  it("lets a region administrator record who holds regie on nazorg, shown on the map", async () => {
    const [g1] = region.gemeenteCodes as [string];
    const result = await graphql<{ createNetworkAgreement: Created }>(
      create,
      { input: regie([g1], { responseNormWorkingDays: 2 }) },
      admin.headers,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createNetworkAgreement).toMatchObject({
      kind: "REGIE_NAZORG",
      isCurrent: true,
      regieHolder: { id: holder },
      gemeenten: [{ code: g1 }],
    });
    expect(result.data!.createNetworkAgreement.parties.map((p) => p.id).sort()).toEqual(
      [holder, other].sort(),
    );

    const map = await graphql<{
      nazorgMap: {
        rows: Array<{
          gemeente: { code: string };
          regieNazorg: { id: string; regieHolder: { id: string } } | null;
          networkAgreements: Array<{ id: string }>;
        }>;
      };
    }>(mapRows, { regionId: region.id }, coordinator.headers);
    const [row1, row2] = map.data!.nazorgMap.rows;
    expect(row1!.regieNazorg).toEqual({
      id: result.data!.createNetworkAgreement.id,
      regieHolder: { id: holder },
    });
    expect(row1!.networkAgreements.map((a) => a.id)).toEqual([
      result.data!.createNetworkAgreement.id,
    ]);
    // A gemeente without such an agreement shows the gap.
    expect(row2!.regieNazorg).toBeNull();
  });

  it("refuses a second regie holder in the same gemeente for an overlapping period", async () => {
    const [, g2] = region.gemeenteCodes as [string, string];
    // Periods in the past: whether they overlap does not depend on the day the test runs.
    const first = await graphql<{ createNetworkAgreement: Created }>(
      create,
      { input: regie([g2], { validFrom: "2025-01-01", validUntil: "2025-12-31" }) },
      coordinator.headers,
    );
    expect(first.errors).toBeUndefined();

    // Another holder for the same gemeente from June.
    const fromJune = () =>
      graphql<{ createNetworkAgreement: Created }>(
        create,
        {
          input: regie([g2], {
            partyIds: [other],
            regieOrganizationId: other,
            validFrom: "2025-06-01",
          }),
        },
        coordinator.headers,
      );
    const second = await fromJune();
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "gemeenteCodes",
    });
    expect(second.errors?.[0]?.message).toContain(
      "heeft Sociaal Team Regiehouder al de regie op nazorg (vanaf 2025-01-01 tot en met 2025-12-31)",
    );

    // After the first one ends, the next holder may start the day after.
    const ended = await graphql<{ endNetworkAgreement: { validUntil: string } }>(
      end,
      { input: { id: first.data!.createNetworkAgreement.id, validUntil: "2025-05-31" } },
      coordinator.headers,
    );
    expect(ended.data?.endNetworkAgreement.validUntil).toBe("2025-05-31");
    const next = await fromJune();
    expect(next.errors).toBeUndefined();
    expect(next.data!.createNetworkAgreement.regieHolder?.id).toBe(other);
  });

  it("guards the one-holder rule in the database itself", async () => {
    const [, g2] = region.gemeenteCodes as [string, string];
    const first = await graphql(create, { input: regie([g2]) }, admin.headers);
    expect(first.errors).toBeUndefined();
    const db = await database();
    await expect(
      db.transaction(async (manager) => {
        const [{ id }] = (await manager.query(
          `INSERT INTO network_agreement (kind, title, regie_organization_id, valid_from)
           VALUES ('REGIE_NAZORG', 'Buiten de API om', $1, $2) RETURNING id`,
          [holder, today()],
        )) as [{ id: string }];
        await manager.query(
          "INSERT INTO network_agreement_party (agreement_id, organization_id) VALUES ($1, $2)",
          [id, holder],
        );
        await manager.query(
          `INSERT INTO network_agreement_gemeente (agreement_id, gemeente_code, kind, valid_during)
           SELECT id, $2, kind, valid_during FROM network_agreement WHERE id = $1`,
          [id, g2],
        );
      }),
    ).rejects.toThrow(/network_agreement_one_regie_nazorg_per_gemeente/);
  });

  it("lets coordinators maintain agreements only where their organisation works", async () => {
    const [g1, , g3] = region.gemeenteCodes as [string, string, string];
    const referral = {
      kind: "REFERRAL_AGREEMENT",
      title: "Verwijsafspraak budgetmaatjes",
      partyIds: [holder, other],
      gemeenteCodes: [g1],
      responseNormWorkingDays: 2,
      validFrom: daysFromToday(-30),
    };
    const allowed = await graphql<{ createNetworkAgreement: Created }>(
      create,
      { input: referral },
      coordinator.headers,
    );
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.createNetworkAgreement.regieHolder).toBeNull();

    const elsewhere = await graphql(
      create,
      { input: { ...referral, gemeenteCodes: [g3] } },
      coordinator.headers,
    );
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it.each([[Role.MEDEWERKER], [Role.BEHEERDER]])(
    "forbids a user with role %s to record or end an agreement",
    async (role) => {
      const [g1] = region.gemeenteCodes as [string];
      const recorded = await graphql(create, { input: regie([g1]) }, admin.headers);
      expect(recorded.errors).toBeUndefined();
      const user = await loggedInUser({ roles: [role] });
      const created = await graphql(create, { input: regie([g1]) }, user.headers);
      expect(created.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const ended = await graphql(
        end,
        { input: { id: "00000000-0000-4000-8000-000000000000", validUntil: "2026-01-01" } },
        user.headers,
      );
      expect(ended.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      // Reading is for every logged-in partner.
      const read = await graphql<{ networkAgreements: unknown[] }>(
        `
          query ($code: String) {
            networkAgreements(gemeenteCode: $code) {
              id
            }
          }
        `,
        { code: g1 },
        user.headers,
      );
      expect(read.data?.networkAgreements.length).toBeGreaterThan(0);
    },
  );

  it.each([
    [{ title: "" }, "title"],
    [{ gemeenteCodes: ["Arnhem"] }, "gemeenteCodes"],
    [{ gemeenteCodes: [] }, "gemeenteCodes"],
    [{ partyIds: [] }, "partyIds"],
    [{ validFrom: "1-1-2025" }, "validFrom"],
    [{ validFrom: "2025-02-30" }, "validFrom"],
    [{ validUntil: daysFromToday(-31) }, "validUntil"],
    [{ responseNormWorkingDays: 0 }, "responseNormWorkingDays"],
    [{ regieOrganizationId: null }, "regieOrganizationId"],
    [{ kind: "COVENANT" }, "regieOrganizationId"],
    [{ kind: "COVENANT", regieOrganizationId: null, partyIds: ["x"] }, "partyIds"],
    [{ gemeenteCodes: ["GM0001"] }, "gemeenteCodes"],
  ])("names the field of bad input %j", async (overrides, field) => {
    const [, , g3] = region.gemeenteCodes as [string, string, string];
    const result = await graphql(create, { input: regie([g3], overrides) }, admin.headers);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.errors?.[0]?.message).not.toContain(`'${field}'`);
  });

  it("ends an agreement only on or after its first day and never later than agreed", async () => {
    const [, , g3] = region.gemeenteCodes as [string, string, string];
    // A year in the past, so ending it on its first day leaves it not current on any day.
    const created = await graphql<{ createNetworkAgreement: Created }>(
      create,
      { input: regie([g3], { validFrom: "2025-03-01", validUntil: "2026-02-28" }) },
      admin.headers,
    );
    const id = created.data!.createNetworkAgreement.id;
    for (const validUntil of ["2025-02-28", "2026-03-01"]) {
      const result = await graphql(end, { input: { id, validUntil } }, admin.headers);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "validUntil",
      });
    }
    const ended = await graphql<{
      endNetworkAgreement: { validUntil: string; isCurrent: boolean };
    }>(end, { input: { id, validUntil: "2025-03-01" } }, admin.headers);
    expect(ended.data?.endNetworkAgreement).toEqual({
      id,
      validUntil: "2025-03-01",
      isCurrent: false,
    });
    const missing = await graphql(
      end,
      { input: { id: "00000000-0000-4000-8000-000000000000", validUntil: "2026-01-01" } },
      admin.headers,
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
