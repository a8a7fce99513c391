import { randomInt } from "node:crypto";
import { generate } from "otplib";
import { database } from "./factories.js";

/** The kinds of the security log's entries about this account, oldest first. */
export async function securityEventsOf(userId: string): Promise<string[]> {
  const rows = (await (
    await database()
  ).query("SELECT kind FROM security_event WHERE subject_user_id = $1 ORDER BY id", [
    userId,
  ])) as Array<{ kind: string }>;
  return rows.map((row) => row.kind);
}

/**
 * A made-up client address for X-Forwarded-For (the lanes' servers trust one proxy): the per-IP
 * counters are shared by every test on the database, so a test that counts uses its own.
 */
export function uniqueIp(): string {
  return `10.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** What an authenticator app shows for this secret, the half minute `steps` away from now. */
export function authenticatorCode(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}
