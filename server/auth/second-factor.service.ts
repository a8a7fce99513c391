import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from "../common/errors.js";
import { type Queryable, returnedRows } from "../db/queryable.js";
import { inTransaction } from "../common/transaction.js";
import { open, seal } from "../security/secret-box.js";
import type { Viewer } from "./session.service.js";
import { sha256 } from "../security/digest.js";
import { mayManageAccountsOf } from "./account.policy.js";
import { recordSecurityEvent } from "./security-log.js";

/** A code's time step: the app shows a new code every half minute. */
const stepSeconds = 30;
/** Codes of the step before and after count too: a phone's clock may be a little off. */
const toleratedSteps = 1;
const recoveryCodeCount = 10;

/** "abcde-fghij": 50 random bits, in letters and digits that are hard to mix up. */
function newRecoveryCode(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const letters = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join("");
  return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}

/** How a typed recovery code is compared: lower case, without spaces or a missing dash. */
function normalizedRecoveryCode(code: string): string {
  const letters = code.toLowerCase().replace(/[^a-z0-9]/g, "");
  return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}

export interface SecondFactorSetup {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

/**
 * Starts setting up the authenticator app: a new secret, shown once as a QR code and as text.
 * It counts only once a code from the app confirms it; an earlier unconfirmed one is replaced.
 */
export async function startSecondFactorSetup(
  db: DataSource,
  viewer: Viewer,
  key: Buffer,
): Promise<SecondFactorSetup> {
  // The app's libraries load on first use rather than with every server start.
  const { generateSecret, generateURI } = await import("otplib");
  const secret = generateSecret();
  await inTransaction(db, async (manager) => {
    const [existing] = (await manager.query(
      "SELECT confirmed_at IS NOT NULL AS confirmed FROM totp_credential WHERE user_id = $1 FOR UPDATE",
      [viewer.userId],
    )) as Array<{ confirmed: boolean }>;
    if (existing?.confirmed) {
      throw new ConflictError(
        "Tweestapsverificatie staat al aan. Zet die eerst uit om een andere app te koppelen.",
      );
    }
    await manager.query(
      `INSERT INTO totp_credential (user_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed,
         created_at = now(), last_used_step = NULL`,
      [viewer.userId, seal(key, secret)],
    );
  });
  const [{ email }] = (await db.query("SELECT email FROM app_user WHERE id = $1", [
    viewer.userId,
  ])) as [{ email: string }];
  const otpauthUri = generateURI({ issuer: "Ketenkaart", label: email, secret });
  const { default: QRCode } = await import("qrcode");
  const qrCodeSvg = await QRCode.toString(otpauthUri, { type: "svg", margin: 2 });
  return { secret, otpauthUri, qrCodeSvg };
}

/**
 * The time step of `code` for this secret, if it is the app's code now (or a step before or
 * after); null otherwise.
 */
async function matchingStep(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const { generate } = await import("otplib");
  const now = Math.floor(Date.now() / 1000 / stepSeconds);
  for (let offset = -toleratedSteps; offset <= toleratedSteps; offset++) {
    const step = now + offset;
    if ((await generate({ secret, epoch: step * stepSeconds })) === code) return step;
  }
  return null;
}

/**
 * Confirms the setup with a code from the app, turns the second factor on and answers ten
 * recovery codes: shown once, kept as hashes only.
 */
export async function confirmSecondFactor(
  db: DataSource,
  viewer: Viewer,
  key: Buffer,
  code: string,
): Promise<string[]> {
  return inTransaction(db, async (manager) => {
    const [credential] = (await manager.query(
      `SELECT secret_sealed AS sealed, confirmed_at IS NOT NULL AS confirmed
         FROM totp_credential WHERE user_id = $1 FOR UPDATE`,
      [viewer.userId],
    )) as Array<{ sealed: Buffer; confirmed: boolean }>;
    if (!credential || credential.confirmed) {
      throw new ConflictError("Begin opnieuw met het instellen van tweestapsverificatie.");
    }
    const step = await matchingStep(open(key, credential.sealed), code.trim());
    if (step === null) {
      throw new UserInputError(
        "Deze code klopt niet. Vul de code in die de app nu laat zien.",
        "code",
      );
    }
    await manager.query(
      "UPDATE totp_credential SET confirmed_at = now(), last_used_step = $2 WHERE user_id = $1",
      [viewer.userId, step],
    );
    const codes = await issueRecoveryCodes(manager, viewer.userId);
    await recordSecurityEvent(manager, "SECOND_FACTOR_ENABLED", {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: viewer.userId,
    });
    return codes;
  });
}

/** Ten new recovery codes for the account, in place of any earlier ones: answered once. */
export async function issueRecoveryCodes(db: Queryable, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await db.query("DELETE FROM recovery_code WHERE user_id = $1", [userId]);
  await db.query(
    `INSERT INTO recovery_code (user_id, code_hash)
     SELECT $1, unnest($2::bytea[])`,
    [userId, codes.map(sha256)],
  );
  return codes;
}

/** Whether the account logs in with a second factor (the app, a passkey), and which. */
export async function secondFactorsOf(
  db: Queryable,
  userId: string,
): Promise<{ app: boolean; passkey: boolean }> {
  const [factors] = (await db.query(
    `SELECT EXISTS (SELECT FROM totp_credential
                     WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS app,
            EXISTS (SELECT FROM passkey_credential WHERE user_id = $1) AS passkey`,
    [userId],
  )) as [{ app: boolean; passkey: boolean }];
  return factors;
}

/**
 * Checks the second step of a login: a code from the app (each accepted once: a code seen
 * before, or an older one, is refused) or an unused recovery code, which is then used up.
 */
export async function verifySecondFactor(
  db: DataSource,
  user: { id: string; organizationId: string },
  key: Buffer,
  code: string,
): Promise<boolean> {
  return inTransaction(db, async (manager) => {
    const [credential] = (await manager.query(
      `SELECT secret_sealed AS sealed, last_used_step AS "lastUsedStep"
         FROM totp_credential WHERE user_id = $1 AND confirmed_at IS NOT NULL FOR UPDATE`,
      [user.id],
    )) as Array<{ sealed: Buffer; lastUsedStep: string | null }>;
    // Without the app (passkeys only) a recovery code still works.
    const step = credential ? await matchingStep(open(key, credential.sealed), code.trim()) : null;
    if (credential && step !== null) {
      if (credential.lastUsedStep !== null && step <= Number(credential.lastUsedStep)) return false;
      await manager.query("UPDATE totp_credential SET last_used_step = $2 WHERE user_id = $1", [
        user.id,
        step,
      ]);
      return true;
    }
    const used = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE recovery_code SET used_at = now()
          WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
        [user.id, sha256(normalizedRecoveryCode(code))],
      ),
    );
    if (used.length === 0) return false;
    await recordSecurityEvent(manager, "RECOVERY_CODE_USED", {
      organizationId: user.organizationId,
      subjectUserId: user.id,
    });
    return true;
  });
}

