import { describe, expect, inject, it } from "vitest";
import { graphql } from "../support/api.js";
import { dutchPage, expectAccessible, openPage, useBrowser } from "../support/browser.js";
import { loggedInUser } from "../support/session.js";
import { testPassword } from "../support/factories.js";
import { referralChain } from "../support/scenarios.js";

const browser = useBrowser();

describe("e-mail notifications in a browser", () => {
  it("a worker switches the e-mails off under Meldingen, and the choice stays", async () => {
    const worker = await loggedInUser();
    const page = await dutchPage(browser(), { email: worker.email, password: testPassword });
    await openPage(page, "/dashboard");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Meldingen" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
    // The test server has no SMTP_URL: the page says so rather than promise mail.
    await page.getByText("verstuurt op dit moment geen e-mail").waitFor();
    const checkbox = page.getByLabel("Stuur mij een e-mail over verwijzingen");
    expect(await checkbox.isChecked()).toBe(true);
    await expectAccessible(page);

    await checkbox.uncheck();
    await page.getByRole("status").getByText("Uw keuze is opgeslagen.").waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
    expect(await page.getByLabel("Stuur mij een e-mail over verwijzingen").isChecked()).toBe(false);
    const settings = await graphql<{ notificationSettings: { emailNotifications: boolean } }>(
      "{ notificationSettings { emailNotifications } }",
      {},
      worker.headers,
    );
    expect(settings.data!.notificationSettings.emailNotifications).toBe(false);
    await page.close();
  });

  it("the link in an e-mail leads, after logging in, to that referral in the inbox", async () => {
    const { sender, receiver, referral } = await referralChain<{ id: string }>("id");
    const sent = await graphql(
      `
        mutation ($input: ReferralTransitionInput!) {
          transitionReferral(input: $input) {
            id
          }
        }
      `,
      { input: { referralId: referral.id, to: "SENT" } },
      sender.headers,
    );
    expect(sent.errors).toBeUndefined();

    const page = await dutchPage(browser());
    await page.goto(`${inject("baseUrl")}/overdrachten#overdracht-${referral.id}`);
    await page.getByRole("heading", { level: 1, name: "Inloggen nodig" }).waitFor();
    await page.getByRole("link", { name: "Log in" }).click();
    await page.getByLabel("E-mailadres").fill(receiver.email);
    await page.getByLabel("Wachtwoord").fill(testPassword);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Overdrachten" }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#overdracht-${referral.id}`);
    // The referral the mail was about has the focus, so the worker (and a screen reader) is there.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(`overdracht-${referral.id}`);
    await page.close();
  });
});
