import { describe, expect, inject, it } from "vitest";
import { dutchPage, expectAccessible, useBrowser, logIn } from "../support/browser.js";
import { buildUser, database, testPassword } from "../support/factories.js";

const browser = useBrowser();

/** Moves the end of the user's (only) session, as time passing would. */
async function sessionEndsIn(userId: string, interval: string) {
  const db = await database();
  await db.query(
    `UPDATE user_session SET expires_at = now() + $2::interval
      WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId, interval],
  );
}

describe("the session's end, in a browser", () => {
  it("warns before it ends, 'Ingelogd blijven' extends it; once ended, the next action asks to log in and comes back", async () => {
    const user = await buildUser();
    const page = await dutchPage(browser());
    await logIn(page, user.email, testPassword);

    // Four minutes left: within the warning time of five.
    await sessionEndsIn(user.id, "4 minutes");
    await page.goto(`${inject("baseUrl")}/casussen`);
    const warning = page.getByRole("alertdialog", { name: /^Uw sessie verloopt over 4 minuten$/ });
    await warning.waitFor();
    await expectAccessible(page);
    const stay = warning.getByRole("button", { name: "Ingelogd blijven" });
    expect(await stay.evaluate((element) => element === document.activeElement)).toBe(true);
    await stay.click();
    await warning.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .getByText(/^U blijft ingelogd tot \d{2}:\d{2}\.$/)
      .waitFor();
    const db = await database();
    const [{ left }] = (await db.query(
      `SELECT extract(epoch FROM expires_at - now()) / 3600 AS left
         FROM user_session WHERE user_id = $1 AND revoked_at IS NULL`,
      [user.id],
    )) as [{ left: number }];
    expect(Number(left)).toBeGreaterThan(9.9);

    // The session ends without the page knowing; the next action leads to the login page.
    await sessionEndsIn(user.id, "-1 second");
    await page.getByText("Nieuwe casus").click();
    await page.getByLabel("Naam of initialen").fill("Na Verloop");
    await page.getByRole("button", { name: "Casus openen" }).click();
    await page.waitForURL((url) => url.pathname === "/inloggen");
    expect(new URL(page.url()).searchParams.get("terug")).toBe("/casussen");
    await page
      .getByText("Uw sessie is verlopen. Log opnieuw in, dan gaat u verder waar u was.")
      .waitFor();
    await expectAccessible(page);

    await page.getByLabel("E-mailadres").fill(user.email);
    await page.getByLabel("Wachtwoord").fill(testPassword);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn casussen" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/casussen");
  });

  it("says so when the session has ended while the page stood open", async () => {
    const user = await buildUser();
    const page = await dutchPage(browser());
    await page.clock.install();
    await logIn(page, user.email, testPassword);
    await sessionEndsIn(user.id, "6 minutes");
    await page.goto(`${inject("baseUrl")}/casussen`);
    await page.getByRole("heading", { level: 1, name: "Mijn casussen" }).waitFor();
    const warning = page.getByRole("alertdialog");
    expect(await warning.isVisible()).toBe(false);

    // Two minutes on: the warning; seven minutes on: ended, with the way back.
    await page.clock.runFor("02:00");
    await page
      .getByRole("alertdialog", { name: /^Uw sessie verloopt over [45] minuten$/ })
      .waitFor();
    await page.clock.runFor("05:00");
    const ended = page.getByRole("alertdialog", { name: "Uw sessie is verlopen" });
    await ended.waitFor();
    await ended.getByRole("button", { name: "Opnieuw inloggen" }).click();
    await page.waitForURL((url) => url.pathname === "/inloggen");
    expect(new URL(page.url()).searchParams.get("terug")).toBe("/casussen");
  });
});
