import { describe, expect, it } from "vitest";
import { groupNearbyPlaces, markerSpacingPx } from "./groups";
import type { MapPlace } from "./places";

const place = (id: string, x: number, y: number): MapPlace => ({
  id,
  latitude: y,
  longitude: x,
  title: id,
  offerings: [{ id: `o-${id}`, title: `Aanbod ${id}` }],
});
// In these tests a place's longitude and latitude are its screen position.
const screen = (p: MapPlace) => ({ x: p.longitude, y: p.latitude });

describe("grouping the places that would overlap on the map", () => {
  it("keeps places apart that are far enough from each other", () => {
    const groups = groupNearbyPlaces([place("a", 0, 0), place("b", markerSpacingPx, 0)], screen);
    expect(groups.map((g) => g.places.map((p) => p.id))).toEqual([["a"], ["b"]]);
  });

  it("puts places that would overlap under one marker, at the first place", () => {
    const groups = groupNearbyPlaces(
      [place("a", 0, 0), place("b", 10, 10), place("c", 100, 0), place("d", 5, 0)],
      screen,
    );
    expect(groups.map((g) => g.places.map((p) => p.id))).toEqual([["a", "b", "d"], ["c"]]);
    expect(groups[0]).toMatchObject({ id: "a", latitude: 0, longitude: 0 });
  });

  it("leaves no two markers closer than the spacing", () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      place(`p${i}`, (i * 37) % 200, (i * 53) % 150),
    );
    const groups = groupNearbyPlaces(many, screen);
    for (const a of groups) {
      for (const b of groups) {
        if (a === b) continue;
        expect(
          Math.hypot(a.longitude - b.longitude, a.latitude - b.latitude),
        ).toBeGreaterThanOrEqual(markerSpacingPx);
      }
    }
    expect(groups.flatMap((g) => g.places)).toHaveLength(60);
  });
});
