import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import type { Loaders } from "../request/loaders.js";
import { UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { inTransaction } from "../common/transaction.js";
import { unknownPostcode } from "../geography/geography.service.js";
import { parsePostcode } from "../geography/postcode.js";
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
import type { Facet, OfferingConnection } from "./offering-search.types.js";
import { entityFromJson, entityJsonSql } from "../db/entity-rows.js";
import {
  type ReadInCatalogVersion,
  searchWords,
  type TextQuery,
  withTextQuery,
} from "./offering-search-text.js";
import { queryPreparedRecent } from "../db/prepared-statement.js";
import { sqlLiteral } from "../db/sql-literal.js";
import { Organization } from "../organization/organization.entity.js";
import { Offering } from "./offering.entity.js";

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
const countingTimeoutMs = 20_000;

/**
 * Up to this many matches in title order are sorted rather than read along the title index.
 * Counting them costs a little for every broad word (5 000 cost a broad word 25 ms).
 */
const fewMatches = 1000;

/** Where a page ends: the sort key of its last row. Rows after it sort strictly after it. */
type SortKey = [distance: number, negativeRank: number, titleKey: string, id: string];

/** `label` only for gemeenten, whose names come from the data (the rest from the taxonomy). */
type FacetCount = { field: string; value: string; count: number; label?: string | null };

/**
 * The columns of offerings and their organisations a page reads, in column order; null for
 * whole records. A page shows about a tenth of an offering's bytes (no description, no
 * arrays): reading only those took the statement from 23 kB to 8 kB.
 */
export interface PageColumns {
  offering: readonly ColumnMetadata[] | null;
  organization: readonly ColumnMetadata[] | null;
}

/**
 * The organisation a search page read with each of its offerings, for Offering.organization.
 * Records of only the selected columns stay out of the DataLoaders, where another field of the
 * same request could find them without the column it needs.
 */
export const organizationOnPage = new WeakMap<Offering, Organization>();

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
export async function searchOfferings(
  db: DataSource,
  loaders: Loaders,
  search: OfferingSearchInput,
  first: number,
  after: string | undefined,
  columns: PageColumns = { offering: null, organization: null },
): Promise<OfferingConnection> {
  if (search.maxDistanceKm !== undefined && search.maxDistanceKm !== null && !search.near) {
    throw new UserInputError(
      "Een maximale afstand werkt alleen samen met een postcode.",
      "maxDistanceKm",
    );
  }
  const afterKey = after === undefined || after === null ? null : decodeCursor(after);
  const postcode = search.near ? parsePostcode(search.near, "near").pc4 : null;
  const filters = facetDefinitions.flatMap((facet) => {
    const selected = facet.selected(search);
    return selected && selected.length > 0 ? [{ facet, selected: [...selected].sort() }] : [];
  });
  const found = await withTextQuery(db, searchWords(search.text ?? ""), (text) =>
    findPage(
      db,
      {
        text,
        postcode,
        maxDistance: postcode ? (search.maxDistanceKm ?? null) : null,
        withCapacityOnly: search.withCapacityOnly ?? false,
        filters,
      },
      first,
      afterKey,
      columns,
    ),
  );
  if (!found.areaFound) throw unknownPostcode(postcode!, "near");
  const counts =
    found.counts ??
    (await found.countMatches((counted) => facetsWithLabels(loaders, search, counted)));

  // The page brings its offerings and their organisations along: no statement per relation.
  const edges = found.page.slice(0, first).map((row) => {
    const node = entityFromJson(db, Offering, row.offering, columns.offering ?? undefined);
    const organization = entityFromJson(
      db,
      Organization,
      row.organization,
      columns.organization ?? undefined,
    );
    if (!columns.offering) loaders.offeringById.prime(node.id, node);
    if (!columns.organization) loaders.organizationById.prime(organization.id, organization);
    organizationOnPage.set(node, organization);
    return { cursor: encodeCursor(row.key), distanceKm: row.distanceKm, node };
  });
  return {
    edges,
    totalCount: counts.total,
    pageInfo: {
      hasNextPage: found.page.length > first,
      endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null,
    },
    facets: counts.facets,
  };
}

/** What decides which offerings match a search, and nothing else (not the page). */
interface SearchConditions {
  text: TextQuery | null;
  postcode: string | null;
  maxDistance: number | null;
  withCapacityOnly: boolean;
  filters: Array<{ facet: FacetDefinition; selected: string[] }>;
}

interface FoundPage extends ReadInCatalogVersion {
  page: PageRow[];
  /** Null when this search was not counted in the current catalogue version. */
  counts: SearchCounts | null;
  areaFound: boolean;
  countMatches(facets: (counted: FacetCount[]) => Promise<Facet[]>): Promise<SearchCounts>;
}

/** The page statement: the page, the search's counts when kept from before, the catalogue version. */
async function findPage(
  db: DataSource,
  { text, postcode, maxDistance, withCapacityOnly, filters }: SearchConditions,
  first: number,
  afterKey: SortKey | null,
  shown: PageColumns,
): Promise<FoundPage> {
  const countsKey = createHash("sha256")
    .update(
      JSON.stringify([
        countsFormat,
        text?.all ?? null,
        postcode,
        maxDistance,
        withCapacityOnly,
        filters.map(({ facet, selected }) => [facet.field, selected]),
      ]),
    )
    .digest("base64url");

  const sql = new SqlParameters();
  const query = text ? sql.literal(text.all, "tsquery") : null;
  const source = matchSource(sql, { query, postcode, maxDistance, withCapacityOnly, filters });

  // The counting statement uses the parameters up to here; the page's come after them.
  const countParameters = sql.values.length;
  const key = sql.literal(countsKey, "text");

  // The page: one or two ordered, limited branches over the same sort key.
  const afterValues = afterKey && [
    sql.add(afterKey[0], "float8"),
    sql.add(afterKey[1], "real"),
    sql.add(afterKey[2], "text"),
    sql.add(afterKey[3], "uuid"),
  ];
  const after = afterValues && `(${afterValues.join(", ")})`;
  const keyset = after ? `(sort_distance, sort_rank, title_key, id) > ${after}` : "true";
  const limit = sql.literal(first + 1, "int");
  const conditions = (extra: string[]) =>
    [...source.matches, ...source.filterTests.map((f) => f.test), ...extra].join(" AND ");
  const columns = (rank: string) =>
    `o.id, ${source.distance} AS distance_km, coalesce(${source.distance}, 0) AS sort_distance,
     (${rank})::real AS sort_rank, lower(o.title) AS title_key`;
  const ordered = (rows: string) =>
    `SELECT * FROM (${rows}) b WHERE ${keyset}
      ORDER BY sort_distance, sort_rank, title_key, id LIMIT ${limit}`;
  const branch = (rank: string, extra: string[], rows = source.from) =>
    `(${ordered(`SELECT ${columns(rank)} FROM ${rows} WHERE ${conditions(extra)}`)})`;
  // Text matches in the description alone, in title order. Walking the title index until a
  // page is full is quick when they are common and hopeless when they are rare, and the
  // planner cannot tell the two apart: a word is estimated as a whole, not for the offerings
  // that have it only in the description (at a million offerings a word in 2 000 titles walked
  // the whole index for its one description-only match: 6.7 s). So the matches are first read
  // through the text index, up to `fewMatches`: when that is all of them they are sorted;
  // otherwise they are common enough for the walk along the title index (at most about
  // 20 000 entries for a page at a million offerings). Only one of the two branches returns rows.
  const pageCtes: string[] = [];
  const titleOrdered = (extra: string[]) => {
    const few = sql.literal(fewMatches, "int");
    pageCtes.push(`
      few AS MATERIALIZED (
        SELECT o.id, lower(o.title) AS title_key FROM ${source.from}
         WHERE ${conditions(extra)} LIMIT ${few} + 1
      )`);
    return [
      `(${ordered(`
        SELECT id, ${source.distance} AS distance_km, coalesce(${source.distance}, 0) AS sort_distance,
               (0)::real AS sort_rank, title_key
          FROM few WHERE (SELECT count(*) FROM few) <= ${few}`)})`,
      branch("0", [...extra, `(SELECT count(*) FROM few) > ${few}`]),
    ];
  };
  const rank = query ? `-ts_rank_cd(o.search_vector, ${query})` : "0";
  let branches: string[];
  if (postcode) {
    // Reading every candidate to sort them cost the most where few pass: text + near + 3
    // filters read 2 243 offerings by key for the 101 that passed (19 of its 24 ms). So the
    // candidates are read in bands of distance, each of twice as many as the one before, from
    // the cursor's distance outwards, until a band ends with a page of matches. Each band runs
    // to the distance of its last candidate and takes every candidate at that distance along:
    // all that is left is farther away, so the page is the same as over all candidates.
    pageCtes.push(`
      ordered AS MATERIALIZED (
        SELECT id, distance_km, coalesce(distance_km, 0) AS sort_distance,
               row_number() OVER (ORDER BY coalesce(distance_km, 0)) AS n
          FROM candidates
         ${afterValues ? `WHERE coalesce(distance_km, 0) >= ${afterValues[0]}` : ""}
      ),
      walk (target, reached, found, ids, distances) AS (
        SELECT 2 * ${limit}::bigint, '-Infinity'::float8, 0::bigint, '{}'::uuid[], '{}'::float8[]
        UNION ALL
        SELECT w.target * 2, band_end.reached, w.found + cardinality(band.ids), band.ids, band.distances
          FROM walk w
         CROSS JOIN LATERAL (
           SELECT coalesce((SELECT sort_distance FROM ordered WHERE n = w.target), 'Infinity') AS reached
         ) band_end
         CROSS JOIN LATERAL (
           SELECT coalesce(array_agg(o.id), '{}') AS ids,
                  coalesce(array_agg(c.distance_km), '{}') AS distances
             FROM ordered c JOIN offering o ON o.id = c.id
            WHERE c.sort_distance > w.reached AND c.sort_distance <= band_end.reached
              AND ${conditions(after ? [`(c.sort_distance, (${rank})::real, lower(o.title), o.id) > ${after}`] : [])}
         ) band
         WHERE w.found < ${limit} AND w.reached < 'Infinity'
      )`);
    branches = [
      branch(
        rank,
        [],
        "(SELECT band.* FROM walk, unnest(ids, distances) AS band (id, distance_km)) c JOIN offering o ON o.id = c.id",
      ),
    ];
  } else if (text) {
    const anyWord = sql.literal(text.any, "tsquery");
    // The headline matches come from their own small index; OFFSET 0 keeps the planner from
    // intersecting them with the full-text index's much longer list of matches.
    branches = [
      branch(rank, [], `(SELECT * FROM offering WHERE headline_vector @@ ${anyWord} OFFSET 0) o`),
      ...titleOrdered([`NOT (o.headline_vector @@ ${anyWord})`]),
    ];
  } else {
    // Filters alone: the planner's estimates for the taxonomy arrays are good enough to choose
    // between the walk along the title index and sorting the matches itself.
    branches = [branch("0", [])];
  }
  const pageStatement = `${source.ctes.length + pageCtes.length ? `WITH ${postcode ? "RECURSIVE " : ""}${[...source.ctes, ...pageCtes].join(",")}` : ""}
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
                'id', p.id, 'distanceKm', p.distance_km,
                'key', json_build_array(p.sort_distance, p.sort_rank, p.title_key, p.id),
                'offering', ${entityJsonSql(db, Offering, "po", shown.offering ?? undefined)},
                'organization', ${entityJsonSql(db, Organization, "porg", shown.organization ?? undefined)})
              ORDER BY p.sort_distance, p.sort_rank, p.title_key, p.id), '[]'::json)
         FROM (SELECT * FROM (${branches.join(" UNION ALL ")}) u
                ORDER BY sort_distance, sort_rank, title_key, id LIMIT ${limit}) p
         JOIN offering po ON po.id = p.id
         JOIN organization porg ON porg.id = po.organization_id) AS page,
      (SELECT counts FROM search_count_cache
        WHERE key = ${key} AND version = change_count('offering_catalog')) AS counts,
      ${postcode ? "EXISTS (SELECT FROM area)" : "true"} AS "areaFound",
      change_count('offering_catalog')::text AS "catalogVersion"`;
  // Planning was up to half of the statement's time. The words, filters and page size are
  // written in, so each search keeps a plan of its own on a connection: a text's best plan
  // depends on how common its words are. The postcode and distance stay parameters: `near`'s
  // plan starts from the circle whatever their values, so one plan serves every postcode.
  const [found] = (await queryPreparedRecent(db, pageStatement, sql.values)) as [
    Omit<FoundPage, "countMatches">,
  ];
  return {
    ...found,
    countMatches: (facets) =>
      countMatches(db, sql.values.slice(0, countParameters), source, countsKey, facets),
  };
}

/** Which offerings match: the statements' CTEs, their source rows and their conditions. */
interface MatchSource {
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
function matchSource(
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

interface PageRow {
  id: string;
  distanceKm: number | null;
  key: SortKey;
  /** Column values in the order of the page's columns (`entityJsonSql`). */
  offering: unknown[];
  organization: unknown[];
}

/** A search's total and its facets as the API gives them: what search_count_cache keeps. */
interface SearchCounts {
  total: number;
  facets: Facet[];
}

/**
 * Part of every counts key: a change to what search_count_cache keeps changes this, so rows
 * kept in an older form are never read (they expire within a day).
 */
const countsFormat = "facets-v2";

/**
 * The total and the disjunctive facet counts of a search: each facet counts its values over
 * the matches that pass every other filter, in one grouped pass over the unnested column per
 * facet. `facets` labels and orders them, and they are kept finished (a search counted before
 * costs no work on its facets: labelling and sorting 350 gemeenten took a millisecond) with
 * the catalogue version read in the counting snapshot, so counts that a concurrent change made
 * stale are never found again.
 */
async function countMatches(
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
async function facetsWithLabels(
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

function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(cursor: string): SortKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = null;
  }
  if (
    !Array.isArray(key) ||
    key.length !== 4 ||
    typeof key[0] !== "number" ||
    typeof key[1] !== "number" ||
    typeof key[2] !== "string" ||
    typeof key[3] !== "string" ||
    !isUuid(key[3])
  ) {
    throw new UserInputError(
      "Deze pagina van de zoekresultaten bestaat niet meer. Zoek opnieuw.",
      "after",
    );
  }
  return key as SortKey;
}
