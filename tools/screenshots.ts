// `npm run screenshots`: the main pages of the demo region as PNG in docs/screenshots/, rendered
// by headless Chromium from the real server on a fresh embedded PostgreSQL (as the tests do).
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres.js";
import { repoRoot } from "../server/paths.js";
import { logIn, must, type Headers } from "./reliability/http.js";
import { freePort, startServer } from "./reliability/instances.js";

const password = "ketenkaart-demo";
const wijkteamWorker = "sanne.devries@wijkteam-arnhem-noord.example";
const kredietbankWorker = "ingrid.jansen@kredietbank-rijn-en-veluwezoom.example";
const regionalAdministrator = "regie@stadsloket-geldzaken-arnhem.example";
const outputDir = path.join(repoRoot, "docs", "screenshots");

interface Shot {
  name: string;
  path: string;
  as: string | null;
  /** The width of the screen; 360 is a phone. */
  width?: number;
}

async function main() {
  const database = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `ketenkaart-screenshots-${process.pid}`),
    port: await freePort(),
    database: "ketenkaart",
    persistent: false,
  });
  const server = await startServer({ databaseUrl: database.url, env: { NODE_ENV: "development" } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"],
  });
  try {
    const data = await demoCases(server.url);
    const shots: Shot[] = [
      { name: "search", path: "/?q=schulden&postcode=6811+AB", as: null },
      { name: "offering", path: `/aanbod/${data.offeringId}`, as: null },
      { name: "organization", path: `/organisaties/${data.kredietbankId}`, as: null },
      { name: "login", path: "/inloggen", as: null },
      { name: "dashboard", path: "/dashboard", as: wijkteamWorker },
      { name: "cases", path: "/casussen", as: wijkteamWorker },
      { name: "case", path: `/casussen/${data.caseId}`, as: wijkteamWorker },
      { name: "referral", path: `/aanbod/${data.offeringId}/verwijzen`, as: wijkteamWorker },
      { name: "inbox", path: "/overdrachten", as: kredietbankWorker },
      { name: "agreements", path: "/afspraken", as: wijkteamWorker },
      { name: "our-offerings", path: "/ons-aanbod", as: kredietbankWorker },
      { name: "our-organization", path: "/onze-organisatie", as: kredietbankWorker },
      { name: "nazorg-map", path: "/nazorgkaart", as: regionalAdministrator },
      { name: "open-referral", path: "/open-referral", as: regionalAdministrator },
      { name: "privacy", path: "/privacy", as: null },
      { name: "accessibility", path: "/toegankelijkheid", as: null },
      { name: "search-phone", path: "/?q=schulden", as: null, width: 360 },
      { name: "case-phone", path: `/casussen/${data.caseId}`, as: wijkteamWorker, width: 360 },
    ];
    await mkdir(outputDir, { recursive: true });
    for (const shot of shots) {
      await render(browser, server.url, shot);
      console.warn(`docs/screenshots/${shot.name}.png`);
    }
  } finally {
    await browser.close();
    await server.stop();
    await database.stop();
  }
}

