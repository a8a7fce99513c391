import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { query } from "../support/api.js";
import {
  buildLocation,
  buildOffering,
  buildOrganization,
  uniqueWord,
} from "../support/factories.js";
import { dutchPage, expectAccessible, useBrowser } from "../support/browser.js";
import { type Instance, startInstance } from "../support/instance.js";

const browser = useBrowser();

/** A page that records what the content security policy blocks. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await dutchPage(browser());
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return { page, violations };
}

/** As on the test machine without internet, and faster: every PDOK tile request fails. */
async function failPdokTiles(page: Page): Promise<string[]> {
  const requested: string[] = [];
  await page.route("https://service.pdok.nl/**", async (route) => {
    requested.push(route.request().url());
    await route.abort("internetdisconnected");
  });
  return requested;
}

const markers = (page: Page) => page.locator(".leaflet-marker-icon");
/** The places on the map: a marker stands for one place, or says "3 plekken: …". */
async function placesOnMap(page: Page): Promise<number> {
  const titles = await markerTitles(page);
  return titles.reduce((sum, title) => sum + Number(/^(\d+) plekken: /.exec(title)?.[1] ?? 1), 0);
}
const markerTitles = (page: Page) =>
  markers(page).evaluateAll((icons) => icons.map((icon) => icon.getAttribute("title") ?? ""));
