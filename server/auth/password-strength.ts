import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as dutch from "@zxcvbn-ts/language-nl-be";

/** Long enough that a passphrase of a few words fits and a short password never does. */
export const minPasswordLength = 12;
export const maxPasswordLength = 200;

// zxcvbn's estimate of how many guesses a password takes, with the lists of the most used
// passwords and of common (Dutch) words and names: "Welkom2026!" is long enough but guessed
// at once. Score 4: at least 10^10 guesses, out of reach even offline for a while.
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...dutch.dictionary },
  graphs: common.adjacencyGraphs,
});

/**
 * Why this password will not do, as a worker reads it; null when it will. `personal` are the
 * account's own words (name, e-mail address), which make a password easy to guess.
 */
export function passwordProblem(password: string, personal: string[]): string | null {
  if (password.length < minPasswordLength) {
    return `Kies een wachtwoord van minstens ${minPasswordLength} tekens. Een zin van een paar woorden is makkelijk te onthouden.`;
  }
  if (password.length > maxPasswordLength) {
    return `Kies een wachtwoord van hoogstens ${maxPasswordLength} tekens.`;
  }
  const words = personal
    .flatMap((value) => value.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((word) => word.length >= 3);
  // The own name or address in it is guessed first, however long the rest.
  const lower = password.toLowerCase();
  if (words.some((word) => lower.includes(word)) || zxcvbn.check(password, words).score < 4) {
    return "Dit wachtwoord is te makkelijk te raden: het lijkt op een veelgebruikt wachtwoord, een woord of uw naam. Kies een langer of minder voorspelbaar wachtwoord.";
  }
  return null;
}
