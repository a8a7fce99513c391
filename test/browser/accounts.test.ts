import { describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import {
  dutchPage,
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  phone,
  useBrowser,
} from "../support/browser.js";
import { testPassword, uniqueWord } from "../support/factories.js";
import { loggedInUser } from "../support/session.js";

const browser = useBrowser();

describe("accounts in a browser", () => {
  it("a beheerder invites a colleague, who chooses a password and is in; then leaves", async () => {
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER, Role.MEDEWERKER] });
    const page = await dutchPage(browser(), { email: beheerder.email, password: testPassword });
    await openPage(page, "/dashboard");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Medewerkers" })
      .click();
    await page.getByRole("heading", { level: 1, name: /^Medewerkers van / }).waitFor();

    const email = `${uniqueWord()}@partner.example`;
    await page.getByLabel("Naam").fill("Joris Hendriks");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    // The test server sends no e-mail: the beheerder gets the link to pass on.
    const link = await page.locator("code").textContent();
    expect(link).toContain("/uitnodiging#");
    const invited = page.getByRole("listitem").filter({ hasText: "Joris Hendriks" });
    await invited.getByText("Uitgenodigd").waitFor();
    await expectAccessible(page);

    const colleague = await dutchPage(browser(), { viewport: phone });
    await openPage(colleague, new URL(link!).pathname + new URL(link!).hash);
    await colleague.getByRole("heading", { level: 1, name: "Welkom bij Ketenkaart" }).waitFor();
    await expectNoHorizontalScroll(colleague);
    await expectAccessible(colleague);
    await colleague.getByLabel("Kies een wachtwoord").fill("welkom12345!");
    await colleague.getByLabel("Herhaal het wachtwoord").fill("welkom12345!");
    await colleague.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
    await colleague.getByText("te makkelijk te raden").first().waitFor();
    const password = "zeven groene kikkers zingen hard";
    await colleague.getByLabel("Kies een wachtwoord").fill(password);
    await colleague.getByLabel("Herhaal het wachtwoord").fill(password);
    await colleague.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
    await colleague.waitForURL(/\/dashboard$/);
    await colleague.getByText("Joris Hendriks").first().waitFor();

    await page.reload();
    await invited.getByText("Actief").waitFor();
    await invited.getByRole("button", { name: "Uitschakelen (vertrekt)" }).click();
    await invited.getByRole("button", { name: "Ja, uitschakelen" }).click();
    await invited.getByText("Uitgeschakeld").waitFor();
    await expectAccessible(page);

    const small = await dutchPage(browser(), {
      email: beheerder.email,
      password: testPassword,
      viewport: phone,
    });
    await openPage(small, "/onze-organisatie/medewerkers");
    await small.getByRole("heading", { level: 2, name: "Accounts" }).waitFor();
    await expectNoHorizontalScroll(small);
    await expectAccessible(small);
    await small.close();

    // The leaver's next step finds them logged out.
    await colleague.reload();
    await colleague.getByRole("link", { name: "Inloggen" }).first().waitFor();
    await colleague.close();
    await page.close();
  });
});

describe("onboarding a partner in a browser", () => {
  it("the regiobeheerder adds a partner with its first beheerder, who accepts and is in", async () => {
    const regio = await loggedInUser({ roles: [Role.REGIO_BEHEERDER, Role.MEDEWERKER] });
    const page = await dutchPage(browser(), { email: regio.email, password: testPassword });
    await openPage(page, "/onze-organisatie/medewerkers");
    await page.getByRole("link", { name: "Ketenpartner toevoegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Ketenpartner toevoegen" }).waitFor();

    // Sent without a name: the form says so in Dutch and nothing is added.
    await page.getByRole("button", { name: "Toevoegen en beheerder uitnodigen" }).click();
    await page.getByText("Vul ‘Naam van de organisatie’ in.").first().waitFor();
    const partner = `Budgetmaatjes ${uniqueWord()}`;
    await page.getByLabel("Naam van de organisatie").fill(partner);
    await page.getByLabel("Soort organisatie").selectOption({ label: "Vrijwilligersorganisatie" });
    await page
      .getByRole("group", { name: "Gemeenten waarvoor de organisatie werkt" })
      .getByLabel("Arnhem")
      .check();
    await page.getByLabel("Telefoon van het loket").fill("026 765 43 21");
    await page.getByLabel("Naam", { exact: true }).fill("Hanneke Smit");
    await page.getByLabel("E-mailadres").fill(`${uniqueWord()}@budgetmaatjes.example`);
    await page.getByRole("button", { name: "Toevoegen en beheerder uitnodigen" }).click();
    // The test server sends no e-mail: the regiobeheerder gets the link to pass on.
    const link = await page.locator("code").textContent();
    expect(link).toContain("/uitnodiging#");
    await page.getByRole("link", { name: `Medewerkers van ${partner}` }).waitFor();
    await expectAccessible(page);

    const beheerder = await dutchPage(browser());
    await openPage(beheerder, new URL(link!).pathname + new URL(link!).hash);
    await beheerder.getByText(`${partner} nodigt u uit, Hanneke Smit.`).waitFor();
    const password = "negen bruine beren dansen traag";
    await beheerder.getByLabel("Kies een wachtwoord").fill(password);
    await beheerder.getByLabel("Herhaal het wachtwoord").fill(password);
    await beheerder.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
    await beheerder.waitForURL(/\/dashboard$/);
    await openPage(beheerder, "/onze-organisatie/medewerkers");
    await beheerder
      .getByRole("heading", { level: 1, name: `Medewerkers van ${partner}` })
      .waitFor();
  });
});
