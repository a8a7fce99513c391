import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import { graphql } from "../support/api.js";
import {
  dutchPage,
  expectAccessible,
  expectKeyboardUsable,
  expectNoHorizontalScroll,
  openPage,
  phone,
  useBrowser,
} from "../support/browser.js";
import { testPassword, uniqueWord } from "../support/factories.js";
import { startTestIssuer, type TestIssuer } from "../support/openid-provider.js";
import { uniqueIp } from "../support/security-log.js";
import { loggedInUser } from "../support/session.js";

const browser = useBrowser();
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(async () => {
  await issuer?.stop();
});

/** A page of its own browser, seen by Ketenkaart from an address of its own. */
async function freshPage(options: Parameters<typeof dutchPage>[1] = {}) {
  const page = await dutchPage(browser(), options);
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  return page;
}

/** Logs in on the login page through the organisation, as `login` at the issuer. */
async function throughOrganization(
  page: Awaited<ReturnType<typeof freshPage>>,
  email: string,
  login: string,
) {
  await openPage(page, "/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Verder bij uw organisatie" }).click();
  await page.getByLabel("Gebruikersnaam bij de organisatie").fill(login);
  await page.getByRole("button", { name: "Aanmelden" }).click();
}

describe("single sign-on in a browser", () => {
  it("a beheerder connects the organisation's issuer; an invited colleague logs in through it", async () => {
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER, Role.MEDEWERKER] });
    const domain = `${uniqueWord()}.example`;
    const page = await freshPage({ email: beheerder.email, password: testPassword });
    await openPage(page, "/onze-organisatie/medewerkers");
    const section = page.getByRole("region", { name: "Inloggen via de organisatie" });
    await section.getByText("Nog niet ingesteld").waitFor();
    await section.getByLabel("Adres van de issuer").fill(issuer.issuer);
    await section.getByLabel("Client id").fill(issuer.clientId);
    await section.getByLabel("Client secret").fill(issuer.clientSecret);
    await section.getByLabel("E-maildomein").fill(domain);
    await section.getByRole("button", { name: "Koppeling opslaan" }).click();
    await section.getByRole("definition").filter({ hasText: domain }).waitFor();
    // Never shown again, not even in the field it was typed in.
    expect(await section.getByLabel("Client secret").inputValue()).toBe("");
    await expectAccessible(page);
    // The change is in the security log on the same page.
    await page.getByText("Inloggen via de organisatie ingesteld").first().waitFor();

    const login = uniqueWord();
    const email = `${login}@${domain}`;
    issuer.addAccount(login, { email });
    const invited = await graphql(
      `
        mutation ($input: InviteWorkerInput!) {
          inviteWorker(input: $input) {
            link
          }
        }
      `,
      {
        input: {
          organizationId: beheerder.organizationId,
          name: "Noor Bakker",
          email,
          roles: ["MEDEWERKER"],
        },
      },
      beheerder.headers,
    );
    expect(invited.errors).toBeUndefined();

    const colleague = await freshPage({ viewport: phone });
    await throughOrganization(colleague, email, login);
    await colleague.waitForURL((url) => url.pathname === "/dashboard");
    await colleague.getByRole("heading", { level: 1 }).waitFor();
    await expectNoHorizontalScroll(colleague);
  });

  it("someone without an account is sent back with a clear message, not told whether it exists", async () => {
    const beheerder = await loggedInUser({ roles: [Role.BEHEERDER] });
    const domain = `${uniqueWord()}.example`;
    const connected = await graphql(
      `
        mutation ($input: SetSingleSignOnInput!) {
          setSingleSignOn(input: $input) {
            issuer
          }
        }
      `,
      {
        input: {
          organizationId: beheerder.organizationId,
          issuer: issuer.issuer,
          openidClientId: issuer.clientId,
          clientSecret: issuer.clientSecret,
          emailDomain: domain,
        },
      },
      beheerder.headers,
    );
    expect(connected.errors).toBeUndefined();
    const login = uniqueWord();
    const email = `${login}@${domain}`;
    issuer.addAccount(login, { email });

    const page = await freshPage();
    await throughOrganization(page, email, login);
    await page.waitForURL((url) => url.pathname === "/inloggen" && url.search === "?sso=geweigerd");
    await page
      .getByRole("alert")
      .filter({ hasText: "Vraag de beheerder van uw organisatie om een uitnodiging." })
      .waitFor();
    await expectAccessible(page);
    await expectKeyboardUsable(page);

    // Without an address the button says what to do first.
    await openPage(page, "/inloggen");
    await page.getByRole("button", { name: "Verder bij uw organisatie" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Vul eerst hierboven uw e-mailadres in." })
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("login-email");
  });
});
