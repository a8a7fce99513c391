// Dutch formats for what the sociale kaart shows: distances, dates, postcodes and languages.

const kilometres = new Intl.NumberFormat("nl-NL", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const longDate = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
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

/** "12 maart 2026" */
export function formatDate(iso: string): string {
  return longDate.format(new Date(iso));
}

/** "6811ab" → "6811 AB"; four digits stay four digits; anything else is returned trimmed. */
export function normalizePostcode(input: string): string {
  const match = /^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})?\s*$/.exec(input);
  if (!match) return input.trim();
  return match[2] ? `${match[1]} ${match[2].toUpperCase()}` : match[1]!;
}

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
