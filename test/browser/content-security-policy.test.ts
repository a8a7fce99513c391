import { demoAccounts } from "../support/demo.js";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { dutchPage, useBrowser, logIn } from "../support/browser.js";

const browser = useBrowser();

describe("the content security policy in a browser", () => {
  it("blocks nothing the app itself loads, on every page a worker visits", async () => {
    const page = await dutchPage(browser());
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${inject("baseUrl")}/`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await logIn(page, demoAccounts.regionalAdministrator);
    for (const path of [
      "/dashboard",
      "/casussen",
      "/overdrachten",
      "/afspraken",
      "/nazorgkaart",
      "/ons-aanbod",
      "/onze-organisatie",
      "/open-referral",
    ]) {
      await page.goto(`${inject("baseUrl")}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
    }
    // An inline script, as an injected one would be, is refused.
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.filter((v) => !v.includes("inline script"))).toEqual([]);
    expect(violations.length).toBe(1);
  });
});
