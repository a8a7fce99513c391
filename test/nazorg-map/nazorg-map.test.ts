import { daysAgo } from "../support/calendar.js";
import { demoAccounts, demoPassword } from "../support/demo.js";
import { beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { staleAfterDays } from "../../server/offering/offering-staleness.js";
import {
  DeliveredBy,
  OfferingStatus,
  PaletteLevel,
  Phase,
  TargetGroup,
} from "../../server/taxonomy/taxonomy.js";
import { graphql, query } from "../support/api.js";
import { whileUnchanged } from "../support/unchanged.js";
import {
  buildLocation,
  buildOffering,
  buildOrganization,
  buildRegion,
  database,
} from "../support/factories.js";
import { loggedInUser, sessionHeaders } from "../support/session.js";

interface Cell {
  paletteLevel: string;
  offeringCount: number;
  capacityAvailable: number;
  offeringsWithCapacity: number;
  notVerifiedCount: number;
  notVerifiedShare: number | null;
  isGap: boolean;
}
interface MapData {
  nazorgMap: {
    region: { id: string };
    rows: Array<{ gemeente: { code: string; name: string }; gapCount: number; cells: Cell[] }>;
  };
}

const mapQuery = `query ($regionId: ID, $filter: NazorgMapFilter) {
  nazorgMap(regionId: $regionId, filter: $filter) {
    region { id }
    rows { gemeente { code name } gapCount
      cells { paletteLevel offeringCount capacityAvailable offeringsWithCapacity notVerifiedCount notVerifiedShare isGap } }
  } }`;

async function mapOf(
  headers: Record<string, string>,
  regionId: string | undefined,
  filter: Record<string, string[] | undefined> = {},
) {
  const result = await graphql<MapData>(mapQuery, { regionId, filter }, headers);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.nazorgMap;
}

const cellOf = (map: MapData["nazorgMap"], gemeente: string, level: string) =>
  map.rows.find((r) => r.gemeente.code === gemeente)!.cells.find((c) => c.paletteLevel === level)!;

/** The same numbers counted directly, written apart from the service on purpose. */
async function directCounts(regionId: string, filter: Record<string, string[] | undefined>) {
  const rows = (await (
    await database()
  ).query(
    `SELECT g.code, o.palette_level AS level, count(*)::int AS "offeringCount",
            coalesce(sum(o.capacity_available), 0)::int AS "capacityAvailable",
            count(o.capacity_available)::int AS "offeringsWithCapacity",
            count(*) FILTER (WHERE o.last_verified_at < now() - make_interval(secs => $5 * 86400))::int AS "notVerifiedCount"
       FROM gemeente g JOIN offering o ON g.code = ANY (o.gemeente_codes)
      WHERE g.region_id = $1 AND o.status = 'ACTIVE' AND o.palette_level IS NOT NULL
        AND ($2::text[] IS NULL OR o.target_groups && $2)
        AND ($3::text[] IS NULL OR o.delivered_by && $3)
        AND ($4::text[] IS NULL OR o.phases && $4)
      GROUP BY g.code, o.palette_level`,
    [
      regionId,
      filter.targetGroups ?? null,
      filter.deliveredBy ?? null,
      filter.phases ?? null,
      staleAfterDays,
    ],
  )) as Array<
    { code: string; level: string } & Omit<Cell, "paletteLevel" | "isGap" | "notVerifiedShare">
  >;
  return new Map(rows.map((row) => [`${row.code}:${row.level}`, row]));
}

describe("the nazorg map", () => {
  let headers: Record<string, string>;
  let region: Awaited<ReturnType<typeof buildRegion>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    headers = (await loggedInUser({ roles: [Role.COORDINATOR] })).headers;
    region = await buildRegion(3);
    const [g1, g2, g3] = region.gemeenteCodes as [string, string, string];
    const organizationId = await buildOrganization({ gemeenteCodes: region.gemeenteCodes });
    const inG2 = await buildLocation(organizationId, { postcode: `${region.postcodes[1]} AB` });
    const base = { organizationId, paletteLevel: PaletteLevel.A7 };
    ids.a = await buildOffering({
      ...base,
      gemeenteCodes: [g1],
      capacity: { available: 3, total: 10, updatedAt: new Date() },
      targetGroups: [TargetGroup.JONGEREN],
      deliveredBy: [DeliveredBy.VRIJWILLIGER],
    });
    ids.b = await buildOffering({
      ...base,
      gemeenteCodes: [g1, g2],
      capacity: { available: 2, total: null, updatedAt: new Date() },
      deliveredBy: [DeliveredBy.BEROEPSKRACHT],
      lastVerifiedAt: daysAgo(200),
    });
    // Covers no gemeente itself, but has a place in g2: it serves g2.
    ids.c = await buildOffering({ ...base, gemeenteCodes: [], locationIds: [inG2] });
    ids.g = await buildOffering({ ...base, gemeenteCodes: [g1] });
    // Not counted: paused, or not on the palette.
    await buildOffering({
      ...base,
      paletteLevel: PaletteLevel.P1,
      gemeenteCodes: [g1],
      status: OfferingStatus.PAUSED,
    });
    await buildOffering({
      ...base,
      paletteLevel: null,
      phases: [Phase.STABILISATIE],
      gemeenteCodes: [g1],
    });
    ids.f = await buildOffering({
      ...base,
      paletteLevel: PaletteLevel.A1,
      gemeenteCodes: [g3],
      deliveredBy: [DeliveredBy.ERVARINGSDESKUNDIGE],
      phases: [Phase.ONTWIKKELING, Phase.NAZORG],
      lastVerifiedAt: daysAgo(300),
    });
  });

  it("counts offerings, free places and unverified ones per gemeente and palette level", async () => {
    const map = await mapOf(headers, region.id);
    const [g1, g2, g3] = region.gemeenteCodes as [string, string, string];
    expect(map.rows.map((r) => r.gemeente.code)).toEqual([g1, g2, g3]);
    expect(
      map.rows.every(
        (r) => r.cells.map((c) => c.paletteLevel).join() === Object.values(PaletteLevel).join(),
      ),
    ).toBe(true);

    expect(cellOf(map, g1, "A7")).toEqual({
      paletteLevel: "A7",
      offeringCount: 3,
      capacityAvailable: 5,
      offeringsWithCapacity: 2,
      notVerifiedCount: 1,
      notVerifiedShare: 1 / 3,
      isGap: false,
    });
    // b covers g2 by name, c by its location there.
    expect(cellOf(map, g2, "A7")).toMatchObject({
      offeringCount: 2,
      capacityAvailable: 2,
      offeringsWithCapacity: 1,
      notVerifiedShare: 0.5,
    });
    expect(cellOf(map, g3, "A1")).toMatchObject({ offeringCount: 1, notVerifiedShare: 1 });
  });

  it("marks a gemeente and level without any offering as a gap", async () => {
    const map = await mapOf(headers, region.id);
    const [g1, g2] = region.gemeenteCodes as [string, string];
    // The only P1 offering in g1 is paused.
    expect(cellOf(map, g1, "P1")).toEqual({
      paletteLevel: "P1",
      offeringCount: 0,
      capacityAvailable: 0,
      offeringsWithCapacity: 0,
      notVerifiedCount: 0,
      notVerifiedShare: null,
      isGap: true,
    });
    expect(map.rows.find((r) => r.gemeente.code === g2)!.gapCount).toBe(12);
  });

  it("filters with the search's semantics: OR within a filter, AND across filters", async () => {
    const [g1, , g3] = region.gemeenteCodes as [string, string, string];
    const volunteers = await mapOf(headers, region.id, { deliveredBy: ["VRIJWILLIGER"] });
    expect(cellOf(volunteers, g1, "A7").offeringCount).toBe(2); // a and g
    const either = await mapOf(headers, region.id, {
      deliveredBy: ["VRIJWILLIGER", "BEROEPSKRACHT"],
    });
    expect(cellOf(either, g1, "A7").offeringCount).toBe(3);
    const young = await mapOf(headers, region.id, { targetGroups: ["JONGEREN"] });
    expect(cellOf(young, g1, "A7").offeringCount).toBe(1);
    const both = await mapOf(headers, region.id, {
      targetGroups: ["JONGEREN"],
      deliveredBy: ["BEROEPSKRACHT"],
    });
    expect(cellOf(both, g1, "A7").isGap).toBe(true);
    const development = await mapOf(headers, region.id, { phases: ["ONTWIKKELING"] });
    expect(cellOf(development, g3, "A1").offeringCount).toBe(1);
    expect(cellOf(development, g1, "A7").isGap).toBe(true);
  });

  it.each([
    {},
    { deliveredBy: ["VRIJWILLIGER"] },
    { targetGroups: ["ZORGMIJDERS", "OUDEREN"] },
    { phases: ["NAZORG"], deliveredBy: ["BEROEPSKRACHT", "ERVARINGSDESKUNDIGE"] },
  ])("equals a direct count over the demo region for filter %j", async (filter) => {
    const demo = await sessionHeaders(demoAccounts.coordinator, demoPassword);
    const [{ id: demoRegion }] = (await (
      await database()
    ).query("SELECT id FROM region WHERE code = 'centraal-gelderland'")) as [{ id: string }];
    // Other test files add offerings in the demo region meanwhile: compare like with like.
    const { read: direct, look: map } = await whileUnchanged(
      () => directCounts(demoRegion, filter),
      // Without a region: the region of the coordinator's own organisation.
      () => mapOf(demo, undefined, filter),
    );
    expect(map.region.id).toBe(demoRegion);
    expect(map.rows).toHaveLength(10);
    let counted = 0;
    for (const row of map.rows) {
      for (const cell of row.cells) {
        const expected = direct.get(`${row.gemeente.code}:${cell.paletteLevel}`);
        expect(cell, `${row.gemeente.name} ${cell.paletteLevel}`).toMatchObject({
          offeringCount: expected?.offeringCount ?? 0,
          capacityAvailable: expected?.capacityAvailable ?? 0,
          offeringsWithCapacity: expected?.offeringsWithCapacity ?? 0,
          notVerifiedCount: expected?.notVerifiedCount ?? 0,
          isGap: !expected,
        });
        counted += cell.offeringCount;
      }
    }
    expect(counted).toBeGreaterThan(Object.keys(filter).length === 0 ? 100 : 0);
  });

  it("lists exactly the offerings behind a cell through the public search", async () => {
    const [g1] = region.gemeenteCodes as [string];
    const map = await mapOf(headers, region.id, { deliveredBy: ["VRIJWILLIGER"] });
    const search = await query<{ offerings: { edges: Array<{ node: { id: string } }> } }>(
      `query ($search: OfferingSearchInput) { offerings(search: $search, first: 50) { edges { node { id } } } }`,
      { search: { gemeenten: [g1], paletteLevels: ["A7"], deliveredBy: ["VRIJWILLIGER"] } },
    );
    expect(search.offerings.edges.map((e) => e.node.id).sort()).toEqual([ids.a, ids.g].sort());
    expect(cellOf(map, g1, "A7").offeringCount).toBe(2);
  });

  it("answers a region that does not exist with NOT_FOUND", async () => {
    const result = await graphql(
      mapQuery,
      { regionId: "00000000-0000-4000-8000-000000000000" },
      headers,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
