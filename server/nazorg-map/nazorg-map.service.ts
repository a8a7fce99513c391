import type { Viewer } from "../security/viewer.js";
import { NotFoundError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import type { Queryable } from "../db/queryable.js";
import type { Region } from "../geography/region.entity.js";
import type { OfferingSearchInput } from "../offering/offering-search.inputs.js";
import { staleBefore } from "../offering/offering-staleness.js";
import { PaletteLevel } from "../taxonomy/taxonomy.js";
import type { NazorgMapFilter } from "./nazorg-map.inputs.js";
import type { NazorgMap, NazorgMapCell, NazorgMapRow } from "./nazorg-map.types.js";
import { SqlParameters, facetDefinitions } from "../offering/offering-search.match.js";

/** The filters of the map are the search's own filters, so both select the same offerings. */
const mapFilterFields = ["targetGroups", "deliveredBy", "phases"];

interface CellRow {
  code: string;
  name: string;
  level: PaletteLevel;
  offeringCount: number;
  capacityAvailable: number;
  offeringsWithCapacity: number;
  notVerifiedCount: number;
}

/**
 * The region whose map to show: the one asked for, else the region of the viewer's own
 * organisation (where most of the gemeenten it serves lie), else the first region by name.
 */
export async function mapRegion(
  db: Queryable,
  viewer: Viewer,
  regionId: string | null | undefined,
): Promise<Region> {
  const rows = (await db.query(
    regionId
      ? "SELECT id, code, name FROM region WHERE id = $1"
      : `SELECT r.id, r.code, r.name FROM region r
          ORDER BY (SELECT count(*) FROM organization o CROSS JOIN unnest(o.gemeente_codes) AS c(code)
                      JOIN gemeente g ON g.code = c.code
                     WHERE o.id = $1 AND g.region_id = r.id) DESC, r.name
          LIMIT 1`,
    [regionId ? (isUuid(regionId) ? regionId : null) : viewer.organizationId],
  )) as Region[];
  const region = rows[0];
  if (!region) throw new NotFoundError("Deze regio bestaat niet.");
  return region;
}

/**
 * SQL conditions for active offerings on the palette that pass the map's filters, written with
 * the search's own filter definitions. Shared by the matrix and its CSV of offerings.
 */
export function mapOfferingConditions(filter: NazorgMapFilter, sql: SqlParameters): string[] {
  const conditions = ["o.status = 'ACTIVE'", "o.palette_level IS NOT NULL"];
  for (const facet of facetDefinitions.filter((f) => mapFilterFields.includes(f.field))) {
    const selected = facet.selected(filter as OfferingSearchInput);
    if (!selected || selected.length === 0) continue;
    conditions.push(`o.${facet.column} && ${sql.add(selected, "text[]")}`);
  }
  return conditions;
}

/**
 * The matrix of a region's gemeenten × palette levels in one statement. An offering counts in
 * every gemeente where it can be used: its `gemeente_codes`, which hold the gemeenten it covers
 * and those of its locations — the same definition the search filters gemeenten on.
 */
export async function nazorgMap(
  db: Queryable,
  viewer: Viewer,
  regionId: string | null | undefined,
  filter: NazorgMapFilter,
): Promise<NazorgMap> {
  const region = await mapRegion(db, viewer, regionId);
  const sql = new SqlParameters();
  const regionParameter = sql.add(region.id, "uuid");
  const levels = sql.add(Object.values(PaletteLevel), "text[]");
  const conditions = mapOfferingConditions(filter, sql);
  const stale = sql.add(staleBefore(), "timestamptz");
  const cells = (await db.query(
    `WITH gemeenten AS (SELECT code, name FROM gemeente WHERE region_id = ${regionParameter}),
     levels AS (SELECT level, ordinal FROM unnest(${levels}) WITH ORDINALITY AS l(level, ordinal)),
     served AS (
       SELECT o.id, o.palette_level, o.capacity_available, o.last_verified_at, served.code
         FROM offering o CROSS JOIN LATERAL unnest(o.gemeente_codes) AS served(code)
        WHERE ${conditions.join(" AND ")}
          AND served.code IN (SELECT code FROM gemeenten)
     )
     SELECT g.code, g.name, l.level,
            count(s.id)::int AS "offeringCount",
            coalesce(sum(s.capacity_available), 0)::int AS "capacityAvailable",
            count(s.capacity_available)::int AS "offeringsWithCapacity",
            count(s.id) FILTER (WHERE s.last_verified_at < ${stale})::int AS "notVerifiedCount"
       FROM gemeenten g CROSS JOIN levels l
       LEFT JOIN served s ON s.code = g.code AND s.palette_level = l.level
      GROUP BY g.code, g.name, l.level, l.ordinal
      ORDER BY g.name, g.code, l.ordinal`,
    sql.values,
  )) as CellRow[];

  const rows: NazorgMapRow[] = [];
  for (const cell of cells) {
    let row = rows[rows.length - 1];
    if (!row || row.gemeente.code !== cell.code) {
      row = {
        gemeente: { code: cell.code, name: cell.name, regionId: region.id },
        cells: [],
        gapCount: 0,
      };
      rows.push(row);
    }
    const mapCell: NazorgMapCell = {
      paletteLevel: cell.level,
      offeringCount: cell.offeringCount,
      capacityAvailable: cell.capacityAvailable,
      offeringsWithCapacity: cell.offeringsWithCapacity,
      notVerifiedCount: cell.notVerifiedCount,
      notVerifiedShare:
        cell.offeringCount === 0 ? null : cell.notVerifiedCount / cell.offeringCount,
      isGap: cell.offeringCount === 0,
    };
    row.cells.push(mapCell);
    if (mapCell.isGap) row.gapCount += 1;
  }
  return { region, rows };
}
