import { amsterdamToday } from "../../server/common/amsterdam-time.js";

// Every date a test types or expects is counted from the run's own today in Amsterdam, so the
// suite means the same on any day (README: "Tests on another day").

/** Today as a calendar day in Amsterdam (JJJJ-MM-DD), read from the clock at each call. */
export function today(): string {
  return amsterdamToday();
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

/** The day of the week of a calendar day: 0 for Sunday to 6 for Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/** The first day on or after `day` that falls on no weekend: a meeting a worker would plan. */
export function onAWeekday(day: string): string {
  let date = day;
  while (weekday(date) === 0 || weekday(date) === 6) date = addDays(date, 1);
  return date;
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
