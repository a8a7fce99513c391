import { demoAccounts, demoPassword } from "../support/demo.js";
import {
  daysFromToday,
  dutchDate,
  localDateTime,
  today,
  workingDaysFromToday,
} from "../support/calendar.js";
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { graphql, query } from "../support/api.js";
import { dutchPage, expectAccessible, logIn, useBrowser } from "../support/browser.js";
import { openCase } from "../support/nazorg.js";
import { sessionHeaders } from "../support/session.js";

const { wijkteamWorker, partnerWorker: kredietbankWorker } = demoAccounts;
const browser = useBrowser();

const focused = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement);

/**
 * After a failed submit: the error summary has focus, names the problem as a link, the link
 * moves focus to the field, which says what is wrong itself, and axe finds nothing.
 */
async function expectSummaryLeadsTo(page: Page, problem: string | RegExp, field: Locator) {
  const summary = page.getByRole("alert", { name: /Controleer het volgende|Er ging iets mis/ });
  await expect.poll(() => focused(summary)).toBe(true);
  const link = summary.getByRole("link", { name: problem });
  const target = (await link.getAttribute("href"))!.slice(1);
  expect(await field.getAttribute("id")).toBe(target);
  expect(await field.getAttribute("aria-invalid")).toBe("true");
  expect(await field.getAttribute("aria-describedby")).toBe(`${target}-fout`);
  await expectAccessible(page);
  await link.click();
  expect(await focused(field)).toBe(true);
}

/** A case of the wijkteam, arranged through the API. */
async function wijkteamCase(displayName: string): Promise<string> {
  const { caseId } = await openCase(
    await sessionHeaders(wijkteamWorker, demoPassword),
    displayName,
  );
  return caseId;
}

