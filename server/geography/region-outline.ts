import { Field, Float, ObjectType } from "type-graphql";
import type { Queryable } from "../db/queryable.js";

@ObjectType({ description: "Een punt op de kaart (WGS84)" })
export class GeoPoint {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}

/**
 * How far the outline lies beyond the outermost PC4 centre points: a PC4 area reaches a
 * kilometre or two past its centre, so the bare hull would cut through the edge areas.
 */
const paddingKm = 1.5;
const kmPerDegreeLatitude = 111.32;

/**
 * The outline of each region, approximated: the convex hull of its PC4 centre points, widened
 * by `paddingKm` with rounded corners. No official boundaries are available offline; the hull
 * is good enough to show where a region lies, not to decide whether an address is inside it.
 */
export async function regionOutlines(
  db: Queryable,
  regionIds: readonly string[],
): Promise<Map<string, GeoPoint[]>> {
  const rows = (await db.query(
    `SELECT g.region_id, p.latitude, p.longitude
       FROM postcode_area p JOIN gemeente g ON g.code = p.gemeente_code
      WHERE g.region_id = ANY ($1::uuid[])`,
    [regionIds],
  )) as Array<{ region_id: string; latitude: number; longitude: number }>;
  const pointsByRegion = new Map<string, GeoPoint[]>();
  for (const { region_id, latitude, longitude } of rows) {
    const points = pointsByRegion.get(region_id) ?? [];
    points.push({ latitude, longitude });
    pointsByRegion.set(region_id, points);
  }
  return new Map(regionIds.map((id) => [id, paddedHull(pointsByRegion.get(id) ?? [])]));
}

/** The convex hull of the points, each vertex first widened to a small circle of `paddingKm`. */
export function paddedHull(points: GeoPoint[]): GeoPoint[] {
  if (points.length === 0) return [];
  const steps = 12;
  const widened = convexHull(points).flatMap((point) => {
    const kmPerDegreeLongitude = kmPerDegreeLatitude * Math.cos((point.latitude * Math.PI) / 180);
    return Array.from({ length: steps }, (_, step) => {
      const angle = (2 * Math.PI * step) / steps;
      return {
        latitude: round(point.latitude + (paddingKm * Math.sin(angle)) / kmPerDegreeLatitude),
        longitude: round(point.longitude + (paddingKm * Math.cos(angle)) / kmPerDegreeLongitude),
      };
    });
  });
  return convexHull(widened);
}

/**
 * Andrew's monotone chain, counter-clockwise, without repeating the first point. Degrees are
 * treated as plane coordinates: at the scale of a region that changes no vertex.
 */
export function convexHull(points: GeoPoint[]): GeoPoint[] {
  const sorted = [...points].sort((a, b) => a.longitude - b.longitude || a.latitude - b.latitude);
  const unique = sorted.filter(
    (p, i) =>
      i === 0 || p.longitude !== sorted[i - 1]!.longitude || p.latitude !== sorted[i - 1]!.latitude,
  );
  if (unique.length < 3) return unique;
  const cross = (o: GeoPoint, a: GeoPoint, b: GeoPoint) =>
    (a.longitude - o.longitude) * (b.latitude - o.latitude) -
    (a.latitude - o.latitude) * (b.longitude - o.longitude);
  const chain = (ordered: GeoPoint[]) => {
    const result: GeoPoint[] = [];
    for (const point of ordered) {
      while (result.length >= 2 && cross(result.at(-2)!, result.at(-1)!, point) <= 0) result.pop();
      result.push(point);
    }
    result.pop();
    return result;
  };
  return [...chain(unique), ...chain([...unique].reverse())];
}

// Six decimals is about 10 cm: enough for a map, and a stable answer.
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
