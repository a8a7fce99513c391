import { demoAccounts, demoPassword } from "../support/demo.js";
import { daysFromToday, today } from "../support/calendar.js";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { routePaths, type RouteName } from "../../client/src/routePaths.js";
import { graphql } from "../support/api.js";
import {
  expectAccessible,
  expectKeyboardUsable,
  expectNoHorizontalScroll,
  useBrowser,
  logIn,
  openPage,
} from "../support/browser.js";
import { createPlan, openCase } from "../support/nazorg.js";
import { sessionHeaders } from "../support/session.js";

// Every kind of user of the demo region (seeds/demo-region/users.json, README).
const users = {
  anonymous: null,
  wijkteamWorker: demoAccounts.wijkteamWorker,
  beheerder: demoAccounts.beheerder,
  partnerWorker: demoAccounts.partnerWorker,
  coordinator: demoAccounts.coordinator,
  regionalAdministrator: demoAccounts.regionalAdministrator,
} as const;
type UserKind = keyof typeof users;

interface DemoData {
  caseId: string;
  kredietbankId: string;
  kredietbankOfferingId: string;
  /** An offering of the user's own organisation, for the offering editor. */
  ownOfferingId: Partial<Record<UserKind, string>>;
}

/**
 * How to reach every route with real data. Typed by `RouteName`, so a new route in
 * client/src/routePaths.ts does not compile until it has a visit here.
 */
const visits: Record<RouteName, (data: DemoData, user: UserKind) => string> = {
  search: () => "/?q=schulden",
  offering: (data) => `/aanbod/${data.kredietbankOfferingId}`,
  organization: (data) => `/organisaties/${data.kredietbankId}`,
  referralWizard: (data) => `/aanbod/${data.kredietbankOfferingId}/verwijzen`,
  myOrganization: () => "/ons-aanbod",
  offeringEditor: (data, user) => `/ons-aanbod/${data.ownOfferingId[user] ?? "nieuw"}`,
  organizationEditor: () => "/onze-organisatie",
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
  notFound: () => "/deze-pagina-bestaat-niet",
};
const routeNames = Object.keys(routePaths) as RouteName[];
const publicRoutes = routeNames.filter((name) => routePaths[name].access === "public");
const loginRoutes = routeNames.filter((name) => routePaths[name].access === "login");

/**
 * Who opens which route. A visitor opens every public page, and one page for professionals
 * (they all show the same "Inloggen nodig"); the wijkteam worker every page for professionals
 * and the search (the public pages differ for them only in the menu); the other roles the pages
 * their role changes. Every page as every user would take a large part of the suite's time.
 */
const routesOf: Record<UserKind, RouteName[]> = {
  anonymous: [...publicRoutes, "dashboard"],
  wijkteamWorker: ["search", ...loginRoutes],
  beheerder: ["dashboard", "myOrganization", "offeringEditor", "organizationEditor", "case"],
  partnerWorker: ["dashboard", "referrals", "case", "offering"],
  coordinator: ["dashboard", "nazorgMap", "myOrganization", "offeringEditor"],
  regionalAdministrator: ["dashboard", "nazorgMap", "openReferral", "organizationEditor"],
};

