import type { DataSource } from "typeorm";
import type { Loaders } from "../request/loaders.js";
import { inTransaction } from "../common/transaction.js";
import type { OfferingSearchInput } from "./offering-search.inputs.js";
import type { Facet } from "./offering-search.types.js";
import { facetDefinitions, type MatchSource } from "./offering-search.match.js";

// A search's total and facet counts, counted once per catalogue version and kept.
const countingTimeoutMs = 20_000;

/**
 * Up to this many matches in title order are sorted rather than read along the title index.
 * Counting them costs a little for every broad word (5 000 cost a broad word 25 ms).
 */
export type FacetCount = { field: string; value: string; count: number; label?: string | null };

/**
 * The columns of offerings and their organisations a page reads, in column order; null for
 * whole records. A page shows about a tenth of an offering's bytes (no description, no
 * arrays): reading only those took the statement from 23 kB to 8 kB.
 */
export interface SearchCounts {
  total: number;
  facets: Facet[];
}

/**
 * Part of every counts key: a change to what search_count_cache keeps changes this, so rows
 * kept in an older form are never read (they expire within a day).
 */
export const countsFormat = "facets-v2";

/**
 * The total and the disjunctive facet counts of a search: each facet counts its values over
 * the matches that pass every other filter, in one grouped pass over the unnested column per
 * facet. `facets` labels and orders them, and they are kept finished (a search counted before
 * costs no work on its facets: labelling and sorting 350 gemeenten took a millisecond) with
 * the catalogue version read in the counting snapshot, so counts that a concurrent change made
 * stale are never found again.
 */
export async function countMatches(
  db: DataSource,
  parameters: unknown[],
  search: MatchSource,
  key: string,
  facets: (counted: FacetCount[]) => Promise<Facet[]>,
): Promise<SearchCounts> {
  const allFlags = (except?: string) =>
    [
      "true",
      ...search.filterTests.filter((f) => f.field !== except).map((f) => `"f_${f.field}"`),
    ].join(" AND ");
  const facetCounts = facetDefinitions.map((facet) => {
    const value = facet.isArray ? "u.v" : facet.column;
    const from = facet.isArray
      ? `matched CROSS JOIN LATERAL (SELECT DISTINCT v FROM unnest(${facet.column}) AS v) u`
      : "matched";
    // Gemeente names are counted along, so a cached count needs no second statement for them
    // (a renamed gemeente raises the catalogue version: migration 1765000000000).
    const label = facet.labels
      ? "NULL::text"
      : `(SELECT g.name FROM gemeente g WHERE g.code = ${value})`;
    return `SELECT '${facet.field}' AS field, ${value} AS value, count(*)::int AS count, ${label} AS label
              FROM ${from} WHERE ${allFlags(facet.field)} AND ${value} IS NOT NULL GROUP BY ${value}`;
  });
  // A row that fails two filters is in no count (each facet leaves out only its own filter):
  // filters alone would otherwise count over every active offering.
  const countable =
    search.filterTests.length >= 2
      ? [
          `(${search.filterTests.map((f) => `coalesce((${f.test})::int, 0)`).join(" + ")}) >= ${search.filterTests.length - 1}`,
        ]
      : [];
  // Counting a broad search for the first time in a catalogue version reads every match: on a
  // national catalogue that can take longer than a request's statement timeout, and failing
  // the search would be worse than a slow first answer (the next worker gets it cached).
  return inTransaction(db, async (manager) => {
    await manager.query(`SET LOCAL statement_timeout = ${countingTimeoutMs}`);
    const [counted] = (await manager.query(
      `WITH ${[
        ...search.ctes,
        `
      matched AS MATERIALIZED (
        SELECT o.module, o.phases, o.palette_level, o.life_domains, o.target_groups,
               o.channels, o.delivered_by, o.gemeente_codes
               ${search.filterTests.map((f) => `, (${f.test}) AS "f_${f.field}"`).join("")}
          FROM ${search.from}
         WHERE ${[...search.matches, ...countable].join(" AND ")}
      )`,
      ].join(",")}
    SELECT (SELECT count(*)::int FROM matched WHERE ${allFlags()}) AS total,
           (SELECT coalesce(json_agg(f), '[]'::json) FROM (
              ${facetCounts.join("\n UNION ALL ")}) f) AS "facetCounts",
           change_count('offering_catalog') AS version`,
      parameters,
    )) as [{ total: number; facetCounts: FacetCount[]; version: string }];
    const counts: SearchCounts = {
      total: counted.total,
      facets: await facets(counted.facetCounts),
    };
    await manager.query(
      `WITH expired AS (
         DELETE FROM search_count_cache WHERE created_at < now() - interval '1 day'
       )
       INSERT INTO search_count_cache (key, version, counts) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE
         SET version = EXCLUDED.version, counts = EXCLUDED.counts, created_at = now()`,
      [key, counted.version, counts],
    );
    return counts;
  });
}

// One collator for every search: localeCompare with a locale builds a new one per comparison.
const dutchOrder = new Intl.Collator("nl");

/**
 * Every facet lists all values of its taxonomy in display order (zero counts included, so a
 * UI can show each filter); gemeenten lists those that occur in the results or are selected.
 */
export async function facetsWithLabels(
  loaders: Loaders,
  search: OfferingSearchInput,
  counted: FacetCount[],
): Promise<Facet[]> {
  const counts = new Map(counted.map((c) => [`${c.field}:${c.value}`, c.count]));
  const countOf = (field: string, value: string) => counts.get(`${field}:${value}`) ?? 0;

  const named = new Map(
    counted.flatMap((c) => (c.field === "gemeenten" && c.label ? [[c.value, c.label]] : [])),
  );
  // A selected gemeente without matches has no count, so its name is looked up.
  const unnamed = (search.gemeenten ?? []).filter((code) => !named.has(code));
  for (const gemeente of await loaders.gemeenteByCode.loadMany(unnamed)) {
    if (gemeente && !(gemeente instanceof Error)) named.set(gemeente.code, gemeente.name);
  }
  const gemeenteLabels = Object.fromEntries(
    [...named].sort(([, a], [, b]) => dutchOrder.compare(a, b)),
  );

  return facetDefinitions.map((facet) => ({
    field: facet.field,
    values: Object.entries(facet.labels ?? gemeenteLabels).map(([value, label]) => ({
      value,
      label,
      count: countOf(facet.field, value),
    })),
  }));
}
