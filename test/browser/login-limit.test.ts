import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { loadConfig } from "../../server/config.js";
import { dutchPage, useBrowser } from "../support/browser.js";
import { buildUser, testPassword } from "../support/factories.js";

const browser = useBrowser();

describe("the login limit in a browser", () => {
  it("tells the worker in Dutch to wait after too many wrong passwords", async () => {
    const user = await buildUser();
    const page = await dutchPage(browser());
    await page.goto(`${inject("baseUrl")}/inloggen`);
    await page.getByLabel("E-mailadres").fill(user.email);
    const attempt = async (password: string, expected: string) => {
      await page.getByLabel("Wachtwoord").fill(password);
      await page.getByRole("button", { name: "Inloggen" }).click();
      await expect.poll(() => page.getByRole("alert").textContent()).toContain(expected);
    };
    for (let i = 0; i < loadConfig({}).rateLimits.loginFailuresPerAccount; i++) {
      await attempt(`fout-wachtwoord-${i}`, "E-mailadres of wachtwoord klopt niet.");
    }
    await attempt(testPassword, "Te veel mislukte inlogpogingen.");
    expect(new URL(page.url()).pathname).toBe("/inloggen");
  });
});
