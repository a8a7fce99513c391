import Holidays from "date-holidays";

/**
 * Dutch working days for the NVVK norms (respond within 2 working days, intake within 10 days):
 * weekends and public holidays are skipped. Goede Vrijdag and Bevrijdingsdag (5 mei) are days
 * off for some partners only, so they are configurable; Bevrijdingsdag is by default a day off
 * in lustrum years (2025, 2030, …), as many collective agreements have it.
 */
export interface HolidayOptions {
  goodFriday: boolean;
  liberationDay: "always" | "lustrum" | "never";
}

const zone = "Europe/Amsterdam";
const localDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: zone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export class WorkingDayCalendar {
  private readonly holidays = new Holidays("NL");
  private readonly daysOff = new Map<number, Set<string>>();

  constructor(private readonly options: HolidayOptions) {}

  /** True on Saturdays, Sundays and the holidays in force (dates as YYYY-MM-DD). */
  isDayOff(date: string): boolean {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 || this.daysOffIn(Number(date.slice(0, 4))).has(date);
  }

  /**
   * The end (23:59:59.999 Amsterdam time) of the n-th working day after the day of `from`:
   * something sent on Thursday with a norm of 2 working days is due by Monday evening.
   */
  deadline(from: Date, workingDays: number): Date {
    let date = localDate.format(from);
    for (let counted = 0; counted < workingDays;) {
      date = nextDate(date);
      if (!this.isDayOff(date)) counted++;
    }
    return new Date(startOfDayInAmsterdam(nextDate(date)).getTime() - 1);
  }

  private daysOffIn(year: number): Set<string> {
    let days = this.daysOff.get(year);
    if (!days) {
      days = new Set(
        this.holidays
          .getHolidays(year)
          .filter((holiday) => {
            if (holiday.type === "public") return true;
            if (holiday.name === "Goede Vrijdag") return this.options.goodFriday;
            if (holiday.name === "Bevrijdingsdag") {
              return (
                this.options.liberationDay === "always" ||
                (this.options.liberationDay === "lustrum" && year % 5 === 0)
              );
            }
            return false;
          })
          .map((holiday) => holiday.date.slice(0, 10)),
      );
      this.daysOff.set(year, days);
    }
    return days;
  }
}

function nextDate(date: string): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The instant at which a calendar date begins in Amsterdam (CET or CEST). */
function startOfDayInAmsterdam(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const hourThere = Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(
      utcMidnight,
    ),
  );
  return new Date(utcMidnight.getTime() - hourThere * 3_600_000);
}
