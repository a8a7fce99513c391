import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { dutchPage, expectAccessible, useBrowser } from "../support/browser.js";

const browser = useBrowser();
let page: Page;

beforeAll(async () => {
  page = await dutchPage(browser());
});

describe("the sociale kaart in a browser", () => {
  it("searches, narrows by postcode and opens an offering", async () => {
    await page.goto(inject("baseUrl"));
    await page.getByLabel("Zoek in het aanbod").fill("budgetcoaching");
    await page.getByLabel("Postcode").fill("6811 AB");
    await page.getByRole("button", { name: "Zoeken" }).click();

    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("budgetcoaching");
    const results = page.getByRole("article");
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(0);
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .getByText(/^\d+ resultaten?$/)
          .isVisible(),
      )
      .toBe(true);
    await expect
      .poll(() =>
        results
          .first()
          .getByText(/\d,\d km|In uw gemeente/)
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(page);

    const firstLink = results.first().getByRole("link").first();
    const title = (await firstLink.textContent())!.trim();
    await firstLink.click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    await expectAccessible(page);
  });

  it("restores a shared search from its URL", async () => {
    await page.goto(`${inject("baseUrl")}/?q=schulden&palet=A7`);
    await page.getByRole("article").first().waitFor();
    expect(await page.getByLabel("Zoek in het aanbod").inputValue()).toBe("schulden");
  });

  it("shows a Dutch message for an unknown postcode", async () => {
    await page.goto(`${inject("baseUrl")}/?postcode=9999`);
    await expect.poll(() => page.getByText(/9999/).first().isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/kennen we niet/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    // In the form's error summary, linked to the field, which is marked itself.
    const summary = page.getByRole("alert", { name: "Controleer het volgende" });
    await summary.getByRole("link", { name: /kennen we niet/ }).click();
    const postcode = page.getByLabel("Postcode");
    expect(await postcode.getAttribute("aria-invalid")).toBe("true");
    expect(await postcode.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});
