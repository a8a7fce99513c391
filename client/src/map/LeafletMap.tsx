import "leaflet/dist/leaflet.css";
import "./map.css";
import { useQuery } from "@apollo/client/react";
import { divIcon, latLngBounds, type LatLngTuple } from "leaflet";
import { useEffect, useState } from "react";
import {
  MapContainer,
  Marker,
  Polygon,
  Popup,
  TileLayer,
  useMap,
  useMapEvents,
} from "react-leaflet";
import { Link } from "react-router";
import { graphql } from "../gql";
import { groupNearbyPlaces } from "./groups";
import type { MapPlace, PlacesMapProps } from "./places";

const MapBackgroundQuery = graphql(`
  query MapBackground {
    mapSettings {
      tileUrl
      attribution
    }
    regions {
      id
      name
      outline {
        latitude
        longitude
      }
    }
  }
`);

// A plain div styled in map.css: Leaflet's default marker image needs path tricks with Vite,
// and a div takes a focus ring.
const markerIcon = divIcon({
  className: "kk-map-marker",
  iconSize: [28, 28],
  iconAnchor: [14, 14],
  popupAnchor: [0, -14],
});

// The Netherlands, for a map with nothing on it yet.
const netherlands = latLngBounds([50.75, 3.35], [53.55, 7.25]);

export function LeafletMap({ label, places, skipTo }: PlacesMapProps) {
  const { data } = useQuery(MapBackgroundQuery);
  const outlines = (data?.regions ?? []).filter((region) => region.outline.length > 2);

  return (
    <div className="kk-map">
      <a className="kk-map-skip utrecht-link" href={`#${skipTo}`}>
        Kaart overslaan
      </a>
      <MapContainer className="kk-map-canvas" bounds={netherlands} scrollWheelZoom={false}>
        <MapLabel label={label} />
        {data ? (
          <TileLayer
            url={data.mapSettings.tileUrl}
            attribution={escapeHtml(data.mapSettings.attribution)}
          />
        ) : null}
        {outlines.map((region) => (
          <Polygon
            key={region.id}
            positions={region.outline.map((point): LatLngTuple => [
              point.latitude,
              point.longitude,
            ])}
            className="kk-map-region"
            interactive={false}
            pathOptions={{ weight: 2, fillOpacity: 0.04 }}
          />
        ))}
        <PlaceMarkers places={places} />
        <FitToContent
          points={
            places.length > 0
              ? places.map((place): LatLngTuple => [place.latitude, place.longitude])
              : outlines.flatMap((region) =>
                  region.outline.map((point): LatLngTuple => [point.latitude, point.longitude]),
                )
          }
        />
      </MapContainer>
    </div>
  );
}

/**
 * One marker per group of places that would overlap at the current zoom (regrouped after every
 * zoom), so each marker is a full-size target that no other marker covers.
 */
function PlaceMarkers({ places }: { places: MapPlace[] }) {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const groups = groupNearbyPlaces(places, (place) =>
    map.project([place.latitude, place.longitude], zoom),
  );
  return groups.map((group) => (
    <Marker
      // A new marker when the group changes: Leaflet does not update a marker's title.
      key={group.places.map((place) => place.id).join()}
      position={[group.latitude, group.longitude]}
      icon={markerIcon}
      title={
        group.places.length === 1
          ? group.places[0]!.title
          : `${group.places.length} plekken: ${group.places.map((place) => place.title).join("; ")}`
      }
    >
      <Popup>
        {group.places.map((place) => (
          <div key={place.id}>
            <p className="kk-map-popup-title">{place.title}</p>
            <ul className="kk-map-popup-list">
              {place.offerings.map((offering) => (
                <li key={offering.id}>
                  <Link className="utrecht-link" to={`/aanbod/${offering.id}`}>
                    {offering.title}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Popup>
    </Marker>
  ));
}

/** Leaflet's container is focusable (arrow keys pan): give it a role and a name. */
function MapLabel({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", label);
  }, [map, label]);
  return null;
}

/** Shows every marker (or else the regions) whenever they change, not only the first time. */
function FitToContent({ points }: { points: LatLngTuple[] }) {
  const map = useMap();
  const key = JSON.stringify(points);
  useEffect(() => {
    const bounds = points.length > 0 ? latLngBounds(points) : netherlands;
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
    // The key stands for the points' values: a new array of the same points changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key]);
  return null;
}

// Leaflet puts attributions in as HTML; the configured text is text.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
