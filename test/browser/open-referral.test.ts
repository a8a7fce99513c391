import { readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  demoPassword,
  dutchPage,
  expectAccessible,
  launchBrowser,
  logIn,
} from "../support/browser.js";

// The region's administrator of the demo region (README).
const regionAdministrator = "regie@stadsloket-geldzaken-arnhem.example";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openReferralPage(page: Page, email: string) {
  await logIn(page, email, demoPassword, "/open-referral");
  await page.getByRole("heading", { level: 1, name: "Open Referral (HSDS)" }).waitFor();
}

describe("Open Referral (HSDS) in a browser", () => {
  it("the region's administrator downloads the kaart, reads it back in, and sees a refusal", async () => {
    const page = await dutchPage(browser);
    await openReferralPage(page, regionAdministrator);
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
});
