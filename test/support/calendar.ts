import { amsterdamToday } from "../../server/common/amsterdam-time.js";
import { loadConfig } from "../../server/config.js";
import { WorkingDayCalendar } from "../../server/common/working-days.js";

// Every date a test types or expects is counted from the run's own today in Amsterdam, so the
// suite means the same on any day (README: "Tests on another day").

/** Today as a calendar day in Amsterdam (JJJJ-MM-DD), read from the clock at each call. */
export function today(): string {
  return amsterdamToday();
}

/** The calendar day in Amsterdam at an instant, as JJJJ-MM-DD. */
export function amsterdamDay(instant: Date | string): string {
  return amsterdamToday(new Date(instant));
}

/** A calendar day `days` after `day` (before it when negative), as JJJJ-MM-DD. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A calendar day counted from today in Amsterdam: `daysFromToday(-1)` is yesterday. */
export function daysFromToday(days: number): string {
  return addDays(today(), days);
}

/** The instant `days` times 24 hours ago: for moments such as when an offering was checked. */
export function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 86_400_000);
}

/** The next `monthDay` (MM-DD) after today: "12-03" is a day in winter, "06-10" in summer. */
export function nextDayOfYear(monthDay: string): string {
  const year = Number(today().slice(0, 4));
  const thisYear = `${year}-${monthDay}`;
  return thisYear > today() ? thisYear : `${year + 1}-${monthDay}`;
}

/** The day of the week of a calendar day: 0 for Sunday to 6 for Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/** The first day on or after `day` that falls on no weekend. */
export function onAWeekday(day: string): string {
  let date = day;
  while (weekday(date) === 0 || weekday(date) === 6) date = addDays(date, 1);
  return date;
}

/**
 * Dutch working days as the test servers count them: the server's own calendar, with the
 * holidays its configuration reads from the same environment.
 */
export const workingDays = new WorkingDayCalendar(loadConfig().holidays);

/** The first working day on or after `day`: no weekend, no public holiday. A meeting day. */
export function onAWorkingDay(day: string): string {
  let date = day;
  while (workingDays.isDayOff(date)) date = addDays(date, 1);
  return date;
}

/** The n-th working day after today (n ≥ 1), as the norms count: the day of its deadline. */
export function workingDaysFromToday(n: number): string {
  return amsterdamDay(workingDays.deadline(new Date(), n));
}

/**
 * When a meeting starts: at `time` in Amsterdam on the first working day from `days` days
 * after today. A negative `days` is a meeting already held.
 */
export function meetingAt(days: number, time = "10:00"): string {
  return amsterdamInstant(onAWorkingDay(daysFromToday(days)), time);
}

/** The instant at which Amsterdam's clock shows `time` (HH:MM) on `day`, as an ISO string. */
export function amsterdamInstant(day: string, time = "12:00"): string {
  // Amsterdam is one or two hours ahead of UTC; take the offset of that very day and hour.
  const guess = new Date(`${day}T${time}:00Z`);
  const shown = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
  }).format(guess);
  const [hours, minutes] = shown.split(":").map(Number) as [number, number];
  const [wantedHours, wantedMinutes] = time.split(":").map(Number) as [number, number];
  const offsetMinutes = (hours - wantedHours) * 60 + (minutes - wantedMinutes);
  const normalised = ((offsetMinutes % 1440) + 1440) % 1440;
  return new Date(guess.getTime() - normalised * 60_000).toISOString();
}

/** What a worker types into a date-and-time field (`datetime-local`): JJJJ-MM-DDTHH:MM. */
export function localDateTime(day: string, time: string): string {
  return `${day}T${time}`;
}

const longDate = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** A calendar day as the web client and the e-mails write it: "24 december 2026". */
export function dutchDate(day: string): string {
  return longDate.format(new Date(`${day}T12:00:00Z`));
}
