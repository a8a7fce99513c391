import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { graphql } from "../support/api.js";
import { dutchPage, expectAccessible, openPage, useBrowser } from "../support/browser.js";
import { database, testPassword } from "../support/factories.js";
import { referralChain } from "../support/scenarios.js";

const browser = useBrowser();

/**
 * Waits until the page's subscription is live on the server: a probe notification, as any
 * instance could send, is repeated until the page says it updated itself.
 */
async function whenLive(page: Page, organizationId: string): Promise<void> {
  const db = await database();
  const status = page.getByRole("status").filter({ hasText: /^Bijgewerkt om \d\d:\d\d$/ });
  await expect
    .poll(
      async () => {
        await db.query("SELECT pg_notify('ketenkaart_changes', $1)", [
          JSON.stringify({ kind: "RESYNC", organizationIds: [organizationId] }),
        ]);
        return status.isVisible();
      },
      { interval: 250 },
    )
    .toBe(true);
}

describe("the inbox and the dashboard update themselves", () => {
  it("show a referral a partner sends, without a reload", async () => {
    const { sender, receiver, referral } = await referralChain<{ id: string }>("id");
    const [{ email }] = (await (
      await database()
    ).query("SELECT email FROM app_user WHERE id = $1", [receiver.id])) as [{ email: string }];

    // The receiver has the inbox open in one tab and the dashboard in another.
    const inbox = await dutchPage(browser(), { email, password: testPassword });
    await openPage(inbox, "/overdrachten");
    await inbox.getByRole("heading", { level: 2, name: "Inkomend (0)" }).waitFor();
    const dashboard = await inbox.context().newPage();
    await dashboard.goto(`${inject("baseUrl")}/dashboard`);
    const waiting = dashboard
      .getByRole("navigation", { name: "Aantallen" })
      .getByRole("link", { name: /overdrachten wachten op ons/ });
    await expect.poll(() => waiting.textContent()).toBe("0 overdrachten wachten op ons");
    await whenLive(inbox, receiver.organizationId);
    await whenLive(dashboard, receiver.organizationId);
    // Gone after a reload: proof that what follows came in without one.
    for (const page of [inbox, dashboard]) {
      await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    }

    const sent = await graphql<{ transitionReferral: { state: string } }>(
      `
        mutation ($input: ReferralTransitionInput!) {
          transitionReferral(input: $input) {
            state
          }
        }
      `,
      { input: { referralId: referral.id, to: "SENT" } },
      sender.headers,
    );
    expect(sent.data?.transitionReferral.state).toBe("SENT");

    await inbox.getByRole("heading", { level: 2, name: "Inkomend (1)" }).waitFor();
    await expect
      .poll(() => inbox.getByRole("heading", { level: 3, name: /^Schuldregeling — van / }).count())
      .toBe(1);
    await expect.poll(() => waiting.textContent()).toBe("1 overdrachten wachten op ons");
    for (const page of [inbox, dashboard]) {
      expect(
        await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
      ).toBe(true);
      await expect
        .poll(() =>
          page
            .getByRole("status")
            .filter({ hasText: /^Bijgewerkt om / })
            .count(),
        )
        .toBe(1);
      await expectAccessible(page);
    }
    await inbox.context().close();
  });
});
