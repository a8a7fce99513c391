import { createHash } from "node:crypto";

/**
 * SHA-256 of a secret the database keeps only as a hash (session tokens, links, recovery codes,
 * login states): random enough that a plain, fast hash is safe, and found again by equality.
 */
export const sha256 = (text: string): Buffer => createHash("sha256").update(text).digest();
