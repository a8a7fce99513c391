import { demoAccounts } from "../support/demo.js";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { dutchPage, expectAccessible, openPage, useBrowser } from "../support/browser.js";

// Demo accounts (README): a coordinator of a volunteer organisation and the region's administrator.
const coordinator = demoAccounts.coordinator;
const regionAdministrator = demoAccounts.regionalAdministrator;

const browser = useBrowser();

async function openMap(email: string) {
  const page = await dutchPage(browser(), { email });
  await openPage(page, "/nazorgkaart");
  await page.getByRole("heading", { level: 1, name: /^Nazorgkaart Regio Centraal/ }).waitFor();
  return page;
}

describe("the nazorg map in a browser", () => {
  it("a coordinator finds a gap on the map, opens it and exports the map to CSV", async () => {
    const page = await openMap(coordinator);
    await expectAccessible(page);

    // Who holds regie on nazorg, and a gemeente where nobody does.
    const regie = page.getByRole("region", { name: "Regie op nazorg per gemeente" });
    await expect
      .poll(() => regie.getByRole("row", { name: /^Doesburg/ }).textContent())
      .toContain("Geen afspraak");
    expect(await regie.getByRole("row", { name: /^Arnhem/ }).textContent()).toContain(
      "Stadsloket Geldzaken Arnhem",
    );

    // A gap, by its accessible name: "Doesburg, A3 Huisbezoek …: witte vlek, geen aanbod".
    const gap = page.getByRole("button", { name: /: witte vlek, geen aanbod$/ }).first();
    const description = (await gap.getAttribute("aria-label"))!;
    const [, gemeente, level] = /^(.+), (P\d|A\d+) /.exec(description)!;
    await gap.click();
    expect(await gap.getAttribute("aria-pressed")).toBe("true");
    const panel = page.getByRole("region", { name: `${level} in ${gemeente}` });
    await panel.getByText(/^Witte vlek:/).waitFor();
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download de nazorgkaart als CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("nazorgkaart-centraal-gelderland.csv");
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toMatch(/^Gemeente;CBS-code;Niveau;/);
    const row = lines.find(
      (line) => line.startsWith(`${gemeente};`) && line.split(";")[2] === level,
    );
    // Aantal aanbod 0, witte vlek "ja".
    expect(row?.split(";")[4]).toBe("0");
    expect(row?.split(";")[8]).toBe("ja");

    // The list behind the gap downloads too: only its header.
    const [cellDownload] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("link", { name: "Download dit aanbod als CSV" }).click(),
    ]);
    const cellCsv = (await readFile((await cellDownload.path())!)).toString("utf8");
    expect(cellCsv.slice(1).split("\r\n").filter(Boolean)).toHaveLength(1);
  });

  it("says while an export is prepared, and then what was downloaded or why not", async () => {
    const page = await openMap(coordinator);
    // A slow server, so the wait can be seen: the request is held back for a moment.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/export/nazorgkaart.csv*", async (route) => {
      await held;
      await route.continue();
    });
    const status = page.getByRole("status").filter({ hasText: /Export|Gedownload/ });
    await page.getByRole("link", { name: "Download de nazorgkaart als CSV" }).click();
    await status.getByText("Export wordt voorbereid…").waitFor();
    await expectAccessible(page);
    // Held back until now, so the wait for it starts here and not before the check above.
    const downloading = page.waitForEvent("download");
    release();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("nazorgkaart-centraal-gelderland.csv");
    const lines = (await readFile((await download.path())!)).toString("utf8").split("\r\n");
    const rows = lines.slice(1).filter(Boolean).length;
    await status
      .getByText(`Gedownload: nazorgkaart-centraal-gelderland.csv (${rows} regels).`)
      .waitFor();

    // A session that has ended: the server's reason, not a broken file.
    await page.context().clearCookies();
    await page.getByRole("link", { name: "Download de nazorgkaart als CSV" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("Log in om de nazorgkaart te downloaden.");
  });

  it("a region administrator gives a gemeente without regie a holder, but never a second one", async () => {
    const page = await openMap(regionAdministrator);
    const regie = page.getByRole("region", { name: "Regie op nazorg per gemeente" });
    await regie
      .getByRole("row", { name: /^Overbetuwe/ })
      .getByText("Geen afspraak")
      .waitFor();

    await page.getByText("Afspraak toevoegen").click();
    const form = page.locator("form").filter({ hasText: "Afspraak vastleggen" });
    await form.getByLabel("Naam van de afspraak").fill("Regie op nazorg Overbetuwe");
    await form
      .getByLabel("Wie heeft de regie op nazorg?")
      .selectOption({ label: "Sociaal Team Overbetuwe" });
    // Arnhem already has a regie holder: refused, in words that say who.
    await form.getByRole("checkbox", { name: "Arnhem" }).check();
    await expectAccessible(page);
    await form.getByRole("button", { name: "Afspraak vastleggen" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("In Arnhem heeft Stadsloket Geldzaken Arnhem al de regie op nazorg");

    await form.getByRole("checkbox", { name: "Arnhem" }).uncheck();
    await form.getByRole("checkbox", { name: "Overbetuwe" }).check();
    await form.getByRole("button", { name: "Afspraak vastleggen" }).click();
    await page
      .getByRole("status")
      .getByText(/^De afspraak “.*” is vastgelegd\.$/)
      .waitFor();
    await expect
      .poll(() => regie.getByRole("row", { name: /^Overbetuwe/ }).textContent())
      .toContain("Sociaal Team Overbetuwe, sinds");

    // Ending it today keeps today as its last day.
    page.once("dialog", (dialog) => void dialog.accept());
    const agreements = page.getByRole("region", { name: "Samenwerkingsafspraken" });
    await agreements.getByRole("button", { name: "Beëindigen Regie op nazorg Overbetuwe" }).click();
    await expect
      .poll(() =>
        agreements.getByRole("row", { name: /^Regie op nazorg Overbetuwe/ }).textContent(),
      )
      .toMatch(/tot en met \d+ \w+ \d{4}/);
  });
});
