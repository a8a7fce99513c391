import { describe, expect, it } from "vitest";
import { graphql } from "../support/api.js";
import { dutchPage, expectAccessible, openPage, useBrowser } from "../support/browser.js";
import { buildUser, testPassword, uniqueWord } from "../support/factories.js";
import { sessionHeaders } from "../support/session.js";

const browser = useBrowser();

describe("the dashboard in a browser", () => {
  it("puts a case on the risk list once a contact finds income and expenses out of balance", async () => {
    const worker = await buildUser({ name: "Fatima Bakker" });
    const clientName = `T. ${uniqueWord()}`;
    const opened = await graphql<{ openCase: { id: string } }>(
      `
        mutation ($input: OpenCaseInput!) {
          openCase(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          client: { displayName: clientName, postcodeArea: "6825", contactPreferences: [] },
          phase: "ONTWIKKELING",
          role: "Schuldhulpverlening",
        },
      },
      await sessionHeaders(worker.email),
    );
    const caseId = opened.data!.openCase.id;

    const page = await dutchPage(browser(), { email: worker.email, password: testPassword });
    await openPage(page, "/dashboard");
    // Nothing at risk yet.
    const risk = page.getByRole("region", { name: /^Terugvalrisico/ });
    await expect
      .poll(() => risk.getByText("Geen casussen met terugvalrisico.").isVisible())
      .toBe(true);

    // At the end of the trajectory the worker draws up the nazorg plan …
    await page.getByRole("link", { name: clientName }).first().click();
    await page.getByRole("heading", { level: 1, name: `Casus ${clientName}` }).waitFor();
    const nazorg = page.getByRole("region", { name: "Nazorg" });
    await nazorg.getByLabel("Afgesproken plek op het palet").selectOption("A1");
    await nazorg.getByRole("button", { name: "Nazorgplan opstellen" }).click();
    await expect.poll(() => nazorg.getByText(/tot en met .*\(12 maanden\)/).isVisible()).toBe(true);
    await expect.poll(() => nazorg.getByRole("row").count()).toBe(4);
    await expectAccessible(page);

    // … and registers the first waakvlam contact: the client is out of balance.
    await nazorg.getByLabel("Kanaal").selectOption({ label: "WhatsApp" });
    await nazorg.getByLabel("Nee, niet in balans").check();
    await nazorg.getByLabel("Nieuwe achterstanden").check();
    await nazorg.getByLabel("Notitie").fill("Energierekening twee maanden niet betaald");
    await nazorg.getByRole("button", { name: "Contact vastleggen" }).click();
    await expect
      .poll(() => nazorg.getByRole("status").filter({ hasText: "Terugvalrisico" }).isVisible())
      .toBe(true);
    await expect
      .poll(() => nazorg.getByRole("link", { name: "Vervolg zoeken op de sociale kaart" }).count())
      .toBe(1);
    await expectAccessible(page);

    // The dashboard counts it and lists it under terugvalrisico, linking back to the case.
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Dashboard" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    const card = page
      .getByRole("navigation", { name: "Aantallen" })
      .getByRole("link", { name: /met terugvalrisico/ });
    await expect.poll(() => card.textContent()).toBe("1 met terugvalrisico");
    await card.click();
    expect(new URL(page.url()).hash).toBe("#terugvalrisico");
    const listed = risk.getByRole("link", { name: clientName });
    await expect.poll(() => listed.isVisible()).toBe(true);
    await expect.poll(() => risk.getByText("nog geen vervolg").isVisible()).toBe(true);
    await expectAccessible(page);
    await listed.click();
    expect(new URL(page.url()).pathname).toBe(`/casussen/${caseId}`);
  });
});
