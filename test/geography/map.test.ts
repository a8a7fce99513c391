import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { tileImageSource } from "../../server/geography/map-tiles.js";
import { graphql, query } from "../support/api.js";

interface Point {
  latitude: number;
  longitude: number;
}

/** Ray casting: whether the point lies inside the polygon (degrees as plane coordinates). */
function inside(point: Point, polygon: Point[]): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (
      a.latitude > point.latitude !== b.latitude > point.latitude &&
      point.longitude <
        ((b.longitude - a.longitude) * (point.latitude - a.latitude)) / (b.latitude - a.latitude) +
          a.longitude
    ) {
      result = !result;
    }
  }
  return result;
}

const pdokTiles =
  "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";

describe("the map's background", () => {
  it("is PDOK's BRT achtergrondkaart unless configured, for anyone", async () => {
    const { mapSettings } = await query<{ mapSettings: { tileUrl: string; attribution: string } }>(
      `{ mapSettings { tileUrl attribution } }`,
    );
    expect(mapSettings.tileUrl).toBe(pdokTiles);
    expect(mapSettings.attribution).toMatch(/Kadaster.*PDOK/);
  });

  it("lets the browser load images from exactly the tile host", async () => {
    const result = await graphql(`
      {
        mapSettings {
          tileUrl
        }
      }
    `);
    const imageSources = /img-src ([^;]+)/.exec(
      result.headers.get("content-security-policy")!,
    )?.[1];
    expect(imageSources).toBe("'self' data: https://service.pdok.nl");
  });

  it("takes the tile URL and attribution from the environment, and refuses a wrong one", () => {
    const config = loadConfig({
      MAP_TILE_URL: "https://{s}.tiles.example.nl/grijs/{z}/{x}/{y}.png",
      MAP_ATTRIBUTION: "© Gemeente Arnhem",
    });
    expect(config.map).toEqual({
      tileUrl: "https://{s}.tiles.example.nl/grijs/{z}/{x}/{y}.png",
      attribution: "© Gemeente Arnhem",
    });
    expect(tileImageSource(config.map.tileUrl)).toBe("https://*.tiles.example.nl");
    expect(tileImageSource("http://127.0.0.1:8080/{z}/{x}/{y}.png")).toBe("http://127.0.0.1:8080");
    expect(() => loadConfig({ MAP_TILE_URL: "https://tiles.example.nl/kaart.png" })).toThrow(
      /MAP_TILE_URL/,
    );
    expect(() => loadConfig({ MAP_TILE_URL: "javascript:alert(1)//{z}{x}{y}" })).toThrow(
      /MAP_TILE_URL/,
    );
  });
});

describe("a region's outline", () => {
  it("encloses every PC4 area of the region with a margin, and not much more", async () => {
    const { regions } = await query<{
      regions: Array<{
        name: string;
        outline: Point[];
        gemeenten: Array<{ postcodeAreas: Point[] }>;
      }>;
    }>(`{ regions { name outline { latitude longitude }
                    gemeenten { postcodeAreas { latitude longitude } } } }`);
    const region = regions.find((r) => r.name.startsWith("Regio Centraal Gelderland"))!;
    const areas = region.gemeenten.flatMap((gemeente) => gemeente.postcodeAreas);
    expect(areas.length).toBeGreaterThan(50);
    expect(region.outline.length).toBeGreaterThan(8);
    for (const area of areas) expect(inside(area, region.outline), JSON.stringify(area)).toBe(true);
    // About a kilometre beyond the outermost areas (1 km ≈ 0.009° latitude, 0.015° longitude here).
    const outer = (values: number[]) => [Math.min(...values), Math.max(...values)];
    const [south, north] = outer(areas.map((a) => a.latitude));
    const [outlineSouth, outlineNorth] = outer(region.outline.map((p) => p.latitude));
    expect(south! - outlineSouth!).toBeGreaterThan(0.009);
    expect(outlineNorth! - north!).toBeLessThan(0.02);
    // A north–south line through Arnhem leaves the outline: it is no box around the country.
    expect(inside({ latitude: 52.3, longitude: 5.91 }, region.outline)).toBe(false);
  });
});