/** The map has zoomed to its content and regrouped its markers: they stay as they are. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const before = JSON.stringify(await markerTitles(page));
      await page.waitForTimeout(300);
      return before === JSON.stringify(await markerTitles(page));
    })
    .toBe(true);
}
const outline = (page: Page) => page.locator("path.kk-map-region");

describe("the map beside the sociale kaart", () => {
  it("shows the results' locations and the region without tiles, and links to each offering", async () => {
    const { page, violations } = await watchedPage();
    const tileRequests = await failPdokTiles(page);
    // Offerings of its own, so tests that add offerings at the same time change nothing here.
    const word = uniqueWord();
    const organizationId = await buildOrganization({ name: `Budgetwinkel ${word}` });
    const spots = [
      [51.98, 5.91, "Arnhem"],
      [51.99, 5.93, "Arnhem"],
      [51.96, 5.97, "Arnhem"],
      [51.97, 5.81, "Oosterbeek"],
    ] as const;
    const locationIds = new Set<string>();
    for (const [index, [latitude, longitude, city]] of spots.entries()) {
      locationIds.add(
        await buildLocation(organizationId, {
          name: `Spreekuur ${index + 1}`,
          street: `Kerkstraat ${index + 1}`,
          city,
          latitude,
          longitude,
        }),
      );
    }
    const ids = [...locationIds];
    const offerings = {
      edges: await Promise.all(
        [ids.slice(0, 2), ids.slice(1, 4)].map(async (locations, index) => ({
          node: await buildOffering({
            organizationId,
            title: `Budgetspreekuur ${index + 1} ${word}`,
            locationIds: locations,
          }),
        })),
      ),
    };

    await page.goto(`${inject("baseUrl")}/?q=${word}`);
    const map = page.getByRole("region", { name: "Kaart met de locaties van de resultaten" });
    await map.waitFor();
    // Every location is on the map; places that would overlap share a marker.
    await expect.poll(() => placesOnMap(page)).toBe(locationIds.size);
    // At least the demo region's (other tests add regions of their own to the same database).
    await expect.poll(() => outline(page).count()).toBeGreaterThanOrEqual(1);
    expect(await outline(page).first().isVisible()).toBe(true);
    // The default tiles were asked for, and their failing left the markers standing.
    await expect.poll(() => tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests[0]).toMatch(
      /^https:\/\/service\.pdok\.nl\/brt\/achtergrondkaart\/wmts\/v2_0\/standaard\/EPSG:3857\/\d+\/\d+\/\d+\.png$/,
    );
    // The list with distances does not depend on the map.
    expect(await page.getByRole("article").count()).toBe(offerings.edges.length);

    // A keyboard user reaches a marker, opens it and follows the link to the offering.
    await settled(page);
    const first = markers(page).first();
    const title = await first.getAttribute("title");
    expect(title).toMatch(/, /);
    await first.focus();
    await page.keyboard.press("Enter");
    const popup = page.locator(".leaflet-popup");
    await popup.waitFor();
    for (const place of title!.replace(/^\d+ plekken: /, "").split("; ")) {
      await expect.poll(() => popup.textContent()).toContain(place);
    }
    // Leaflet fades a popup in: axe measured a half-transparent link's contrast on a busy machine.
    await expect.poll(() => popup.evaluate((el) => getComputedStyle(el).opacity)).toBe("1");
    await expectAccessible(page);
    const link = popup.getByRole("link").first();
    const offeringTitle = (await link.textContent())!.trim();
    await link.click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe(offeringTitle);
    expect(violations).toEqual([]);
  });

  it("shows an offering's locations and the region on the offering page", async () => {
    const { page, violations } = await watchedPage();
    await failPdokTiles(page);
    const { offerings } = await query<{
      offerings: {
        edges: Array<{ node: { id: string; title: string; locations: Array<{ id: string }> } }>;
      };
    }>(`{ offerings(first: 50) { edges { node { id title locations { id } } } } }`);
    const offering = offerings.edges
      .map((edge) => edge.node)
      .find((node) => node.locations.length > 0)!;

    await page.goto(`${inject("baseUrl")}/aanbod/${offering.id}`);
    await page
      .getByRole("region", { name: `Kaart met de locaties van ${offering.title}` })
      .waitFor();
    await expect.poll(() => placesOnMap(page)).toBe(offering.locations.length);
    // At least the demo region's (other tests add regions of their own to the same database).
    await expect.poll(() => outline(page).count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page);
    expect(violations).toEqual([]);
  });
});

describe("a map with its tiles from the configured tile server", () => {
  let tileServer: Server;
  let tileOrigin: string;
  const tilePaths: string[] = [];
  let instance: Instance;

  beforeAll(async () => {
    // A 1×1 grey PNG for every tile: enough to see that the browser loads what we serve.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGM4AwAAzgDN1GaQsAAAAABJRU5ErkJggg==",
      "base64",
    );
    tileServer = createServer((request, response) => {
      tilePaths.push(request.url ?? "");
      response.writeHead(200, { "content-type": "image/png" }).end(png);
    });
    await new Promise<void>((resolve) => tileServer.listen(0, "127.0.0.1", resolve));
    tileOrigin = `http://127.0.0.1:${(tileServer.address() as AddressInfo).port}`;
    instance = await startInstance({
      MAP_TILE_URL: `${tileOrigin}/tegels/{z}/{x}/{y}.png`,
      MAP_ATTRIBUTION: "Tegels van de testserver",
    });
  });

  afterAll(async () => {
    await instance?.stop();
    await new Promise((resolve) => tileServer?.close(resolve));
  });

  it("loads the tiles from there, allowed by the content security policy", async () => {
    const { page, violations } = await watchedPage();
    const response = await page.goto(`${instance.baseUrl}/?q=budget`);
    expect(response?.headers()["content-security-policy"]).toContain(
      `img-src 'self' data: ${tileOrigin};`,
    );
    await page.getByRole("region", { name: "Kaart met de locaties van de resultaten" }).waitFor();
    await expect.poll(() => page.locator("img.leaflet-tile-loaded").count()).toBeGreaterThan(0);
    expect(tilePaths.length).toBeGreaterThan(0);
    expect(tilePaths.every((path) => /^\/tegels\/\d+\/\d+\/\d+\.png$/.test(path))).toBe(true);
    expect(await page.locator(".leaflet-control-attribution").textContent()).toContain(
      "Tegels van de testserver",
    );
    expect(violations).toEqual([]);
  });
});
