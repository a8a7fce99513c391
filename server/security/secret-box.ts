import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Seals a secret the server must read back (a two-factor secret) with AES-256-GCM: a copy of
 * the database alone does not give it away. Layout: 12-byte nonce, 16-byte tag, ciphertext.
 */
export function seal(key: Buffer, plaintext: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), sealed]);
}

/** Opens what `seal` made with the same key; throws when it was changed or sealed otherwise. */
export function open(key: Buffer, box: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", key, box.subarray(0, 12));
  decipher.setAuthTag(box.subarray(12, 28));
  return Buffer.concat([decipher.update(box.subarray(28)), decipher.final()]).toString("utf8");
}
