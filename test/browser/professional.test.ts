import { demoAccounts, demoPassword } from "../support/demo.js";
import { dutchDate, localDateTime, today, workingDaysFromToday } from "../support/calendar.js";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { graphql, query } from "../support/api.js";
import { dutchPage, expectAccessible, useBrowser, logIn as logInAs } from "../support/browser.js";
import { uniqueWord } from "../support/factories.js";
import { sessionHeaders } from "../support/session.js";

// Demo accounts of the seeded region (README).
const wijkteamWorker = demoAccounts.wijkteamWorker;
const kredietbankWorker = demoAccounts.partnerWorker;

const browser = useBrowser();

const newPage = () => dutchPage(browser());

async function logIn(page: Page, email: string) {
  await logInAs(page, email);
  await page.goto(`${inject("baseUrl")}/casussen`);
  await page.getByRole("heading", { level: 1, name: "Mijn casussen" }).waitFor();
}

describe("professionals in a browser", () => {
  it("a wijkteam worker refers with consent, the partner accepts, the case shows it", async () => {
    // Other tests refer to the same kredietbank: this referral's question is its own.
    const question = `Schuldregeling na huurachterstand ${uniqueWord()}`;
    // The wijkteam worker opens a case for a new client …
    const wijkteam = await newPage();
    await logIn(wijkteam, wijkteamWorker);
    await wijkteam.getByText("Nieuwe casus").click();
    await wijkteam.getByLabel("Naam of initialen").fill("K. Jansen");
    await wijkteam.getByLabel(/Postcode/).fill("6821");
    await wijkteam.getByLabel("WhatsApp").check();
    await expectAccessible(wijkteam);
    await wijkteam.getByRole("button", { name: "Casus openen" }).click();
    await wijkteam.getByRole("heading", { level: 1, name: "Casus K. Jansen" }).waitFor();
    const caseId = new URL(wijkteam.url()).pathname.split("/").at(-1);

    // … finds the kredietbank's offering on the sociale kaart and refers.
    await wijkteam.goto(`${inject("baseUrl")}/?q=saneringskrediet`);
    await wijkteam
      .getByRole("link", { name: "Saneringskrediet: uw schulden in één keer afgelost" })
      .click();
    await wijkteam.getByRole("link", { name: "Verwijzen naar dit aanbod" }).click();
    await wijkteam.getByLabel("Voor welke inwoner").selectOption({ label: "K. Jansen" });
    await wijkteam.getByLabel(/De inwoner geeft nu toestemming/).check();
    await wijkteam.getByLabel("Hulpvraag", { exact: true }).fill(question);
    await wijkteam
      .getByLabel("Overdrachtssamenvatting", { exact: true })
      .fill("Drie maanden huurachterstand, vaste baan, wil graag verder.");
    await wijkteam.getByLabel("Financiën", { exact: true }).check();
    await expectAccessible(wijkteam);
    await wijkteam.getByRole("button", { name: "Overdracht versturen" }).click();
    await wijkteam.getByRole("heading", { level: 1, name: "Casus K. Jansen" }).waitFor();
    await expect
      .poll(() => wijkteam.getByText("Verstuurd", { exact: true }).isVisible())
      .toBe(true);
    expect(new URL(wijkteam.url()).pathname).toBe(`/casussen/${caseId}`);

    // The kredietbank accepts from its inbox, within the response norm.
    const partner = await newPage();
    await logIn(partner, kredietbankWorker);
    await partner.getByRole("link", { name: "Overdrachten" }).click();
    const incoming = partner.getByRole("article").filter({ hasText: question });
    await incoming.waitFor();
    await expect.poll(() => incoming.getByText(/Reageren uiterlijk/).isVisible()).toBe(true);
    await expectAccessible(partner);
    await incoming.getByRole("button", { name: "Accepteren" }).click();
    await expect.poll(() => incoming.getByText("Geaccepteerd").isVisible()).toBe(true);
    // … and plans the joint introduction of client, sender and receiver, well within the norm
    // of 10 working days.
    const introductionDay = workingDaysFromToday(3);
    await incoming.getByRole("button", { name: "Kennismaking plannen…" }).click();
    await incoming
      .getByLabel("Datum en tijd van de kennismaking")
      .fill(localDateTime(introductionDay, "10:00"));
    await incoming.getByRole("button", { name: "Kennismaking plannen", exact: true }).click();
    await expect.poll(() => incoming.getByText("Kennismaking gepland").isVisible()).toBe(true);
    await expect
      .poll(() =>
        incoming.getByText(`Kennismaking: ${dutchDate(introductionDay)} om 10:00`).isVisible(),
      )
      .toBe(true);

    // The wijkteam worker sees the acceptance, the new team member and who holds regie.
    await wijkteam.reload();
    await wijkteam.getByRole("heading", { level: 1, name: "Casus K. Jansen" }).waitFor();
    const regie = wijkteam.getByRole("region", { name: "Regie" });
    await expect
      .poll(() => regie.getByText(/Wijkteam Arnhem-Noord, Sanne de Vries/).isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        wijkteam.getByText(/Kennismaking gepland door Kredietbank Rijn en Veluwezoom/).isVisible(),
      )
      .toBe(true);
    await expect
      .poll(() =>
        wijkteam.getByText(/Geaccepteerd door Kredietbank Rijn en Veluwezoom/).isVisible(),
      )
      .toBe(true);
    const team = wijkteam.getByRole("region", { name: "Casusteam" });
    await expect
      .poll(() => team.getByText(/^Kredietbank Rijn en Veluwezoom: /).isVisible())
      .toBe(true);
    await expectAccessible(wijkteam);

    // The client withdraws consent: the worker records it, and the kredietbank loses access.
    await wijkteam.getByRole("button", { name: "Intrekken" }).click();
    await expect.poll(() => wijkteam.getByText(/Ingetrokken op/).isVisible()).toBe(true);
    await partner.reload();
    await partner.getByRole("heading", { level: 1, name: "Overdrachten" }).waitFor();
    await expect.poll(() => partner.getByText(question).count()).toBe(0);
  });

  it("a partner adds an offering that the sociale kaart finds at once", async () => {
    const partner = await newPage();
    await logIn(partner, kredietbankWorker);
    await partner.getByRole("link", { name: "Ons aanbod" }).click();
    await partner.getByRole("link", { name: "Nieuw aanbod" }).click();
    await partner.getByLabel("Titel").fill("Belafspraak na de schuldregeling");
    await partner
      .getByLabel("Omschrijving")
      .fill("Een jaar lang bellen wij u na drie, zes en twaalf maanden om te horen hoe het gaat.");
    await partner.getByRole("group", { name: "Fase" }).getByLabel("Nazorg").check();
    await partner.getByRole("group", { name: "Kanalen" }).getByLabel("Telefoon").check();
    await partner
      .getByRole("group", { name: "Uitgevoerd door" })
      .getByLabel("Beroepskracht")
      .check();
    await partner
      .getByRole("group", { name: /Gemeenten/ })
      .getByLabel("Arnhem")
      .check();
    await expectAccessible(partner);
    // Nazorg without a place on the palette: the server explains in Dutch.
    await partner.getByRole("button", { name: "Opslaan" }).click();
    await expect.poll(() => partner.getByRole("alert").textContent()).toContain("palet van nazorg");
    await partner.getByLabel(/Plek op het palet/).selectOption("A1");
    await partner.getByRole("button", { name: "Opslaan" }).click();
    await partner
      .getByRole("heading", { level: 1, name: "Belafspraak na de schuldregeling" })
      .waitFor();

    await partner.goto(`${inject("baseUrl")}/?q=belafspraak`);
    await expect
      .poll(() =>
        partner.getByRole("link", { name: "Belafspraak na de schuldregeling" }).isVisible(),
      )
      .toBe(true);
  });

  it("after a decline, the sender searches again with the same needs", async () => {
    // Arranged through the API: a referral to the kredietbank, declined with a reason.
    const wijkteamApi = await sessionHeaders(wijkteamWorker, demoPassword);
    const kredietbankApi = await sessionHeaders(kredietbankWorker, demoPassword);
    const kredietbank = (
      await query<{
        organizations: Array<{
          id: string;
          name: string;
          offerings: Array<{ id: string; status: string }>;
        }>;
      }>(`{ organizations { id name offerings { id status } } }`)
    ).organizations.find((o) => o.name === "Kredietbank Rijn en Veluwezoom")!;
    const opened = await graphql<{ openCase: { id: string; client: { id: string } } }>(
      `
        mutation ($input: OpenCaseInput!) {
          openCase(input: $input) {
            id
            client {
              id
            }
          }
        }
      `,
      { input: { client: { displayName: "P. Bakker", contactPreferences: [] }, role: "Wijkteam" } },
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
        clientId: opened.data!.openCase.client.id,
        input: {
          recipientOrganizationIds: [kredietbank.id],
          purpose: "Overdracht",
          dataCategories: ["HULPVRAAG"],
          method: "MONDELING",
          givenOn: today(),
          validUntil: "2099-12-31",
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
          caseId: opened.data!.openCase.id,
          offeringId: kredietbank.offerings.find((o) => o.status === "ACTIVE")!.id,
          question: "Hulp bij geldzaken",
          handoverSummary: "Wil graag overzicht in de financiën.",
          lifeDomains: ["FINANCIEN"],
          urgency: "NORMAAL",
          contactPreferences: [],
          consentId: consent.data!.recordConsent.id,
        },
      },
      wijkteamApi,
    );
    const step = `mutation ($input: ReferralTransitionInput!) { transitionReferral(input: $input) { id } }`;
    await graphql(
      step,
      { input: { referralId: started.data!.startReferral.id, to: "SENT" } },
      wijkteamApi,
    );
    await graphql(
      step,
      {
        input: {
          referralId: started.data!.startReferral.id,
          to: "DECLINED",
          note: "Geen plek tot maart",
        },
      },
      kredietbankApi,
    );

    const wijkteam = await newPage();
    await logIn(wijkteam, wijkteamWorker);
    await wijkteam.goto(`${inject("baseUrl")}/casussen/${opened.data!.openCase.id}`);
    await expect
      .poll(() =>
        wijkteam
          .getByText(/Afgewezen door Kredietbank Rijn en Veluwezoom — Geen plek tot maart/)
          .isVisible(),
      )
      .toBe(true);
    await wijkteam.getByRole("link", { name: "Ander aanbod zoeken voor dezelfde vraag" }).click();
    await wijkteam.getByRole("article").first().waitFor();
    expect(new URL(wijkteam.url()).searchParams.getAll("levensgebied")).toEqual(["FINANCIEN"]);
    expect(
      await wijkteam
        .getByRole("group", { name: "Levensgebied" })
        .getByLabel(/^Financiën/)
        .isChecked(),
    ).toBe(true);
  });

  it("refuses a wrong password with a Dutch message", async () => {
    const page = await newPage();
    await page.goto(`${inject("baseUrl")}/inloggen`);
    await page.getByLabel("E-mailadres").fill(wijkteamWorker);
    await page.getByLabel("Wachtwoord").fill("fout-wachtwoord");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("E-mailadres of wachtwoord klopt niet.");
    await expectAccessible(page);
  });
});