/** Whether a visited path is one the route's pattern matches (":id" is one segment). */
function matches(pattern: string, path: string): boolean {
  if (pattern === "*") return true;
  const regex = new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, "[^/]+")}$`);
  return regex.test(path.split("?")[0]!);
}

// The nazorg map's matrix makes axe slow on a busy machine.
const slowPage = 90_000;

const browser = useBrowser();
let data: DemoData;
const contexts = new Map<string, BrowserContext>();
const visited = new Set<RouteName>();

beforeAll(async () => {
  data = await demoData();
});

/** One logged-in browser context per user and viewport, shared by that user's pages. */
async function pageFor(user: UserKind, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const key = `${user}@${viewport.width}`;
  let context = contexts.get(key);
  if (!context) {
    context = await browser().newContext({
      locale: "nl-NL",
      timezoneId: "Europe/Amsterdam",
      viewport,
    });
    contexts.set(key, context);
    const email = users[user];
    if (email) await logIn(await context.newPage(), email);
  }
  const pages = context.pages();
  return pages[0] ?? context.newPage();
}

describe.each(Object.keys(users) as UserKind[])("every route, as %s", (user) => {
  it.each(routesOf[user])(
    "%s has no WCAG A/AA violation",
    async (name) => {
      const path = visits[name](data, user);
      expect(matches(routePaths[name].path, path)).toBe(true);
      const page = await pageFor(user);
      await openPage(page, path);
      await expectAccessible(page);
      visited.add(name);
    },
    slowPage,
  );
});

// On a phone and by keyboard: what a visitor can open, and every page of the worker on a home visit.
const phoneAndKeyboard = [
  ["anonymous", publicRoutes],
  ["wijkteamWorker", routesOf.wijkteamWorker],
] as const;

describe.each(phoneAndKeyboard)("on a 360 px phone screen, as %s", (user, names) => {
  it.each(names)(
    "%s fits the width and has no violation",
    async (name) => {
      const page = await pageFor(user, { width: 360, height: 740 });
      await openPage(page, visits[name](data, user));
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
    },
    slowPage,
  );
});

describe.each(phoneAndKeyboard)("by keyboard, as %s", (user, names) => {
  it.each(names)(
    "%s: skip link first, focus always visible",
    async (name) => {
      const page = await pageFor(user);
      await openPage(page, visits[name](data, user));
      await expectKeyboardUsable(page);
    },
    slowPage,
  );
});

describe("the footer", () => {
  it("links to the privacy page and to the accessibility statement after the Dutch model", async () => {
    const page = await pageFor("anonymous");
    await openPage(page, "/");
    const footer = page.getByRole("contentinfo");
    expect(await footer.getByRole("link", { name: /Privacy/ }).isVisible()).toBe(true);
    await footer.getByRole("link", { name: "Toegankelijkheidsverklaring" }).click();

    const main = page.getByRole("main");
    await main.getByRole("heading", { level: 1, name: "Toegankelijkheidsverklaring" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/toegankelijkheid");
    // The model statement's parts: status, what was tested and how, limitations, contact.
    for (const heading of [/^Status/, /getest/, /werkt nog niet/, /probleem/]) {
      expect(await main.getByRole("heading", { level: 2, name: heading }).isVisible()).toBe(true);
    }
    expect(await main.textContent()).toContain("WCAG 2.2");
    // Problems go to the demo region's administrator (README).
    await main.getByRole("link", { name: "Stadsloket Geldzaken Arnhem" }).waitFor();
  });
});

describe("the route table", () => {
  it("has every route visited by the tests above", () => {
    expect(routeNames.filter((name) => !visited.has(name))).toEqual([]);
  });
});

/**
 * Real ids from the demo region, and a case of the wijkteam with regie, a nazorg plan, the
 * client's consent and a referral to the kredietbank (so the inbox and case page have content).
 */
async function demoData(): Promise<DemoData> {
  const headers = Object.fromEntries(
    await Promise.all(
      (Object.entries(users) as [UserKind, string | null][])
        .filter((entry): entry is [UserKind, string] => entry[1] !== null)
        .map(async ([kind, email]) => [kind, await sessionHeaders(email, demoPassword)] as const),
    ),
  ) as Record<Exclude<UserKind, "anonymous">, Record<string, string>>;

  const ownOfferingId: DemoData["ownOfferingId"] = {};
  const me: Partial<Record<UserKind, { id: string; organization: { id: string } }>> = {};
  for (const [kind, userHeaders] of Object.entries(headers) as [
    UserKind,
    Record<string, string>,
  ][]) {
    const result = await graphql<{
      me: { id: string; organization: { id: string; offerings: { id: string }[] } };
    }>(
      `
        {
          me {
            id
            organization {
              id
              offerings {
                id
              }
            }
          }
        }
      `,
      {},
      userHeaders,
    );
    me[kind] = result.data!.me;
    ownOfferingId[kind] = result.data!.me.organization.offerings[0]?.id;
  }
  const kredietbankId = me.partnerWorker!.organization.id;
  const kredietbankOfferingId = ownOfferingId.partnerWorker!;

  const worker = headers.wijkteamWorker;
  const { caseId, clientId } = await openCase(worker, "J. de Wit");
  const plan = await createPlan(worker, {
    caseId,
    trajectoryEndedOn: daysFromToday(-2),
    responsibleOrganizationId: me.wijkteamWorker!.organization.id,
    responsibleUserId: me.wijkteamWorker!.id,
    paletteLevel: "A7",
  });
  if (!plan.data) throw new Error(JSON.stringify(plan.errors));
  const consent = await graphql<{ recordConsent: { id: string } }>(
    `
      mutation ($clientId: ID!, $input: ConsentInput!) {
        recordConsent(clientId: $clientId, input: $input) {
          id
        }
      }
    `,
    {
      clientId,
      input: {
        recipientOrganizationIds: [kredietbankId],
        purpose: "Warme overdracht voor schuldregeling",
        dataCategories: ["CONTACTGEGEVENS", "HULPVRAAG"],
        method: "SCHRIFTELIJK",
        givenOn: today(),
        validUntil: "2099-12-31",
      },
    },
    worker,
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
        offeringId: kredietbankOfferingId,
        question: "Schuldregeling na huurachterstand",
        handoverSummary: "Drie maanden huurachterstand, vaste baan, wil graag verder.",
        lifeDomains: ["FINANCIEN"],
        contactPreferences: ["TELEFOON"],
        consentId: consent.data!.recordConsent.id,
      },
    },
    worker,
  );
  const sent = await graphql<{ transitionReferral: { state: string } }>(
    `
      mutation ($input: ReferralTransitionInput!) {
        transitionReferral(input: $input) {
          state
        }
      }
    `,
    { input: { referralId: started.data!.startReferral.id, to: "SENT" } },
    worker,
  );
  if (sent.data?.transitionReferral.state !== "SENT") throw new Error(JSON.stringify(sent));
  return { caseId, kredietbankId, kredietbankOfferingId, ownOfferingId };
}
