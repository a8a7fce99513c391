import type { DataSource } from "typeorm";
import type { Loaders } from "../common/loaders.js";
import { UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { findPostcodeArea } from "../geography/geography.service.js";
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
import type { Offering } from "./offering.entity.js";

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

/** Where a page ends: the sort key of its last row. Rows after it sort strictly after it. */
type SortKey = [distance: number, negativeRank: number, titleKey: string, id: string];

interface SearchRow {
  total: number;
  page: Array<{ id: string; distanceKm: number | null; key: SortKey }>;
  facetCounts: FacetCount[];
}

type FacetCount = { field: string; value: string; count: number };

export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/**
 * The sociale kaart search: results, total and disjunctive facet counts in one statement and
 * one round trip. Matching uses the GIN index on the Dutch search vector, typo alternatives
 * come from the trigram index on the word list, `near` prunes locations with the earth_box
 * index before computing exact distances.
 */
export async function searchOfferings(
  db: DataSource,
  loaders: Loaders,
  search: OfferingSearchInput,
  first: number,
  after: string | undefined,
): Promise<OfferingConnection> {
  const sql = new SqlParameters();
  const ctes: string[] = [];
  const conditions = ["o.status = 'ACTIVE'"];
  let distanceExpression = "NULL::float8";
  let rankExpression = "0::real";
  const joins: string[] = [];

  const textQuery = await buildTextQuery(db, search.text ?? "");
  if (textQuery) {
    // A parameter rather than a subquery, so the planner sees the words and can choose the
    // GIN index for rare ones and a scan only for very common ones.
    const query = sql.add(textQuery, "tsquery");
    conditions.push(`o.search_vector @@ ${query}`);
    rankExpression = `ts_rank_cd(o.search_vector, ${query})`;
  }

  if (search.maxDistanceKm !== undefined && search.maxDistanceKm !== null && !search.near) {
    throw new UserInputError(
      "Een maximale afstand ('maxDistanceKm') werkt alleen samen met een postcode ('near').",
      "maxDistanceKm",
    );
  }
  if (search.near) {
    const area = await findPostcodeArea(db, search.near, "near");
    const latitude = sql.add(area.latitude, "float8");
    const longitude = sql.add(area.longitude, "float8");
    const maxDistance = search.maxDistanceKm ?? null;
    // earth_box works on earthdistance's slightly larger sphere: widen it a little, then
    // filter on the exact distance.
    const boxCondition =
      maxDistance === null
        ? ""
        : `WHERE earth_box(ll_to_earth(${latitude}, ${longitude}), ${sql.add(maxDistance * 1010 + 100, "float8")})
                 @> ll_to_earth(l.latitude, l.longitude)`;
    ctes.push(`
      nearest AS (
        SELECT link.offering_id, min(ketenkaart_distance_km(${latitude}, ${longitude}, l.latitude, l.longitude)) AS distance_km
          FROM offering_location link JOIN location l ON l.id = link.location_id
          ${boxCondition}
         GROUP BY link.offering_id
      )`);
    joins.push("LEFT JOIN nearest ON nearest.offering_id = o.id");
    distanceExpression = "nearest.distance_km";
    // Offerings at a place match by distance; offerings without a place (home visits, phone)
    // match when they serve the postcode's gemeente.
    conditions.push(`(
      (nearest.distance_km IS NOT NULL ${maxDistance === null ? "" : `AND nearest.distance_km <= ${sql.add(maxDistance, "float8")}`})
      OR (${sql.add(area.gemeenteCode, "text")} = ANY (o.gemeente_codes)
          AND NOT EXISTS (SELECT 1 FROM offering_location x WHERE x.offering_id = o.id)))`);
  }

  if (search.withCapacityOnly) conditions.push("o.capacity_available > 0");

  // One flag per active filter; a facet's counts use every flag but its own.
  const flags = facetDefinitions.flatMap((facet) => {
    const selected = facet.selected(search);
    if (!selected || selected.length === 0) return [];
    const values = sql.add(selected, "text[]");
    const test = facet.isArray
      ? `${facet.column} && ${values}`
      : `${facet.column} = ANY (${values})`;
    return [{ field: facet.field, expression: `(${test}) AS "f_${facet.field}"` }];
  });
  const allFlags = (except?: string) =>
    ["true", ...flags.filter((f) => f.field !== except).map((f) => `"f_${f.field}"`)].join(" AND ");

  const afterKey = after === undefined || after === null ? null : decodeCursor(after);
  const keyset = afterKey
    ? `AND (sort_distance, sort_rank, title_key, id) > (${sql.add(afterKey[0], "float8")}, ${sql.add(afterKey[1], "real")}, ${sql.add(afterKey[2], "text")}, ${sql.add(afterKey[3], "uuid")})`
    : "";
  const limit = sql.add(first + 1, "int");

  // Each facet counts its values over the matches that pass every other filter: one grouped
  // pass over the unnested column per facet. (A count(*) FILTER per value, 62 of them, cost
  // four times as much on thousands of matches.) Array values are de-duplicated per row.
  const facetCounts = facetDefinitions.map((facet) => {
    const value = facet.isArray ? "u.v" : facet.column;
    const from = facet.isArray
      ? `matched CROSS JOIN LATERAL (SELECT DISTINCT v FROM unnest(${facet.column}) AS v) u`
      : "matched";
    return `SELECT '${facet.field}' AS field, ${value} AS value, count(*)::int AS count
              FROM ${from} WHERE ${allFlags(facet.field)} AND ${value} IS NOT NULL GROUP BY ${value}`;
  });

  const statement = `
    WITH ${[
      ...ctes,
      `
      matched AS MATERIALIZED (
        SELECT o.id, o.module, o.phases, o.palette_level, o.life_domains, o.target_groups,
               o.channels, o.delivered_by, o.gemeente_codes,
               ${distanceExpression} AS distance_km,
               coalesce(${distanceExpression}, 0) AS sort_distance,
               -(${rankExpression}) AS sort_rank,
               lower(o.title) AS title_key
               ${flags.map((f) => `, ${f.expression}`).join("")}
          FROM offering o ${joins.join(" ")}
         WHERE ${conditions.join(" AND ")}
      )`,
      `
      page AS (
        SELECT id, distance_km, sort_distance, sort_rank, title_key FROM matched
         WHERE ${allFlags()} ${keyset}
         ORDER BY sort_distance, sort_rank, title_key, id
         LIMIT ${limit}
      )`,
    ].join(",")}
    SELECT
      (SELECT count(*)::int FROM matched WHERE ${allFlags()}) AS total,
      (SELECT coalesce(json_agg(json_build_object(
                'id', id, 'distanceKm', distance_km,
                'key', json_build_array(sort_distance, sort_rank, title_key, id))
              ORDER BY sort_distance, sort_rank, title_key, id), '[]'::json) FROM page) AS page,
      (SELECT coalesce(json_agg(f), '[]'::json) FROM (
         ${facetCounts.join("\n UNION ALL ")}) f) AS "facetCounts"`;

  const [row] = (await db.query(statement, sql.values)) as [SearchRow];
  const pageRows = row.page.slice(0, first);
  const nodes = await loaders.offeringById.loadMany(pageRows.map((r) => r.id));
  const edges = pageRows.flatMap((pageRow, index) => {
    const node = nodes[index];
    if (!node || node instanceof Error) return [];
    return [
      { cursor: encodeCursor(pageRow.key), distanceKm: pageRow.distanceKm, node: node as Offering },
    ];
  });

  return {
    edges,
    totalCount: row.total,
    pageInfo: {
      hasNextPage: row.page.length > first,
      endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null,
    },
    facets: await facetsWithLabels(loaders, search, row.facetCounts),
  };
}

/**
 * The Dutch tsquery for a search text, or null when it constrains nothing (no words, or only
 * stop words like "de" and "van"). Every word must match: as typed, as a prefix (Dutch
 * compounds: "schuld" finds "schuldhulpverlening") or, when it occurs in no offering, as one of
 * the closest words that do ("budgetbeher" finds "budgetbeheer"). Only letters and digits reach
 * the query, so no tsquery syntax can be injected.
 */
async function buildTextQuery(db: DataSource, text: string): Promise<string | null> {
  const words = (text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  if (words.length === 0) return null;
  const [{ query }] = (await db.query(
    `WITH terms AS (
       SELECT t.ord, n.word, (
         SELECT string_agg(s.word, ' | ')
           FROM (SELECT w.word FROM search_word w
                  WHERE length(n.word) >= 5 AND w.word % n.word
                    AND NOT EXISTS (SELECT 1 FROM search_word e WHERE e.word = n.word)
                  ORDER BY similarity(w.word, n.word) DESC, w.word
                  LIMIT 3) s
       ) AS alternatives
       FROM unnest($1::text[]) WITH ORDINALITY AS t(raw, ord)
       CROSS JOIN LATERAL (SELECT lower(unaccent(t.raw)) AS word) n
     )
     SELECT to_tsquery('ketenkaart_nl', string_agg(
              '(' || word || CASE WHEN length(word) >= 4 THEN ':*' ELSE '' END
                  || coalesce(' | ' || alternatives, '') || ')',
              ' & ' ORDER BY ord))::text AS query
       FROM terms`,
    [words],
  )) as [{ query: string }];
  return query === "" ? null : query;
}

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

  const gemeenteCodes = new Set([
    ...counted.filter((c) => c.field === "gemeenten").map((c) => c.value),
    ...(search.gemeenten ?? []),
  ]);
  const gemeenten = (await loaders.gemeenteByCode.loadMany([...gemeenteCodes])).flatMap((g) =>
    g && !(g instanceof Error) ? [g] : [],
  );
  const gemeenteLabels = Object.fromEntries(
    gemeenten.sort((a, b) => a.name.localeCompare(b.name, "nl")).map((g) => [g.code, g.name]),
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
      "Ongeldige cursor bij 'after': gebruik de endCursor van de vorige pagina.",
      "after",
    );
  }
  return key as SortKey;
}
