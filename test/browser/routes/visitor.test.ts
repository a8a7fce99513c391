import { describe, expect, it } from "vitest";
import { desktop, dutchPage, openPage, useBrowser } from "../../support/browser.js";
import { describeRoutes, publicRoutes, routeNames, routesOf } from "../../support/routes.js";

describeRoutes("anonymous", routesOf.anonymous, { phoneAndKeyboard: true });

describe("the route table", () => {
  it("has every route opened by one of the users", () => {
    const opened = new Set(Object.values(routesOf).flat());
    expect(routeNames.filter((name) => !opened.has(name))).toEqual([]);
    expect(publicRoutes.every((name) => routesOf.anonymous.includes(name))).toBe(true);
  });
});

const browser = useBrowser();

describe("the footer", () => {
  it("links to the privacy page and to the accessibility statement after the Dutch model", async () => {
    const page = await dutchPage(browser(), { viewport: desktop });
    await openPage(page, "/");
    const footer = page.getByRole("contentinfo");
    expect(await footer.getByRole("link", { name: /Privacy/ }).isVisible()).toBe(true);
    await footer.getByRole("link", { name: "Toegankelijkheidsverklaring" }).click();

    const main = page.getByRole("main");
    await main.getByRole("heading", { level: 1, name: "Toegankelijkheidsverklaring" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/toegankelijkheid");
    // The model statement's parts: status, what was tested and how, limitations, contact.
    for (const heading of [/^Status/, /getest/, /werkt nog niet/, /probleem/]) {
      expect(await main.getByRole("heading", { level: 2, name: heading }).isVisible()).toBe(true);
    }
    expect(await main.textContent()).toContain("WCAG 2.2");
    // Problems go to the demo region's administrator (README).
    await main.getByRole("link", { name: "Stadsloket Geldzaken Arnhem" }).waitFor();
  });
});
