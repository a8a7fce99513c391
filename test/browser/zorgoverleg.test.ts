import { demoAccounts, demoPassword } from "../support/demo.js";
import {
  addDays,
  dutchDate,
  localDateTime,
  onAWorkingDay,
  workingDaysFromToday,
} from "../support/calendar.js";
import { describe, expect, inject, it } from "vitest";
import { query } from "../support/api.js";
import { dutchPage, expectAccessible, logIn, useBrowser } from "../support/browser.js";
import { openCase } from "../support/nazorg.js";
import { draftReferral, recordConsent, transitionReferral } from "../support/scenarios.js";
import { sessionHeaders } from "../support/session.js";

const { wijkteamWorker, partnerWorker: kredietbankWorker } = demoAccounts;
const browser = useBrowser();

/**
 * A case of the wijkteam with the kredietbank on its team, arranged through the API as it
 * happens: on the client's consent the wijkteam refers the client to the kredietbank, whose
 * worker (Ingrid Jansen) accepts, and so becomes its contact person on the case.
 */
async function caseWithKredietbank(displayName: string): Promise<string> {
  const wijkteamApi = await sessionHeaders(wijkteamWorker, demoPassword);
  const kredietbankApi = await sessionHeaders(kredietbankWorker, demoPassword);
  const kredietbank = (
    await query<{
      organizations: Array<{ id: string; name: string; offerings: Array<{ id: string }> }>;
    }>(`{ organizations { id name offerings { id } } }`)
  ).organizations.find((o) => o.name === "Kredietbank Rijn en Veluwezoom")!;
  const { caseId, clientId } = await openCase(wijkteamApi, displayName);
  const consentId = await recordConsent(wijkteamApi, clientId, [kredietbank.id]);
  const referral = await draftReferral<{ id: string }>(wijkteamApi, {
    caseId,
    offeringId: kredietbank.offerings[0]!.id,
    consentId,
  });
  await transitionReferral(wijkteamApi, referral.id, "SENT");
  await transitionReferral(kredietbankApi, referral.id, "ACCEPTED");
  return caseId;
}

