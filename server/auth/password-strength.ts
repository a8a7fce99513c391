/** Long enough that a passphrase of a few words fits and a short password never does. */
export const minPasswordLength = 12;
export const maxPasswordLength = 200;

// zxcvbn's estimate of how many guesses a password takes, with the lists of the most used
// passwords and of common (Dutch) words and names: "Welkom2026!" is long enough but guessed
// at once. Score 4: at least 10^10 guesses, out of reach even offline for a while. Its lists
// are loaded when a first password is chosen, not at every start of the server.
let zxcvbn: Promise<{ check(password: string, words: string[]): { score: number } }> | undefined;
const loadZxcvbn = async () => {
  const [{ ZxcvbnFactory }, common, dutch] = await Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-nl-be"),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...dutch.dictionary },
    graphs: common.adjacencyGraphs,
  });
};

/**
 * Why this password will not do, as a worker reads it; null when it will. `personal` are the
 * account's own words (name, e-mail address), which make a password easy to guess.
 */
export async function passwordProblem(
  password: string,
  personal: string[],
): Promise<string | null> {
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
  if (
    words.some((word) => lower.includes(word)) ||
    (await (zxcvbn ??= loadZxcvbn())).check(password, words).score < 4
  ) {
    return "Dit wachtwoord is te makkelijk te raden: het lijkt op een veelgebruikt wachtwoord, een woord of uw naam. Kies een langer of minder voorspelbaar wachtwoord.";
  }
  return null;
}