describe("the error summary on real forms", () => {
  it("opening a case: the browser's checks, in Dutch, both in the summary", async () => {
    const page = await dutchPage(browser());
    await logIn(page, wijkteamWorker);
    await page.goto(`${inject("baseUrl")}/casussen`);
    await page.getByText("Nieuwe casus").click();
    await page.getByLabel(/Postcode/).fill("12");
    await page.getByRole("button", { name: "Casus openen" }).click();

    const summary = page.getByRole("alert", { name: "Controleer het volgende" });
    await summary.waitFor();
    expect(await summary.getByRole("listitem").allTextContents()).toEqual([
      "Vul ‘Naam of initialen’ in.",
      "Vul bij ‘Postcode, alleen de vier cijfers (niet verplicht)’ een geldige waarde in.",
    ]);
    expect(new URL(page.url()).pathname).toBe("/casussen");
    await expectSummaryLeadsTo(
      page,
      "Vul ‘Naam of initialen’ in.",
      page.getByLabel("Naam of initialen"),
    );

    // Corrected, the case opens and the new page says so.
    await page.getByLabel("Naam of initialen").fill("F. Ormulier");
    await page.getByLabel(/Postcode/).fill("6821");
    await page.getByRole("button", { name: "Casus openen" }).click();
    await page.getByRole("heading", { level: 1, name: "Casus F. Ormulier" }).waitFor();
    await page.getByRole("status").getByText("Casus geopend voor F. Ormulier.").waitFor();
    await expectAccessible(page);
  });

  it("the referral wizard: a missing question is caught before anything is sent", async () => {
    const displayName = "V. Erwijzing";
    const caseId = await wijkteamCase(displayName);
    const page = await dutchPage(browser());
    await logIn(page, wijkteamWorker);
    await page.goto(`${inject("baseUrl")}/?q=saneringskrediet`);
    await page
      .getByRole("link", { name: "Saneringskrediet: uw schulden in één keer afgelost" })
      .click();
    await page.getByRole("link", { name: "Verwijzen naar dit aanbod" }).click();
    await page.getByLabel("Voor welke inwoner").selectOption({ label: displayName });
    await page.getByLabel("Overdrachtssamenvatting", { exact: true }).fill("Huurachterstand.");
    await page.getByRole("button", { name: "Overdracht versturen" }).click();

    const hulpvraag = page.getByLabel("Hulpvraag", { exact: true });
    await expectSummaryLeadsTo(page, "Vul ‘Hulpvraag’ in.", hulpvraag);

    await hulpvraag.fill("Schuldregeling na huurachterstand");
    await page.getByRole("button", { name: "Overdracht versturen" }).click();
    await page.getByRole("heading", { level: 1, name: `Casus ${displayName}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/casussen/${caseId}`);
    await page
      .getByRole("status")
      .getByText("Verwijzing verstuurd naar Kredietbank Rijn en Veluwezoom.")
      .waitFor();
  });

  it("planning a zorgoverleg: the server's refusal links to the field it names", async () => {
    const caseId = await wijkteamCase("Z. Orgoverleg");
    const page = await dutchPage(browser());
    await logIn(page, wijkteamWorker);
    await page.goto(`${inject("baseUrl")}/casussen/${caseId}`);
    const section = page.getByRole("region", { name: "Zorgoverleg" });
    await section.locator("summary", { hasText: "Zorgoverleg plannen" }).click();
    const meetingDay = workingDaysFromToday(4);
    await section
      .getByLabel("Datum en tijd", { exact: true })
      .fill(localDateTime(meetingDay, "10:00"));
    const video = section.getByLabel(/videolink/);
    // A web address, but not https: only the server refuses it.
    await video.fill("http://video.example/overleg");
    await section.getByRole("button", { name: "Zorgoverleg plannen" }).click();
    await expectSummaryLeadsTo(page, /videolink.*https:\/\//, video);

    await video.fill("https://video.example/overleg");
    await section.getByRole("button", { name: "Zorgoverleg plannen" }).click();
    await page
      .getByRole("status")
      .getByText(`Zorgoverleg gepland op ${dutchDate(meetingDay)} om 10:00.`, { exact: false })
      .waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
  });

  it("the offering editor: a rule of the sociale kaart, marked on its field", async () => {
    const page = await dutchPage(browser());
    await logIn(page, kredietbankWorker);
    await page.goto(`${inject("baseUrl")}/ons-aanbod/nieuw`);
    await page.getByLabel("Titel").fill("Terugbelafspraak na de sanering");
    await page.getByLabel("Omschrijving").fill("Wij bellen u een jaar lang elk kwartaal even op.");
    await page.getByRole("group", { name: "Fase" }).getByLabel("Nazorg").check();
    await page.getByRole("group", { name: "Kanalen" }).getByLabel("Telefoon").check();
    await page.getByRole("group", { name: "Uitgevoerd door" }).getByLabel("Beroepskracht").check();
    await page
      .getByRole("group", { name: /Gemeenten/ })
      .getByLabel("Arnhem")
      .check();
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expectSummaryLeadsTo(page, /palet van nazorg/, page.getByLabel(/Plek op het palet/));

    await page.getByLabel(/Plek op het palet/).selectOption("A1");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Terugbelafspraak na de sanering" })
      .waitFor();
    await page
      .getByRole("status")
      .getByText("“Terugbelafspraak na de sanering” staat nu op de sociale kaart.")
      .waitFor();
  });
});

describe("every action says what it did", () => {
  it("accepting a referral is confirmed in the status region, naming the referral", async () => {
    // The kredietbank has an incoming referral from the wijkteam, sent through the API.
    const caseId = await wijkteamCase("S. Tatus");
    const wijkteamApi = await sessionHeaders(wijkteamWorker, demoPassword);
    const { offerings } = await query<{
      offerings: { edges: Array<{ node: { id: string; organization: { id: string } } }> };
    }>(
      `{ offerings(search: { text: "saneringskrediet" }) { edges { node { id organization { id } } } } }`,
    );
    const offering = offerings.edges[0]!.node;
    const { data: caseData } = await graphql<{ case: { client: { id: string } } }>(
      `
        query ($id: ID!) {
          case(id: $id) {
            client {
              id
            }
          }
        }
      `,
      { id: caseId },
      wijkteamApi,
    );
    const consent = await graphql<{ recordConsent: { id: string } }>(
      `
        mutation ($clientId: ID!, $input: ConsentInput!) {
          recordConsent(clientId: $clientId, input: $input) {
            id
          }
        }
      `,
      {
        clientId: caseData!.case.client.id,
        input: {
          recipientOrganizationIds: [offering.organization.id],
          purpose: "Warme overdracht naar de kredietbank",
          dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
          method: "MONDELING",
          givenOn: today(),
          validUntil: daysFromToday(365),
        },
      },
      wijkteamApi,
    );
    const started = await graphql<{ startReferral: { id: string } }>(
      `
        mutation ($input: StartReferralInput!) {
          startReferral(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          caseId,
          offeringId: offering.id,
          question: "Saneringskrediet voor S. Tatus",
          handoverSummary: "Alle schuldeisers akkoord.",
          lifeDomains: [],
          contactPreferences: [],
          consentId: consent.data!.recordConsent.id,
        },
      },
      wijkteamApi,
    );
    expect(started.errors).toBeUndefined();
    const referralId = started.data!.startReferral.id;
    const sent = await graphql(
      `
        mutation ($input: ReferralTransitionInput!) {
          transitionReferral(input: $input) {
            id
          }
        }
      `,
      { input: { referralId, to: "SENT", expectedState: "DRAFT" } },
      wijkteamApi,
    );
    expect(sent.errors).toBeUndefined();

    const page = await dutchPage(browser());
    await logIn(page, kredietbankWorker);
    await page.goto(`${inject("baseUrl")}/overdrachten`);
    const referral = page
      .getByRole("article")
      .filter({ hasText: "Saneringskrediet voor S. Tatus" });
    await referral.getByRole("button", { name: "Accepteren" }).click();
    await page
      .getByRole("status")
      .getByText(/^Geaccepteerd: Saneringskrediet.* van Wijkteam Arnhem-Noord\.$/)
      .waitFor();
    await expectAccessible(page);
  });
});
