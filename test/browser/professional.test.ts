import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphql, query } from "../support/api.js";
import { sessionHeaders } from "../support/session.js";

// Demo accounts of the seeded region (README).
const wijkteamWorker = "sanne.devries@wijkteam-arnhem-noord.example";
const kredietbankWorker = "ingrid.jansen@kredietbank-rijn-en-veluwezoom.example";
const demoPassword = "ketenkaart-demo";

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL" });
  return context.newPage();
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

async function logIn(page: Page, email: string) {
  await page.goto(`${inject("baseUrl")}/inloggen`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(demoPassword);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Mijn casussen" }).waitFor();
}

/** Through the API: a wijkteam case with consent and a referral sent to the kredietbank. */
async function sentReferral(clientName: string) {
  const wijkteam = await sessionHeaders(wijkteamWorker, demoPassword);
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
    {
      input: {
        client: { displayName: clientName, postcodeArea: "6821", contactPreferences: ["TELEFOON"] },
        role: "Wijkteam",
      },
    },
    wijkteam,
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
        purpose: "Overdracht voor een schuldregeling",
        dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
        method: "MONDELING",
        givenOn: new Date().toISOString().slice(0, 10),
        validUntil: "2099-12-31",
      },
    },
    wijkteam,
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
        question: "Schuldregeling na huurachterstand",
        handoverSummary: "Drie maanden huurachterstand, vaste baan, wil graag verder.",
        lifeDomains: ["FINANCIEN"],
        urgency: "NORMAAL",
        contactPreferences: ["TELEFOON"],
        consentId: consent.data!.recordConsent.id,
      },
    },
    wijkteam,
  );
  await graphql(
    `
      mutation ($input: ReferralTransitionInput!) {
        transitionReferral(input: $input) {
          id
        }
      }
    `,
    { input: { referralId: started.data!.startReferral.id, to: "SENT" } },
    wijkteam,
  );
  return { caseId: opened.data!.openCase.id };
}

describe("professionals in a browser", () => {
  it("the partner accepts a referral from the inbox and the wijkteam sees it on the case", async () => {
    const { caseId } = await sentReferral("K. Jansen");

    const partner = await newPage();
    await logIn(partner, kredietbankWorker);
    await partner.getByRole("link", { name: "Overdrachten" }).click();
    const incoming = partner
      .getByRole("article")
      .filter({ hasText: "Schuldregeling na huurachterstand" });
    await incoming.waitFor();
    await expect.poll(() => incoming.getByText(/Reageren uiterlijk/).isVisible()).toBe(true);
    await expectAccessible(partner);
    await incoming.getByRole("button", { name: "Accepteren" }).click();
    await expect.poll(() => incoming.getByText("Geaccepteerd").isVisible()).toBe(true);

    const wijkteam = await newPage();
    await logIn(wijkteam, wijkteamWorker);
    await expect
      .poll(() => wijkteam.getByRole("link", { name: "K. Jansen" }).isVisible())
      .toBe(true);
    await expectAccessible(wijkteam);
    await wijkteam.goto(`${inject("baseUrl")}/casussen/${caseId}`);
    await wijkteam.getByRole("heading", { level: 1, name: "Casus K. Jansen" }).waitFor();
    const regie = wijkteam.getByRole("region", { name: "Regie" });
    await expect
      .poll(() => regie.getByText(/Wijkteam Arnhem-Noord, Sanne de Vries/).isVisible())
      .toBe(true);
    await expect.poll(() => wijkteam.getByText("Geaccepteerd").isVisible()).toBe(true);
    // The kredietbank joined the case team by accepting.
    const team = wijkteam.getByRole("region", { name: "Casusteam" });
    await expect
      .poll(() => team.getByText(/^Kredietbank Rijn en Veluwezoom: /).isVisible())
      .toBe(true);
    await expectAccessible(wijkteam);
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
