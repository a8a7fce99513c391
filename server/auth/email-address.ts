/**
 * The one form of an e-mail address by which an account is stored, found and counted by the
 * login limit: Unicode NFKC (a fullwidth `ｓ` is an `s`), then the ASCII letters A–Z in lower
 * case, then NFKC again (a lowered letter may now combine with the mark after it).
 *
 * Only A–Z are folded: the case mapping of other letters differs between JavaScript, the C
 * library and ICU behind PostgreSQL's lower(), and across their versions (`İ` is `i̇` to
 * JavaScript and `i` to most C libraries), and an address that one side folds and the other
 * does not would reach an account while the login limit counted it apart. The database's own
 * `ketenkaart_email_key(text)` (migrations/1765400000000-NormalizedEmailAddresses.ts) is this
 * function in SQL; every account is stored in this form, and a login looks the address up in it
 * exactly, without folding again.
 */
export function normalizeEmail(address: string): string {
  return address
    .normalize("NFKC")
    .replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
    .normalize("NFKC");
}
