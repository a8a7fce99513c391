import { describe, expect, it } from "vitest";
import {
  dutchPage,
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  phone,
  useBrowser,
} from "../support/browser.js";
import { buildUser } from "../support/factories.js";
import { useMailingInstance } from "../support/smtp-sink.js";
import { eventually } from "../support/wait.js";

const browser = useBrowser();
const mailing = useMailingInstance();

describe("wachtwoord vergeten in a browser", () => {
  it("a worker asks for a link on the phone, chooses a new password and is logged in", async () => {
    const worker = await buildUser({ name: "Ilse Verhoeven" });
    const page = await dutchPage(browser(), { viewport: phone });
    await openPage(page, "/inloggen", mailing.server().baseUrl);
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    await page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.getByLabel("E-mailadres").fill(worker.email);
    await page.getByRole("button", { name: "Stuur mij een link" }).click();
    await page.getByRole("status").getByText(`Als er een account is met ${worker.email}`).waitFor();

    const [mail] = await eventually(
      () => mailing.sink().mailTo(worker.email).length && mailing.sink().mailTo(worker.email),
    );
    const link = new URL(/(http\S+#\S+)/.exec(mail!.parsed.text!)![1]!);
    await openPage(page, `${link.pathname}${link.hash}`, mailing.server().baseUrl);
    await page.getByRole("heading", { level: 1, name: "Nieuw wachtwoord kiezen" }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    const password = "twee reigers staan in de Linge";
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(password);
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(`${password}!`);
    await page.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
    await page.getByText("De twee wachtwoorden zijn niet gelijk.").first().waitFor();
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(password);
    await page.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
    await page.waitForURL(/\/dashboard$/);

    // The link is used up: opened again, it says so and offers a new one.
    await openPage(page, `${link.pathname}${link.hash}`, mailing.server().baseUrl);
    await page.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" }).waitFor();
    expect(await page.getByRole("link", { name: "Vraag een nieuwe link aan" }).isVisible()).toBe(
      true,
    );
  });
});
