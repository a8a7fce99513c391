import {
  channelLabels,
  deliveredByLabels,
  lifeDomainLabels,
  paletteLevelLabels,
  phaseLabels,
  serviceModuleLabels,
  targetGroupLabels,
} from "../taxonomy/taxonomy.js";
import type { OfferingSearchInput } from "./offering-search.inputs.js";
import { type TextQuery } from "./offering-search-text.js";
import { sqlLiteral } from "../db/sql-literal.js";

// What a search matches: its filters (the facets) and text, as SQL with its parameters.
/**
 * One filter of the search, which is also a facet: the input list it reads, the column it
 * tests, and the labels of its values. Values within a filter combine with OR (`= ANY` or
 * `&&`), different filters with AND.
 */
export interface FacetDefinition {
  field: string;
  column: string;
  isArray: boolean;
  selected: (search: OfferingSearchInput) => string[] | undefined;
  /** Fixed values in display order; absent for gemeenten, whose values come from the data. */
  labels?: Record<string, string>;
}

export const facetDefinitions: FacetDefinition[] = [
  {
    field: "module",
    column: "module",
    isArray: false,
    selected: (s) => s.modules,
    labels: serviceModuleLabels,
  },
  {
    field: "phases",
    column: "phases",
    isArray: true,
    selected: (s) => s.phases,
    labels: phaseLabels,
  },
  {
    field: "paletteLevel",
    column: "palette_level",
    isArray: false,
    selected: (s) => s.paletteLevels,
    labels: paletteLevelLabels,
  },
  {
    field: "lifeDomains",
    column: "life_domains",
    isArray: true,
    selected: (s) => s.lifeDomains,
    labels: lifeDomainLabels,
  },
  {
    field: "targetGroups",
    column: "target_groups",
    isArray: true,
    selected: (s) => s.targetGroups,
    labels: targetGroupLabels,
  },
  {
    field: "channels",
    column: "channels",
    isArray: true,
    selected: (s) => s.channels,
    labels: channelLabels,
  },
  {
    field: "deliveredBy",
    column: "delivered_by",
    isArray: true,
    selected: (s) => s.deliveredBy,
    labels: deliveredByLabels,
  },
  { field: "gemeenten", column: "gemeente_codes", isArray: true, selected: (s) => s.gemeenten },
];

/** How long counting a search may take (the request's own statement timeout is 5 s). */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }

  /**
   * A value written into the statement: for the values its best plan depends on (words,
   * filters, page size), so that each search is prepared with a plan of its own.
   */
  literal(value: string | number | string[], type: string): string {
    return `${sqlLiteral(value)}::${type}`;
  }
}

/**
 * The sociale kaart search. One statement finds the page and, when this search was counted
 * before in the current catalogue version, its total and facets; only otherwise is it counted
 * (and the counts stored for the next worker who asks the same). A text's
 * words become a query in a statement before it, unless they were searched before in this
 * catalogue version (offering-search-text.ts).
 *
 * The page never scores every match: with a text, offerings whose title or organisation name
 * holds a search word are ranked by `ts_rank_cd` (few, through the headline index) and the
 * matches in the description alone follow alphabetically, which the title-order index gives
 * without sorting them all. `near` starts from the locations inside the distance (the earth_box
 * index) and the offerings without a place that serve the postcode's gemeente (the gemeenten
 * index), so nothing outside the circle is read, and reads those offerings nearest first.
 */
export interface SearchConditions {
  text: TextQuery | null;
  postcode: string | null;
  maxDistance: number | null;
  withCapacityOnly: boolean;
  filters: Array<{ facet: FacetDefinition; selected: string[] }>;
}

export interface MatchSource {
  ctes: string[];
  from: string;
  /** The distance in km of a match to the postcode (NULL without `near`). */
  distance: string;
  matches: string[];
  /** One test per filter, named by its facet: each facet's count leaves its own test out. */
  filterTests: Array<{ field: string; test: string }>;
}

/**
 * The matching part shared by the page and the counting statement, with its parameters added
 * to `sql`. `near` reads the postcode's area in the statement itself (one round trip less).
 */
export function matchSource(
  sql: SqlParameters,
  {
    query,
    postcode,
    maxDistance,
    withCapacityOnly,
    filters,
  }: {
    query: string | null;
    postcode: string | null;
    maxDistance: number | null;
    withCapacityOnly: boolean;
    filters: Array<{ facet: FacetDefinition; selected: string[] }>;
  },
): MatchSource {
  const ctes: string[] = [];
  let from = "offering o";
  let distance = "NULL::float8";
  if (postcode) {
    ctes.push(`
      area AS MATERIALIZED (
        SELECT latitude, longitude, gemeente_code FROM postcode_area
         WHERE code = ${sql.add(postcode, "text")}
      )`);
    // earth_box works on earthdistance's slightly larger sphere: widen it a little, then
    // filter on the exact distance.
    const inBox =
      maxDistance === null
        ? "true"
        : `earth_box(ll_to_earth(a.latitude, a.longitude), ${sql.add(maxDistance * 1010 + 100, "float8")})
                 @> ll_to_earth(l.latitude, l.longitude)`;
    // Offerings at a place match by distance; offerings without a place (home visits, phone)
    // match when they serve the postcode's gemeente. The area is joined rather than read in
    // subqueries: PostgreSQL does not inline a SQL function whose argument is a subquery and
    // which uses it twice, and called as a function the distance took 17 µs per location
    // (4 of the 10 ms that text + near + 3 filters took to find its candidates). Both
    // OFFSET 0s are about the planner: the first keeps the distance computed once per
    // location, not once per offering at it (a flattened subquery evaluated it 2 300 times
    // for 215 locations: 8 ms); the second keeps the NOT EXISTS a probe of the primary key
    // per offering, where an anti join read all of offering_location (6 ms).
    ctes.push(`
      nearby AS (
        SELECT link.offering_id, min(l.distance_km) AS distance_km
          FROM (SELECT l.id, ketenkaart_distance_km(a.latitude, a.longitude, l.latitude, l.longitude) AS distance_km
                  FROM area a JOIN location l ON ${inBox} OFFSET 0) l
          JOIN offering_location link ON link.location_id = l.id
         ${maxDistance === null ? "" : `WHERE l.distance_km <= ${sql.add(maxDistance, "float8")}`}
         GROUP BY link.offering_id
      ),
      candidates AS (
        SELECT offering_id AS id, distance_km FROM nearby
        UNION ALL
        SELECT o.id, NULL::float8 FROM offering o
         WHERE o.gemeente_codes @> ARRAY[(SELECT gemeente_code FROM area)]
           AND NOT EXISTS (SELECT 1 FROM offering_location x WHERE x.offering_id = o.id OFFSET 0)
      )`);
    from = "candidates c JOIN offering o ON o.id = c.id";
    distance = "c.distance_km";
  }
  const matches = ["o.status = 'ACTIVE'"];
  if (query) matches.push(`o.search_vector @@ ${query}`);
  if (withCapacityOnly) matches.push("o.capacity_available > 0");
  const filterTests = filters.map(({ facet, selected }) => {
    const values = sql.literal(selected, "text[]");
    const test = facet.isArray
      ? `o.${facet.column} && ${values}`
      : `o.${facet.column} = ANY (${values})`;
    return { field: facet.field, test };
  });
  return { ctes, from, distance, matches, filterTests };
}
