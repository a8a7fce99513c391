import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";

/** Debian's Chromium, headless, with the flags a closed network and running as root need. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page as a Dutch user sees it (axe-core needs a page from an explicit context). */
export async function dutchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  return context.newPage();
}

/** No WCAG 2.1 A or AA violation that axe-core can find. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** Demo accounts of the seeded region (README) share this password. */
export const demoPassword = "ketenkaart-demo";

/**
 * Logs in through the login page, as a worker would, and waits until the app has taken over:
 * on the dashboard, or on `returnTo` as when a page sent the worker to log in first.
 */
export async function logIn(
  page: Page,
  email: string,
  password = demoPassword,
  returnTo?: string,
): Promise<void> {
  const query = returnTo ? `?terug=${encodeURIComponent(returnTo)}` : "";
  await page.goto(`${inject("baseUrl")}/inloggen${query}`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => url.pathname !== "/inloggen");
}
