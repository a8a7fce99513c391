import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { routePaths, type RouteName } from "../../client/src/routePaths.js";
import { graphql } from "./api.js";
import {
  desktop,
  dutchPage,
  expectAccessible,
  expectKeyboardUsable,
  expectNoHorizontalScroll,
  openPage,
  phone,
  useBrowser,
} from "./browser.js";
import { daysFromToday } from "./calendar.js";
import { demoAccounts, demoPassword } from "./demo.js";
import { createPlan, openCase } from "./nazorg.js";
import { consentAndReferral } from "./scenarios.js";
import { sessionHeaders } from "./session.js";

// Every route of the web client (client/src/routePaths.ts) opened with real demo data, as a
// visitor and as each kind of demo user, by the files in test/browser/routes/.

export type UserKind = "anonymous" | Exclude<keyof typeof demoAccounts, "stadsloketWorker">;

interface DemoData {
  caseId: string;
  kredietbankId: string;
  kredietbankOfferingId: string;
  /** An offering of the user's own organisation, for the offering editor. */
  ownOfferingId?: string;
}

/**
 * How to reach every route with real data. Typed by `RouteName`, so a new route in
 * client/src/routePaths.ts does not compile until it has a visit here.
 */
const visits: Record<RouteName, (data: DemoData) => string> = {
  search: () => "/?q=schulden",
  offering: (data) => `/aanbod/${data.kredietbankOfferingId}`,
  organization: (data) => `/organisaties/${data.kredietbankId}`,
  referralWizard: (data) => `/aanbod/${data.kredietbankOfferingId}/verwijzen`,
  myOrganization: () => "/ons-aanbod",
  offeringEditor: (data) => `/ons-aanbod/${data.ownOfferingId ?? "nieuw"}`,
  organizationEditor: () => "/onze-organisatie",
  accounts: () => "/onze-organisatie/medewerkers",
  onboardPartner: () => "/ketenpartners/nieuw",
  invitation: () => "/uitnodiging",
  forgotPassword: () => "/wachtwoord-vergeten",
  passwordReset: () => "/nieuw-wachtwoord",
  login: () => "/inloggen",
  openReferral: () => "/open-referral",
  privacy: () => "/privacy",
  accessibility: () => "/toegankelijkheid",
  dashboard: () => "/dashboard",
  cases: () => "/casussen",
  case: (data) => `/casussen/${data.caseId}`,
  referrals: () => "/overdrachten",
  myAgreements: () => "/afspraken",
  nazorgMap: () => "/nazorgkaart",
  notifications: () => "/meldingen",
  myAccount: () => "/mijn-account",
  notFound: () => "/deze-pagina-bestaat-niet",
};
export const routeNames = Object.keys(routePaths) as RouteName[];
export const publicRoutes = routeNames.filter((name) => routePaths[name].access === "public");
const loginRoutes = routeNames.filter((name) => routePaths[name].access === "login");

/**
 * Who opens which route. A visitor opens every public page, and one page for professionals
 * (they all show the same "Inloggen nodig"); the wijkteam worker every page for professionals
 * and the search (the public pages differ for them only in the menu), in two halves that run
 * side by side; the other roles the pages their role changes.
 */
export const routesOf = {
  anonymous: [...publicRoutes, "dashboard"],
  wijkteamWorker: ["search", ...loginRoutes],
  beheerder: [
    "dashboard",
    "myOrganization",
    "offeringEditor",
    "organizationEditor",
    "accounts",
    "case",
  ],
  partnerWorker: ["dashboard", "referrals", "case", "offering"],
  coordinator: ["dashboard", "nazorgMap", "myOrganization", "offeringEditor"],
  regionalAdministrator: [
    "dashboard",
    "nazorgMap",
    "openReferral",
    "organizationEditor",
    "onboardPartner",
  ],
} satisfies Record<UserKind, RouteName[]>;

