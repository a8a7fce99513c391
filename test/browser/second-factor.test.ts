import { describe, expect, inject, it } from "vitest";
import { startInstance } from "../support/instance.js";
import {
  dutchPage,
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  phone,
  useBrowser,
} from "../support/browser.js";
import { testPassword } from "../support/factories.js";
import { authenticatorCode } from "../support/security-log.js";
import { loggedInUser } from "../support/session.js";
import { buildUser } from "../support/factories.js";

const browser = useBrowser();

describe("two-factor login in a browser", () => {
  it("a worker sets up the authenticator app on Mijn account, and then logs in with a code", async () => {
    const worker = await loggedInUser();
    const page = await dutchPage(browser(), { email: worker.email, password: testPassword });
    await openPage(page, "/mijn-account");
    await page.getByRole("button", { name: "Tweestapsverificatie instellen" }).click();
    await page.getByRole("img", { name: /QR-code/ }).waitFor();
    await expectAccessible(page);
    const secret = await page
      .getByRole("listitem")
      .filter({ hasText: "Scan deze QR-code" })
      .locator("code")
      .textContent();
    await page.getByLabel("Code uit de app").fill(await authenticatorCode(secret!));
    await page.getByRole("button", { name: "Bevestigen en aanzetten" }).click();
    const codes = page.getByRole("list", { name: "Herstelcodes" }).getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ik heb de codes bewaard" }).click();
    await page.getByText("U heeft nog 10 ongebruikte herstelcodes.").waitFor();

    // On the phone: the password first, then the page asks for the code.
    const phonePage = await dutchPage(browser(), { viewport: phone });
    await openPage(phonePage, "/inloggen");
    await phonePage.getByLabel("E-mailadres").fill(worker.email);
    await phonePage.getByLabel("Wachtwoord").fill(testPassword);
    await phonePage.getByRole("button", { name: "Inloggen" }).click();
    const code = phonePage.getByLabel("Code uit uw authenticator-app");
    await code.waitFor();
    await expectNoHorizontalScroll(phonePage);
    await expectAccessible(phonePage);
    await code.fill(await authenticatorCode(secret!, 1));
    await phonePage.getByRole("button", { name: "Inloggen" }).click();
    await phonePage.waitForURL(/\/dashboard$/);
  });

  it("where it is required, a worker without one sets it up right after the password, and goes on", async () => {
    const required = await startInstance({ SECOND_FACTOR_REQUIRED: "true" });
    try {
      const worker = await buildUser();
      const page = await dutchPage(browser(), { viewport: phone });
      await openPage(page, "/inloggen", required.baseUrl);
      await page.getByText("Tweestapsverificatie is hier verplicht").waitFor();
      await page.getByLabel("E-mailadres").fill(worker.email);
      await page.getByLabel("Wachtwoord").fill(testPassword);
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page
        .getByRole("heading", { level: 1, name: "Stel eerst tweestapsverificatie in" })
        .waitFor();
      await page.getByRole("button", { name: "Tweestapsverificatie instellen" }).click();
      await page.getByRole("img", { name: /QR-code/ }).waitFor();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      const secret = await page
        .getByRole("listitem")
        .filter({ hasText: "Scan deze QR-code" })
        .locator("code")
        .textContent();
      await page.getByLabel("Code uit de app").fill(await authenticatorCode(secret!));
      await page.getByRole("button", { name: "Bevestigen en aanzetten" }).click();
      await page.getByRole("button", { name: "Ik heb de codes bewaard" }).click();
      // On to the page the login leads to.
      await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/dashboard");
    } finally {
      await required.stop();
    }
  });

  it("a worker adds a passkey on Mijn account, and then logs in with it after the password", async () => {
    const worker = await buildUser();
    const site = inject("baseUrl");
    const page = await dutchPage(browser());
    // Chromium's virtual authenticator: a device with a fingerprint reader, always approved.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send("WebAuthn.enable");
    await devtools.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    const logInWithPassword = async () => {
      await openPage(page, "/inloggen", site);
      await page.getByLabel("E-mailadres").fill(worker.email);
      await page.getByLabel("Wachtwoord").fill(testPassword);
      await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    };
    await logInWithPassword();
    await page.waitForURL(/\/dashboard$/);
    await openPage(page, "/mijn-account", site);
    await page.getByLabel("Naam van de nieuwe passkey").fill("Laptop kantoor");
    await page.getByRole("button", { name: "Passkey toevoegen" }).click();
    // The account's first second factor comes with its recovery codes.
    const codes = page.getByRole("list", { name: "Herstelcodes" }).getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole("button", { name: "Ik heb de codes bewaard" }).click();
    await page.getByRole("list", { name: "Mijn passkeys" }).getByText("Laptop kantoor").waitFor();
    await expectAccessible(page);

    await page.context().clearCookies();
    await logInWithPassword();
    const withPasskey = page.getByRole("button", { name: "Inloggen met passkey" });
    await withPasskey.waitFor();
    await expectAccessible(page);
    await withPasskey.click();
    await page.waitForURL(/\/dashboard$/);
    await openPage(page, "/mijn-account", site);
    await page.getByText(/Laptop kantoor, toegevoegd .*, laatst gebruikt/).waitFor();
  });
});
