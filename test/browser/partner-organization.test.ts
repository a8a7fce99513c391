import { describe, expect, inject, it } from "vitest";
import { dutchPage, expectAccessible, openPage, useBrowser } from "../support/browser.js";
import { buildOrganization, buildUser, testPassword, uniqueWord } from "../support/factories.js";

const browser = useBrowser();

describe("a partner's beheerder keeps the organisation actual", () => {
  it("corrects a field the server refuses, saves, and adds a location the kaart shows", async () => {
    const name = `Stichting ${uniqueWord()}`;
    const organizationId = await buildOrganization({ name });
    const beheerder = await buildUser({ organizationId, roles: ["BEHEERDER"] as never });
    const page = await dutchPage(browser(), { email: beheerder.email, password: testPassword });
    await openPage(page, "/ons-aanbod");
    await page.getByRole("link", { name: "Organisatie, loket en locaties" }).click();
    await page.getByRole("heading", { level: 1, name: "Onze organisatie" }).waitFor();
    await expectAccessible(page);

    // Only web addresses are accepted: the error summary takes focus and links to the field,
    // which has the message beside it.
    const website = page.getByLabel("Website");
    await website.fill("ftp://stichting.example");
    await page.getByLabel("Inloopspreekuur").fill("Donderdag 13.00–15.00 uur");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await expect.poll(() => website.getAttribute("aria-invalid")).toBe("true");
    const summary = page.getByRole("alert", { name: "Controleer het volgende" });
    await expect
      .poll(() => summary.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await summary.getByRole("link").click();
    expect(await website.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await website.getAttribute("aria-describedby")).toBeTruthy();
    await page.getByText("Vul een volledig webadres in").first().waitFor();
    await expectAccessible(page);

    await website.fill("https://www.stichting.example");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.getByText("De gegevens van uw organisatie zijn opgeslagen.").waitFor();
    expect(await website.getAttribute("aria-invalid")).toBeNull();

    // A new location, found by its postcode.
    await page.getByText("Nieuwe locatie").click();
    await page.getByLabel("Straat en huisnummer").fill("Steenstraat 10");
    await page.getByLabel("Postcode").fill("6828 CA");
    await page.getByLabel("Plaats").fill("Arnhem");
    await page.getByRole("button", { name: "Locatie toevoegen" }).click();
    await page.getByText("Steenstraat 10, 6828 CA Arnhem").waitFor();

    // The public organisation page shows what the beheerder entered.
    await page.goto(`${inject("baseUrl")}/organisaties/${organizationId}`);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByText("Donderdag 13.00–15.00 uur").waitFor();
    await page.getByText("Steenstraat 10").first().waitFor();
  });

  it("tells a plain worker that only a beheerder changes the organisation", async () => {
    const worker = await buildUser({ roles: ["MEDEWERKER"] as never });
    const page = await dutchPage(browser(), { email: worker.email, password: testPassword });
    await openPage(page, "/onze-organisatie");
    await page
      .getByText("Alleen een beheerder van uw organisatie kan deze gegevens wijzigen.")
      .waitFor();
    expect(await page.getByLabel("Website").count()).toBe(0);
  });
});
