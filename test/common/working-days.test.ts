import { describe, expect, it } from "vitest";
import { WorkingDayCalendar } from "../../server/common/working-days.js";

const calendar = new WorkingDayCalendar({ goodFriday: false, liberationDay: "lustrum" });
const amsterdam = (iso: string) => new Date(iso);
const dueDate = (deadline: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(deadline);

describe("working days for the response norm", () => {
  it("skips the weekend: sent on Thursday, 2 working days is Monday", () => {
    expect(dueDate(calendar.deadline(amsterdam("2026-11-19T14:00:00+01:00"), 2))).toBe(
      "2026-11-23",
    );
  });

  it("ends at the end of the day in Amsterdam", () => {
    const deadline = calendar.deadline(amsterdam("2026-11-19T14:00:00+01:00"), 2);
    expect(deadline.toISOString()).toBe("2026-11-23T22:59:59.999Z");
    // Summer time: the day ends at 21:59:59.999 UTC.
    expect(calendar.deadline(amsterdam("2026-06-16T09:00:00+02:00"), 1).toISOString()).toBe(
      "2026-06-17T21:59:59.999Z",
    );
  });

  it("skips Easter Monday when sent on the Thursday before Easter", () => {
    // 2026: Goede Vrijdag 3 April (a working day by default), Easter Monday 6 April.
    expect(dueDate(calendar.deadline(amsterdam("2026-04-02T10:00:00+02:00"), 2))).toBe(
      "2026-04-07",
    );
    const withGoodFriday = new WorkingDayCalendar({ goodFriday: true, liberationDay: "lustrum" });
    expect(dueDate(withGoodFriday.deadline(amsterdam("2026-04-02T10:00:00+02:00"), 2))).toBe(
      "2026-04-08",
    );
  });

  it("skips Koningsdag", () => {
    // 27 April 2026 is a Monday.
    expect(dueDate(calendar.deadline(amsterdam("2026-04-24T16:00:00+02:00"), 1))).toBe(
      "2026-04-28",
    );
  });

  it("treats Bevrijdingsdag as configured", () => {
    // 5 May 2030 is a Sunday; 2025 is a lustrum year with 5 May on a Monday.
    expect(dueDate(calendar.deadline(amsterdam("2025-05-02T12:00:00+02:00"), 1))).toBe(
      "2025-05-06",
    );
    expect(dueDate(calendar.deadline(amsterdam("2026-05-04T12:00:00+02:00"), 1))).toBe(
      "2026-05-05",
    );
    const always = new WorkingDayCalendar({ goodFriday: false, liberationDay: "always" });
    expect(dueDate(always.deadline(amsterdam("2026-05-04T12:00:00+02:00"), 1))).toBe("2026-05-06");
  });

  it("skips Christmas and a weekend together", () => {
    // Thursday 24 December 2026: 25 and 26 December are holidays, then the weekend.
    expect(dueDate(calendar.deadline(amsterdam("2026-12-24T09:00:00+01:00"), 2))).toBe(
      "2026-12-29",
    );
  });
});
