import type { MapPlace } from "./places";

/** Markers whose centres are closer than this (in screen pixels) become one marker. */
export const markerSpacingPx = 34;

export interface PlaceGroup {
  /** The first place's id: stable while the group keeps its first place. */
  id: string;
  latitude: number;
  longitude: number;
  places: MapPlace[];
}

/**
 * Places that would overlap on screen at the current zoom, as one marker each: every marker
 * keeps a 28 px target with room around it (WCAG 2.2's target size), and none hides another.
 * Greedy: a place joins the first group whose marker is within the spacing of its own point.
 */
export function groupNearbyPlaces(
  places: MapPlace[],
  toScreen: (place: MapPlace) => { x: number; y: number },
): PlaceGroup[] {
  const groups: Array<PlaceGroup & { at: { x: number; y: number } }> = [];
  for (const place of places) {
    const at = toScreen(place);
    const near = groups.find(
      (group) => Math.hypot(group.at.x - at.x, group.at.y - at.y) < markerSpacingPx,
    );
    if (near) near.places.push(place);
    else
      groups.push({
        id: place.id,
        latitude: place.latitude,
        longitude: place.longitude,
        places: [place],
        at,
      });
  }
  return groups.map(({ at: _at, ...group }) => group);
}
