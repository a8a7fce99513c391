import { daysAgo } from "../support/calendar.js";
import { describe, expect, it } from "vitest";
import { dutchPage, expectAccessible, openPage, useBrowser } from "../support/browser.js";
import { buildOffering, buildUser, testPassword, uniqueWord } from "../support/factories.js";
import { Role } from "../../server/auth/role.js";

const browser = useBrowser();

describe("a partner keeps its offerings actual in a browser", () => {
  it("sees a stale offering flagged, confirms it with 'Nog actueel', and the flag is gone", async () => {
    const partner = await buildUser({ roles: [Role.MEDEWERKER, Role.BEHEERDER] });
    const title = `Thuisadministratie ${uniqueWord()}`;
    await buildOffering({
      organizationId: partner.organizationId,
      title,
      lastVerifiedAt: daysAgo(250),
    });

    const page = await dutchPage(browser(), { email: partner.email, password: testPassword });
    await openPage(page, "/ons-aanbod");
    await page.getByRole("heading", { level: 1, name: "Ons aanbod" }).waitFor();

    const check = page.getByRole("region", { name: "Controleer uw aanbod" });
    await check.getByRole("link", { name: title }).waitFor();
    expect(await page.getByText("Niet recent gecontroleerd").count()).toBe(1);
    await expectAccessible(page);

    await check.getByRole("button", { name: `Nog actueel voor ${title}` }).click();
    await expect
      .poll(() => check.getByRole("status").textContent())
      .toContain(`${title} is bevestigd als actueel.`);
    expect(await check.getByRole("link", { name: title }).count()).toBe(0);
    await expect.poll(() => page.getByText("Niet recent gecontroleerd").count()).toBe(0);
    await expectAccessible(page);
  });

  it("finds the stale offering on the dashboard too, and confirms it there", async () => {
    const partner = await buildUser({ roles: [Role.MEDEWERKER] });
    const title = `Budgetcursus ${uniqueWord()}`;
    await buildOffering({
      organizationId: partner.organizationId,
      title,
      lastVerifiedAt: daysAgo(200),
    });
    const page = await dutchPage(browser(), { email: partner.email, password: testPassword });
    await openPage(page, "/dashboard");
    const card = page.getByRole("link", { name: /aanbod niet gecontroleerd/ });
    await expect.poll(() => card.textContent()).toBe("1 aanbod niet gecontroleerd");
    await card.click();
    const check = page.getByRole("region", { name: "Controleer uw aanbod" });
    await check.getByRole("button", { name: `Nog actueel voor ${title}` }).click();
    await expect.poll(() => card.textContent()).toBe("0 aanbod niet gecontroleerd");
    await expectAccessible(page);
  });
});
