import { UserInputError } from "../common/errors.js";

export interface Postcode {
  /** The four digits: the PC4 area. */
  pc4: string;
  /** The full postcode "6811 AB" when letters were given. */
  full: string | null;
}

const postcodePattern = /^([1-9][0-9]{3}) ?([A-Za-z]{2})?$/;

/** Reads "6811", "6811AB" or "6811 ab"; anything else is a user error on `field`. */
export function parsePostcode(input: string, field: string): Postcode {
  const match = postcodePattern.exec(input.trim());
  if (!match) {
    throw new UserInputError(
      `Ongeldige postcode: gebruik vier cijfers, eventueel met twee letters (bijvoorbeeld 6811 of 6811 AB).`,
      field,
    );
  }
  const [, digits, letters] = match as unknown as [string, string, string | undefined];
  return { pc4: digits, full: letters ? `${digits} ${letters.toUpperCase()}` : null };
}