describe("zorgoverleg in a browser", () => {
  it("a worker records a zorgoverleg with two agreements and a regie decision; it shows on the case", async () => {
    const caseId = await caseWithKredietbank("Z. de Overleg");
    const wijkteam = await dutchPage(browser());
    await logIn(wijkteam, wijkteamWorker);
    await wijkteam.goto(`${inject("baseUrl")}/casussen/${caseId}`);
    await wijkteam.getByRole("heading", { level: 1, name: "Casus Z. de Overleg" }).waitFor();
    const section = wijkteam.getByRole("region", { name: "Zorgoverleg" });
    // The meeting on a working day later this week or next; what it agrees falls due after it.
    const meetingDay = workingDaysFromToday(3);
    const firstDue = onAWorkingDay(addDays(meetingDay, 14));
    const secondDue = onAWorkingDay(addDays(meetingDay, 36));

    // Plan it, inviting the kredietbank's worker.
    await section.locator("summary", { hasText: "Zorgoverleg plannen" }).click();
    await section
      .getByLabel("Datum en tijd", { exact: true })
      .fill(localDateTime(meetingDay, "14:00"));
    await section.getByLabel("Plaats", { exact: true }).fill("Wijkcentrum Presikhaaf, zaal 3");
    await section.getByLabel("De inwoner neemt deel").check();
    await section.getByLabel("Kredietbank Rijn en Veluwezoom", { exact: true }).check();
    await section
      .getByLabel("Medewerker van Kredietbank Rijn en Veluwezoom")
      .selectOption({ label: "Ingrid Jansen" });
    await expectAccessible(wijkteam);
    await section.getByRole("button", { name: "Zorgoverleg plannen" }).click();
    const meeting = section.getByRole("article", {
      name: `Zorgoverleg van ${dutchDate(meetingDay)} om 14:00`,
    });
    await meeting.waitFor();
    await expect
      .poll(() => meeting.getByText(/Ingrid Jansen \(Kredietbank Rijn en Veluwezoom\)/).isVisible())
      .toBe(true);
    expect(
      await meeting
        .getByRole("link", { name: "Uitnodiging voor de agenda (.ics)" })
        .getAttribute("href"),
    ).toMatch(/^\/zorgoverleg\/[0-9a-f-]+\/uitnodiging\.ics$/);

    // Record what was agreed: two agreements and regie to the kredietbank.
    await meeting.locator("summary", { hasText: "Verslag vastleggen" }).click();
    await meeting
      .getByLabel("Samenvatting")
      .fill("Huurachterstand geregeld; de schuldregeling kan starten.");
    await meeting
      .getByLabel("Zo houden we elkaar op de hoogte")
      .fill("Elke eerste maandag een update in Ketenkaart.");
    const first = meeting.getByRole("group", { name: "Afspraak 1" });
    await first.getByLabel("Wat", { exact: true }).fill("Aanvraag schuldregeling indienen");
    await first
      .getByLabel("Organisatie", { exact: true })
      .selectOption({ label: "Kredietbank Rijn en Veluwezoom" });
    await first.getByLabel("Medewerker (niet verplicht)").selectOption({ label: "Ingrid Jansen" });
    await first.getByLabel("Uiterlijk klaar op").fill(firstDue);
    await meeting.getByRole("button", { name: "Afspraak toevoegen" }).click();
    const second = meeting.getByRole("group", { name: "Afspraak 2" });
    await second.getByLabel("Wat", { exact: true }).fill("Budgetcoaching aanvragen");
    await second
      .getByLabel("Organisatie", { exact: true })
      .selectOption({ label: "Wijkteam Arnhem-Noord" });
    await second.getByLabel("Uiterlijk klaar op").fill(secondDue);
    await meeting
      .getByLabel("Regie naar")
      .selectOption({ label: "Kredietbank Rijn en Veluwezoom" });
    await meeting
      .getByLabel("Casemanager of procesregisseur (niet verplicht)")
      .selectOption({ label: "Ingrid Jansen" });
    await meeting
      .getByLabel("Waarom de regie overgaat")
      .fill("De schuldregeling is nu het belangrijkste spoor.");
    await expectAccessible(wijkteam);
    await meeting.getByRole("button", { name: "Verslag vastleggen" }).click();

    // The case shows the record, both agreements, and the new regie holder with its origin.
    await expect
      .poll(() => meeting.getByText("Vastgelegd", { exact: true }).isVisible())
      .toBe(true);
    const agreements = meeting.getByRole("table", { name: /Afspraken uit het zorgoverleg/ });
    await expect
      .poll(() => agreements.getByRole("row").allTextContents())
      .toEqual([
        "WatWieUiterlijkStand",
        `Aanvraag schuldregeling indienenKredietbank Rijn en Veluwezoom (Ingrid Jansen)${dutchDate(firstDue)}Open`,
        `Budgetcoaching aanvragenWijkteam Arnhem-Noord${dutchDate(secondDue)}Open`,
      ]);
    const regie = wijkteam.getByRole("region", { name: "Regie" });
    await expect
      .poll(() => regie.getByText(/Kredietbank Rijn en Veluwezoom, Ingrid Jansen/).isVisible())
      .toBe(true);
    const history = wijkteam.getByRole("region", { name: "Regiegeschiedenis" });
    await expect
      .poll(() =>
        history
          .getByRole("link", { name: `besloten in zorgoverleg van ${dutchDate(meetingDay)}` })
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(wijkteam);

    // The kredietbank's worker finds her agreement in "Mijn afspraken" and ticks it off.
    const kredietbank = await dutchPage(browser());
    await logIn(kredietbank, kredietbankWorker);
    await kredietbank.getByRole("link", { name: "Mijn afspraken" }).click();
    await kredietbank.getByRole("heading", { level: 1, name: "Mijn afspraken" }).waitFor();
    const row = kredietbank
      .getByRole("row")
      .filter({ hasText: "Aanvraag schuldregeling indienen" });
    await row.waitFor();
    await expectAccessible(kredietbank);
    await row.getByRole("button", { name: /^Gedaan/ }).click();
    await expect.poll(() => row.count()).toBe(0);
  });
});