export interface SecondFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
}

export async function secondFactorStatus(
  db: Queryable,
  userId: string,
): Promise<SecondFactorStatus> {
  const [status] = (await db.query(
    `SELECT EXISTS (SELECT 1 FROM totp_credential
                     WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS enabled,
            (SELECT count(*)::int FROM recovery_code
              WHERE user_id = $1 AND used_at IS NULL) AS "recoveryCodesLeft"`,
    [userId],
  )) as [SecondFactorStatus];
  return status;
}

/** Turns the viewer's authenticator app off (their password was checked by the caller). */
export async function disableOwnSecondFactor(db: DataSource, viewer: Viewer): Promise<void> {
  await inTransaction(db, async (manager) => {
    await manager.query("DELETE FROM totp_credential WHERE user_id = $1", [viewer.userId]);
    // The recovery codes stay as long as a passkey does.
    await manager.query(
      "DELETE FROM recovery_code WHERE user_id = $1 AND NOT has_second_factor($1)",
      [viewer.userId],
    );
    await recordSecurityEvent(manager, "SECOND_FACTOR_DISABLED", {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: viewer.userId,
    });
  });
}

async function removeSecondFactor(db: Queryable, userId: string): Promise<void> {
  await db.query("DELETE FROM totp_credential WHERE user_id = $1", [userId]);
  await db.query("DELETE FROM passkey_credential WHERE user_id = $1", [userId]);
  await db.query("DELETE FROM recovery_code WHERE user_id = $1", [userId]);
}

/**
 * A beheerder clears a worker's second factor (a lost phone without recovery codes): the worker
 * logs in with the password alone and sets up the app again. Every session of the account ends,
 * since whoever has the phone may have been logged in.
 */
export async function resetSecondFactor(
  db: DataSource,
  viewer: Viewer,
  userId: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const [account] = (await manager.query(
      `SELECT organization_id AS "organizationId",
              has_second_factor(u.id) AS "secondFactor"
         FROM app_user u WHERE id = $1 FOR UPDATE`,
      [userId],
    )) as Array<{ organizationId: string; secondFactor: boolean }>;
    if (!account) throw new NotFoundError("Dit account bestaat niet.");
    if (!mayManageAccountsOf(viewer, account.organizationId)) {
      throw new ForbiddenError("U kunt alleen de accounts van uw eigen organisatie beheren.");
    }
    if (!account.secondFactor) {
      throw new ConflictError("Dit account heeft geen tweestapsverificatie.");
    }
    await removeSecondFactor(manager, userId);
    await manager.query(
      "UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
      [userId],
    );
    await recordSecurityEvent(manager, "SECOND_FACTOR_RESET", {
      organizationId: account.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: userId,
    });
  });
}
