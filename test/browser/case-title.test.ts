import { describe, expect, inject, it } from "vitest";
import { dutchPage, useBrowser } from "../support/browser.js";
import { testPassword, uniqueWord } from "../support/factories.js";
import { openCase } from "../support/nazorg.js";
import { loggedInUser } from "../support/session.js";

const browser = useBrowser();

describe("a case page in the browser's tab", () => {
  it("names the case by its reference, never the client: the title lands in the history", async () => {
    const worker = await loggedInUser();
    const clientName = `T. ${uniqueWord()}`;
    const { caseId } = await openCase(worker.headers, clientName);
    const page = await dutchPage(browser(), { email: worker.email, password: testPassword });
    await page.goto(`${inject("baseUrl")}/casussen/${caseId}`);

    const reference = caseId.slice(0, 8).toUpperCase();
    await expect.poll(() => page.title()).toBe(`Casus ${reference} – Ketenkaart`);
    // The page itself names the client, and the reference beside the phase.
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Casus ${clientName}`);
    expect(await page.locator(".kk-lead").textContent()).toContain(`Kenmerk: ${reference}`);
    expect(await page.title()).not.toContain(clientName);
  });
});
