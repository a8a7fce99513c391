// Dates as the region lives them: agreements and contacts fall due and meetings start in
// Amsterdam time, whatever time zone the server runs in.

const zone = "Europe/Amsterdam";

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: zone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function fieldsInAmsterdam(date: Date) {
  const byType = Object.fromEntries(
    parts.formatToParts(date).map((part) => [part.type, Number(part.value)]),
  ) as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
  return byType;
}

/**
 * Today's date in Amsterdam in SQL. `current_date` is the date in the session's time zone
 * (UTC on most servers), a day behind Amsterdam's from midnight until 01:00 (02:00 in summer).
 */
export const amsterdamTodaySql = "(now() AT TIME ZONE 'Europe/Amsterdam')::date";

/** Today's date in Amsterdam, as YYYY-MM-DD. */
export function amsterdamToday(now = new Date()): string {
  const { year, month, day } = fieldsInAmsterdam(now);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A Date whose local fields (getHours() and so on) read the Amsterdam wall-clock time of the
 * instant. ical-generator writes `DTSTART;TZID=…` from a native Date's local fields, so this is
 * how it writes Amsterdam time when the server's own zone is another (UTC in a container).
 */
export function amsterdamWallClock(instant: Date): Date {
  const { year, month, day, hour, minute, second } = fieldsInAmsterdam(instant);
  return new Date(year, month - 1, day, hour, minute, second);
}

/** Whether a YYYY-MM-DD string is a date that exists (no 31 February). */
export function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