/** One page as its user sees it: logged in first, settled, at most 2400 px of it. */
async function render(browser: Browser, baseUrl: string, shot: Shot) {
  const width = shot.width ?? 1280;
  const context = await browser.newContext({
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    viewport: { width, height: width < 600 ? 740 : 900 },
  });
  const page = await context.newPage();
  if (shot.as) await logInInBrowser(page, baseUrl, shot.as);
  await page.goto(`${baseUrl}${shot.path}`);
  await page.locator("main h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.getByRole("main").getByText("Bezig met laden…").first().waitFor({ state: "detached" });
  const height = await page.evaluate<number>("document.documentElement.scrollHeight");
  await page.screenshot({
    path: path.join(outputDir, `${shot.name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, 2400) },
  });
  await context.close();
}

async function logInInBrowser(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => url.pathname !== "/inloggen");
}

/**
 * The demo region has no cases; these give the pages something to show: a wijkteam case with
 * a nazorg plan and an accepted referral (the kredietbank on the team), and one waiting in the
 * kredietbank's inbox.
 */
async function demoCases(baseUrl: string) {
  const worker = await logIn(baseUrl, wijkteamWorker, password);
  const kredietbank = await logIn(baseUrl, kredietbankWorker, password);
  const gql = <T>(headers: Headers, query: string, variables: Record<string, unknown> = {}) =>
    must<T>(baseUrl, query, variables, headers);
  type Me = { me: { id: string; organization: { id: string; offerings: { id: string }[] } } };
  const meQuery = "{ me { id organization { id offerings { id } } } }";
  const { me } = await gql<Me>(worker, meQuery);
  const { me: partner } = await gql<Me>(kredietbank, meQuery);
  const offeringId = partner.organization.offerings[0]!.id;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(
    new Date(),
  );

  async function caseWithReferral(displayName: string, postcodeArea: string, question: string) {
    const { openCase } = await gql<{ openCase: { id: string; client: { id: string } } }>(
      worker,
      "mutation ($input: OpenCaseInput!) { openCase(input: $input) { id client { id } } }",
      {
        input: {
          client: { displayName, birthYear: 1984, postcodeArea, contactPreferences: ["WHATSAPP"] },
          phase: "ONTWIKKELING",
          role: "Wijkteam",
        },
      },
    );
    const { recordConsent } = await gql<{ recordConsent: { id: string } }>(
      worker,
      "mutation ($clientId: ID!, $input: ConsentInput!) { recordConsent(clientId: $clientId, input: $input) { id } }",
      {
        clientId: openCase.client.id,
        input: {
          recipientOrganizationIds: [partner.organization.id],
          purpose: "Warme overdracht voor schuldregeling",
          dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
          method: "SCHRIFTELIJK",
          givenOn: today,
          validUntil: "2099-12-31",
        },
      },
    );
    const { startReferral } = await gql<{ startReferral: { id: string } }>(
      worker,
      "mutation ($input: StartReferralInput!) { startReferral(input: $input) { id } }",
      {
        input: {
          caseId: openCase.id,
          offeringId,
          question,
          handoverSummary: "Drie maanden huurachterstand, vaste baan, wil graag verder.",
          lifeDomains: ["FINANCIEN", "WONEN"],
          contactPreferences: ["WHATSAPP"],
          consentId: recordConsent.id,
        },
      },
    );
    await gql(
      worker,
      "mutation ($input: ReferralTransitionInput!) { transitionReferral(input: $input) { state } }",
      { input: { referralId: startReferral.id, to: "SENT" } },
    );
    return { caseId: openCase.id, referralId: startReferral.id };
  }

  const shown = await caseWithReferral("K. Jansen", "6821", "Schuldregeling na huurachterstand");
  await gql(
    kredietbank,
    "mutation ($input: ReferralTransitionInput!) { transitionReferral(input: $input) { state } }",
    { input: { referralId: shown.referralId, to: "ACCEPTED" } },
  );
  const threeMonthsAgo = new Date(Date.now() - 90 * 86_400_000);
  await gql(
    worker,
    "mutation ($input: CreateNazorgPlanInput!) { createNazorgPlan(input: $input) { id } }",
    {
      input: {
        caseId: shown.caseId,
        trajectoryEndedOn: threeMonthsAgo.toISOString().slice(0, 10),
        responsibleOrganizationId: me.organization.id,
        responsibleUserId: me.id,
        paletteLevel: "A7",
      },
    },
  );
  await caseWithReferral("M. Yilmaz", "6825", "Budgetcoaching na een nieuwe achterstand");
  await caseWithReferral("A. de Boer", "6814", "Hulp bij een betalingsregeling");
  return { caseId: shown.caseId, offeringId, kredietbankId: partner.organization.id };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
