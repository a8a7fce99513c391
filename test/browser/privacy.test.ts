import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { dutchPage, expectAccessible, useBrowser } from "../support/browser.js";

const browser = useBrowser();

describe("the privacy page in a browser", () => {
  it("is reached from the footer without logging in and says what is kept, for how long and whom to ask", async () => {
    const page = await dutchPage(browser());
    await page.goto(`${inject("baseUrl")}/`);
    await page
      .getByRole("contentinfo")
      .getByRole("link", { name: /Privacy/ })
      .click();

    const main = page.getByRole("main");
    await main
      .getByRole("heading", { level: 1, name: "Privacy: wat Ketenkaart over u bewaart" })
      .waitFor();
    expect(page.url()).toMatch(/\/privacy$/);
    expect(await main.textContent()).toContain("geen BSN");
    // The term comes from the server's configuration (RETENTION_CLOSED_CASE_MONTHS, 24 here).
    expect(await main.getByRole("region", { name: /Hoe lang/ }).textContent()).toContain(
      "24 maanden",
    );
    // What withdrawing a consent means, for the inwoner.
    expect(await main.getByRole("region", { name: "Toestemming intrekken" }).textContent()).toMatch(
      /ziet die organisatie uw gegevens niet meer.*alleen nog afsluiten/s,
    );
    // The demo region's administrator (README) is named, with a link to their organisation.
    await main.getByRole("link", { name: "Stadsloket Geldzaken Arnhem" }).waitFor();
    await expectAccessible(page);
  });
});
