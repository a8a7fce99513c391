import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import type { Loaders } from "../request/loaders.js";
import { UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { unknownPostcode } from "../geography/geography.service.js";
import { parsePostcode } from "../geography/postcode.js";
import type { OfferingSearchInput } from "./offering-search.inputs.js";
import type { Facet, OfferingConnection } from "./offering-search.types.js";
import { entityFromJson, entityJsonSql } from "../db/entity-rows.js";
import { type ReadInCatalogVersion, searchWords, withTextQuery } from "./offering-search-text.js";
import { queryPreparedRecent } from "../db/prepared-statement.js";
import { Organization } from "../organization/organization.entity.js";
import { Offering } from "./offering.entity.js";
import {
  SqlParameters,
  facetDefinitions,
  matchSource,
  type SearchConditions,
} from "./offering-search.match.js";
import {
  countMatches,
  countsFormat,
  facetsWithLabels,
  type FacetCount,
  type SearchCounts,
} from "./offering-search.counts.js";

const fewMatches = 1000;

/** Where a page ends: the sort key of its last row. Rows after it sort strictly after it. */
type SortKey = [distance: number, negativeRank: number, titleKey: string, id: string];

/** `label` only for gemeenten, whose names come from the data (the rest from the taxonomy). */
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
interface PageRow {
  id: string;
  distanceKm: number | null;
  key: SortKey;
  /** Column values in the order of the page's columns (`entityJsonSql`). */
  offering: unknown[];
  organization: unknown[];
}

/** A search's total and its facets as the API gives them: what search_count_cache keeps. */
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