/** Whether a visited path is one the route's pattern matches (":id" is one segment). */
function matches(pattern: string, path: string): boolean {
  if (pattern === "*") return true;
  const regex = new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, "[^/]+")}$`);
  return regex.test(path.split("?")[0]!);
}

/**
 * A test per route for one user: no WCAG 2.0, 2.1 or 2.2 A or AA violation at 1280 px and, with
 * `phoneAndKeyboard`, also at 360 px (where no page may scroll sideways) and by keyboard (the
 * skip link first, focus always visible).
 */
export function describeRoutes(
  user: UserKind,
  names: RouteName[],
  options: { phoneAndKeyboard: boolean },
): void {
  describe(`every route, as ${user}`, () => {
    const browser = useBrowser();
    let data: DemoData;
    const contexts = new Map<string, BrowserContext>();

    beforeAll(async () => {
      data = await demoData(user);
    });

    /** One browser context per viewport, logged in as the user, shared by the user's pages. */
    async function pageFor(viewport: typeof desktop): Promise<Page> {
      const context = contexts.get(`${viewport.width}`);
      if (context) return context.pages()[0]!;
      const email = user === "anonymous" ? undefined : demoAccounts[user];
      const page = await dutchPage(browser(), { email, viewport });
      contexts.set(`${viewport.width}`, page.context());
      return page;
    }

    const checks = options.phoneAndKeyboard ? ", at 360 px and by keyboard" : "";

    it.each(names)(`%s has no WCAG A/AA violation${checks}`, async (name) => {
      const path = visits[name](data);
      expect(matches(routePaths[name].path, path)).toBe(true);
      const page = await pageFor(desktop);
      await openPage(page, path);
      // The keyboard first, from the page as it loaded: axe moves the focus's starting point.
      if (options.phoneAndKeyboard) await expectKeyboardUsable(page);
      await expectAccessible(page);
      if (!options.phoneAndKeyboard) return;
      const small = await pageFor(phone);
      await openPage(small, path);
      await expectNoHorizontalScroll(small);
      await expectAccessible(small);
    });
  });
}

/**
 * Real ids from the demo region, and (for a logged-in user) a case of the wijkteam with regie, a
 * nazorg plan, the client's consent and a referral sent to the kredietbank, so the inbox and the
 * case page have content.
 */
async function demoData(user: UserKind): Promise<DemoData> {
  const worker = await sessionHeaders(demoAccounts.wijkteamWorker, demoPassword);
  const partner = await whoAmI(await sessionHeaders(demoAccounts.partnerWorker, demoPassword));
  const kredietbankOfferingId = partner.organization.offerings[0]!.id;
  const own =
    user === "anonymous"
      ? undefined
      : await whoAmI(await sessionHeaders(demoAccounts[user], demoPassword));
  const base = {
    kredietbankId: partner.organization.id,
    kredietbankOfferingId,
    ownOfferingId: own?.organization.offerings[0]?.id,
  };
  if (user === "anonymous") return { ...base, caseId: "" };

  const wijkteam = await whoAmI(worker);
  const { caseId, clientId } = await openCase(worker, "J. de Wit");
  const plan = await createPlan(worker, {
    caseId,
    trajectoryEndedOn: daysFromToday(-2),
    responsibleOrganizationId: wijkteam.organization.id,
    responsibleUserId: wijkteam.id,
    paletteLevel: "A7",
  });
  if (!plan.data) throw new Error(JSON.stringify(plan.errors));
  const referral = await consentAndReferral(worker, {
    clientId,
    caseId,
    offeringId: kredietbankOfferingId,
    recipientOrganizationId: partner.organization.id,
  });
  await referral.send();
  return { ...base, caseId };
}

async function whoAmI(headers: Record<string, string>) {
  const result = await graphql<{
    me: { id: string; organization: { id: string; offerings: { id: string }[] } };
  }>("{ me { id organization { id offerings { id } } } }", {}, headers);
  return result.data!.me;
}
