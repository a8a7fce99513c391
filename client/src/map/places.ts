/** A map of places beside a list. */
export interface PlacesMapProps {
  /** The accessible name of the map, e.g. "Kaart van de resultaten". */
  label: string;
  places: MapPlace[];
  /** The id of what comes after the map, for the link that lets keyboard users skip it. */
  skipTo: string;
}

/** A spot on the map: one location, with every offering (of the list shown) given there. */
export interface MapPlace {
  id: string;
  latitude: number;
  longitude: number;
  /** The marker's title: the location's name and address. */
  title: string;
  offerings: Array<{ id: string; title: string }>;
}

interface LocatedOffering {
  id: string;
  title: string;
  locations: Array<{
    id: string;
    name?: string | null;
    street: string;
    city: string;
    latitude: number;
    longitude: number;
  }>;
}

/**
 * One place per location rather than per offering: offerings of one organisation often share
 * a building, and markers on top of each other could not be told apart or reached.
 */
export function placesOf(offerings: LocatedOffering[]): MapPlace[] {
  const places = new Map<string, MapPlace>();
  for (const offering of offerings) {
    for (const location of offering.locations) {
      const place = places.get(location.id) ?? {
        id: location.id,
        latitude: location.latitude,
        longitude: location.longitude,
        title: [location.name, `${location.street}, ${location.city}`].filter(Boolean).join(": "),
        offerings: [],
      };
      place.offerings.push({ id: offering.id, title: offering.title });
      places.set(location.id, place);
    }
  }
  return [...places.values()];
}
