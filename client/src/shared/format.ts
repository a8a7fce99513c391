// Dutch formats for everything the web client shows: distances, dates and times, money,
// postcodes, phone numbers and languages. Every page formats through these, never on its own.

const kilometres = new Intl.NumberFormat("nl-NL", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const longDate = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});
const languageNames = new Intl.DisplayNames(["nl"], { type: "language" });

/** "2,3 km"; under 100 m reads "minder dan 0,1 km" rather than "0,0 km". */
export function formatDistance(km: number): string {
  return km < 0.05 ? "minder dan 0,1 km" : `${kilometres.format(km)} km`;
}

const dateTime = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

/** "12 maart 2026 om 14:30" */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "12 maart 2026": the day in Amsterdam of a moment, or a date (YYYY-MM-DD) as it is. */
export function formatDate(iso: string): string {
  return longDate.format(new Date(iso));
}

const time = new Intl.DateTimeFormat("nl-NL", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

/** "14:30", in Amsterdam time */
export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

const euros = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });

/** "€ 1.234,56" (with a normal space, as Dutch style guides write it) */
export function formatMoney(amount: number): string {
  return euros.format(amount).replace(/\s/u, " ");
}

const isoDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });

/** Today (or `date`) as the YYYY-MM-DD of a date field, in Amsterdam, not UTC. */
export function isoDate(date: Date = new Date()): string {
  return isoDay.format(date);
}

/**
 * The YYYY-MM-DD so many calendar days (or years) after today in Amsterdam, whatever the
 * browser's own time zone and across the change to and from summer time.
 */
export function isoDateFromToday({ days = 0, years = 0 }: { days?: number; years?: number }) {
  const date = new Date(`${isoDate()}T12:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "6811ab" → "6811 AB"; four digits stay four digits; anything else is returned trimmed. */
export function normalizePostcode(input: string): string {
  const match = /^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})?\s*$/.exec(input);
  if (!match) return input.trim();
  return match[2] ? `${match[1]} ${match[2].toUpperCase()}` : match[1]!;
}

/** A postcode as shown: "6811 AB" (or the four digits of a PC4 area). */
export const formatPostcode = normalizePostcode;

/**
 * "026 123 45 67", "06 12 34 56 78", "0800 1234": Dutch numbers grouped as people read them
 * aloud; anything that is not a plain Dutch number (international, extensions) stays as entered.
 */
export function formatPhone(input: string): string {
  const digits = input.replace(/[\s-]/g, "");
  if (/^0[89]00[0-9]{4,7}$/.test(digits)) return `${digits.slice(0, 4)} ${digits.slice(4)}`;
  if (!/^0[0-9]{9}$/.test(digits)) return input.trim();
  if (digits.startsWith("06")) return `06 ${pairs(digits.slice(2))}`;
  // Three-digit area codes (010, 020, 026 …) unless the number uses a four-digit one (0318 …).
  const area = threeDigitAreaCodes.has(digits.slice(0, 3)) ? 3 : 4;
  const rest = digits.slice(area);
  return `${digits.slice(0, area)} ${rest.slice(0, rest.length - 4)} ${pairs(rest.slice(-4))}`;
}

const pairs = (digits: string) => digits.match(/.{1,2}/g)!.join(" ");
const threeDigitAreaCodes = new Set(
  ["010", "013", "015", "020", "023", "024", "026", "030", "033", "035", "036", "038"].concat(
    ["040", "043", "045", "046", "050", "053", "055", "058", "070", "071", "072", "073"],
    ["074", "075", "076", "077", "078", "079", "085", "088"],
  ),
);

/** "ar" → "Arabisch" */
export function languageName(code: string): string {
  const name = languageNames.of(code);
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : code;
}

/** "3 vrije plekken", "1 vrije plek", "Vol" */
export function formatCapacity(available: number): string {
  if (available === 0) return "Vol";
  return `${available} ${available === 1 ? "vrije plek" : "vrije plekken"}`;
}

/** Comma-separated with "en" before the last: "Telefoon, WhatsApp en Huisbezoek". */
export function formatList(items: string[]): string {
  return new Intl.ListFormat("nl", { style: "long", type: "conjunction" }).format(items);
}
