import { describe, expect, inject, it } from "vitest";
import { dutchPage, expectAccessible, useBrowser } from "../support/browser.js";
import { testPassword } from "../support/factories.js";
import { referralChain, transitionReferral } from "../support/scenarios.js";

const browser = useBrowser();

// Organisations of their own, so no other test sees this referral in its inbox.
describe("withdrawing a consent in a browser", () => {
  it("the team sees who lost access; the receiver can only close its referral, without the question", async () => {
    const { sender, receiver, caseId, referral } = await referralChain<{ id: string }>("id");
    await transitionReferral(sender.headers, referral.id, "SENT");
    await transitionReferral(receiver.headers, referral.id, "ACCEPTED");
    await transitionReferral(receiver.headers, referral.id, "IN_PROGRESS");

    // The wijkteam worker withdraws the consent on the case page, as the client asked.
    const wijkteam = await dutchPage(browser(), { email: sender.email, password: testPassword });
    await wijkteam.goto(`${inject("baseUrl")}/casussen/${caseId}`);
    await wijkteam.getByRole("heading", { level: 1, name: "Casus M. Yilmaz" }).waitFor();
    await wijkteam.getByRole("button", { name: "Intrekken" }).click();
    const alert = wijkteam.getByRole("status").filter({ hasText: "Toestemming geldt niet meer" });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /De inwoner heeft de toestemming voor Kredietbank Testregio ingetrokken\..*ziet de inwoner en het verdere werk aan deze casus niet meer/,
    );
    const team = wijkteam.getByRole("region", { name: "Casusteam" });
    await expect
      .poll(() => team.getByText("Toestemming ingetrokken: ziet de casus niet meer").isVisible())
      .toBe(true);
    await expectAccessible(wijkteam);

    // The kredietbank's worker finds the referral without its question, and closes it.
    const kredietbank = await dutchPage(browser(), {
      email: receiver.email,
      password: testPassword,
    });
    await kredietbank.goto(`${inject("baseUrl")}/overdrachten`);
    const item = kredietbank.getByRole("article", { name: /Schuldregeling — van/ });
    await item.waitFor();
    await item.getByText("Niet meer gedeeld").waitFor();
    expect(await item.textContent()).toContain(
      "De inwoner heeft de toestemming voor uw organisatie ingetrokken.",
    );
    expect(await item.textContent()).not.toContain("Hulp bij een schuldregeling");
    expect(await item.getByRole("button").allTextContents()).toEqual([
      "Afronden…",
      "Niet gelukt…",
      "Annuleren…",
    ]);
    await expectAccessible(kredietbank);
    await item.getByRole("button", { name: "Afronden…" }).click();
    await item
      .getByLabel("Uitkomst, teruggemeld aan de verwijzer")
      .fill("Schuldregeling loopt; verder buiten Ketenkaart.");
    await item.getByRole("button", { name: "Afronden", exact: true }).click();
    await expect
      .poll(() => kredietbank.getByRole("article", { name: /Schuldregeling — van/ }).count())
      .toBe(0);

    // The case itself is closed to it.
    await kredietbank.goto(`${inject("baseUrl")}/casussen/${caseId}`);
    await kredietbank.getByRole("heading", { level: 1, name: "Casus niet gevonden" }).waitFor();
  });
});
