import { describe, expect, it } from "vitest";
import { query } from "../support/api.js";

// What a newcomer sees after `npm start`: a realistic region that exercises every filter.
describe("the demo region", () => {
  it("has enough organisations of every kind and offerings in every part of the palette", async () => {
    const data = await query<{
      offerings: {
        totalCount: number;
        facets: Array<{ field: string; values: Array<{ value: string; count: number }> }>;
      };
      taxonomy: { organizationKinds: Array<{ value: string }> };
      organizations: Array<{ kind: string }>;
    }>(`{ offerings(first: 1) { totalCount facets { field values { value count } } }
          taxonomy { organizationKinds { value } } organizations { kind } }`);
    expect(data.offerings.totalCount).toBeGreaterThanOrEqual(120);
    expect(data.organizations.length).toBeGreaterThanOrEqual(30);
    for (const { value } of data.taxonomy.organizationKinds) {
      expect(data.organizations.filter((o) => o.kind === value).length, value).toBeGreaterThan(0);
    }
    for (const field of [
      "module",
      "phases",
      "paletteLevel",
      "channels",
      "deliveredBy",
      "lifeDomains",
      "targetGroups",
    ]) {
      const facet = data.offerings.facets.find((f) => f.field === field)!;
      for (const value of facet.values)
        expect(value.count, `${field}=${value.value}`).toBeGreaterThan(0);
    }
  });

  it("has offerings with and without free places and some not verified for over six months", async () => {
    const all = await query<{ offerings: { totalCount: number } }>(
      `{ offerings(first: 1) { totalCount } }`,
    );
    const free = await query<{ offerings: { totalCount: number } }>(
      `{ offerings(first: 1, search: { withCapacityOnly: true }) { totalCount } }`,
    );
    expect(free.offerings.totalCount).toBeGreaterThan(0);
    expect(free.offerings.totalCount).toBeLessThan(all.offerings.totalCount);
    const stale = await query<{ offerings: { edges: Array<{ node: { isStale: boolean } }> } }>(
      `{ offerings(first: 100) { edges { node { isStale } } } }`,
    );
    expect(stale.offerings.edges.some((e) => e.node.isStale)).toBe(true);
  });
});
