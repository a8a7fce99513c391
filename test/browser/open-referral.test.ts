import { demoAccounts } from "../support/demo.js";
import { readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { dutchPage, expectAccessible, openPage, useBrowser } from "../support/browser.js";

// The region's administrator of the demo region (README).
const regionAdministrator = demoAccounts.regionalAdministrator;

const browser = useBrowser();

async function openReferralPage(email: string): Promise<Page> {
  const page = await dutchPage(browser(), { email });
  await openPage(page, "/open-referral");
  await page.getByRole("heading", { level: 1, name: "Open Referral (HSDS)" }).waitFor();
  return page;
}

describe("Open Referral (HSDS) in a browser", () => {
  it("the region's administrator downloads the kaart, reads it back in, and sees a refusal", async () => {
    const page = await openReferralPage(regionAdministrator);
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Download de sociale kaart/ }).click(),
    ]);
    const file = path.join(os.tmpdir(), `hsds-${Date.now()}.json`);
    await download.saveAs(file);
    const document = JSON.parse(await readFile(file, "utf8")) as { services: unknown[] };
    expect(document.services.length).toBeGreaterThanOrEqual(161);

    await page.getByLabel("HSDS-bestand (JSON)").setInputFiles(file);
    await page.getByRole("button", { name: "Inlezen" }).click();
    const result = page.getByRole("table", { name: "Resultaat van het inlezen" });
    await result.waitFor();
    expect(await result.getByRole("row", { name: /Aanbod/ }).textContent()).toMatch(
      /^Aanbod00\d+$/,
    );
    await expectAccessible(page);

    const broken = path.join(os.tmpdir(), `hsds-broken-${Date.now()}.json`);
    await writeFile(broken, JSON.stringify({ ...document, services: "geen lijst" }));
    await page.getByLabel("HSDS-bestand (JSON)").setInputFiles(broken);
    await page.getByRole("button", { name: "Inlezen" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("'services' moet een lijst zijn.");
    await expectAccessible(page);
    await Promise.all([rm(file), rm(broken)]);
  });

  it("shows the upload, then n van m verwerkt, then what the import did", async () => {
    const page = await openReferralPage(regionAdministrator);
    const response = await page.request.get(`${inject("baseUrl")}/open-referral/hsds.json`);
    const document = (await response.json()) as {
      organizations: Array<{ locations?: unknown[] }>;
      services: unknown[];
    };
    const total =
      document.organizations.length +
      document.organizations.reduce((sum, o) => sum + (o.locations ?? []).length, 0) +
      document.services.length;
    const file = path.join(os.tmpdir(), `hsds-progress-${Date.now()}.json`);
    await writeFile(file, JSON.stringify(document));

    // A slow line (200 kB/s up), so the upload takes a while, as from home over 4G.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 200 * 1024,
    });
    await page.getByLabel("HSDS-bestand (JSON)").setInputFiles(file);
    await page.getByRole("button", { name: "Inlezen" }).click();
    const status = page.locator(".kk-import-progress");
    await status.getByText(/^\d+%$/).waitFor();
    expect(await page.getByRole("button", { name: "Inlezen" }).isDisabled()).toBe(true);
    expect(await status.getByRole("progressbar", { name: "Bestand versturen:" }).count()).toBe(1);

    const outcome = page.getByText(/^Import geslaagd: \d+ aanbiedingen/);
    await outcome.waitFor();
    expect(await outcome.textContent()).toBe(
      `Import geslaagd: ${document.services.length} aanbiedingen`,
    );
    // The bar stays at the end: everything of the file went through.
    expect(await status.textContent()).toContain(`${total} van ${total} verwerkt`);
    expect(await page.getByRole("button", { name: "Inlezen" }).isDisabled()).toBe(false);
    await expectAccessible(page);
    await rm(file);
  });
});
