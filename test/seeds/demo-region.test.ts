import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../support/api.js";
import { type Instance, startInstance } from "../support/instance.js";

// What a newcomer sees after `npm start`: a realistic region that exercises every filter. On a
// fresh database of its own, as other test files change the lane's demo data.
let instance: Instance;
beforeAll(async () => {
  instance = await startInstance({}, { ownDatabase: true });
});
afterAll(() => instance?.stop());

async function query<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql<T>(document, variables, {}, instance.baseUrl);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

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
    let stale = 0;
    let after: string | null = null;
    do {
      const page: {
        offerings: {
          edges: Array<{ node: { isStale: boolean } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await query(
        `query ($after: String) { offerings(first: 100, after: $after) {
           edges { node { isStale } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      stale += page.offerings.edges.filter((edge) => edge.node.isStale).length;
      after = page.offerings.pageInfo.hasNextPage ? page.offerings.pageInfo.endCursor : null;
    } while (after);
    expect(stale).toBeGreaterThan(0);
    expect(stale).toBeLessThan(all.offerings.totalCount);
  });
});
