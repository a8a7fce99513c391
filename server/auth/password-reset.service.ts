import type { DataSource } from "typeorm";
import { UserInputError } from "../common/errors.js";
import { type Queryable } from "../db/queryable.js";
import { inTransaction } from "../common/transaction.js";
import type { MailConfig } from "../config.js";
import { renderPasswordResetMail } from "../mail/mail.templates.js";
import { hashPassword } from "./password.js";
import {
  newAccountLink,
  newPasswordProblem,
  passwordResetLink,
  passwordResetMinutes,
  queueAccountMail,
  usableLink,
  useLinkForPassword,
} from "./account.service.js";
import { recordSecurityEvent } from "./security-log.js";

// ── A forgotten password ─────────────────────────────────────────────────────────────────────

const unusableReset =
  "Deze link werkt niet meer: hij is al gebruikt, verlopen of vervangen door een nieuwere. Vraag een nieuwe aan.";

/**
 * "Wachtwoord vergeten": mails a single-use link to choose a new password to the active account
 * with this address. An unknown, invited or disabled address gets nothing, and the caller
 * answers the same either way, so the answer tells nobody which addresses have an account.
 */
export async function requestPasswordReset(
  db: DataSource,
  email: string,
  mail: MailConfig,
): Promise<void> {
  if (!mail.smtpUrl) return;
  await inTransaction(db, async (manager) => {
    const [account] = (await manager.query(
      `SELECT id, organization_id AS "organizationId" FROM app_user
        WHERE email = $1 AND disabled_at IS NULL AND password_hash IS NOT NULL`,
      [email],
    )) as Array<{ id: string; organizationId: string }>;
    if (!account) return;
    const link = await newAccountLink(manager, {
      userId: account.id,
      purpose: "PASSWORD_RESET",
      minutes: passwordResetMinutes,
      createdBy: null,
    });
    const rendered = renderPasswordResetMail({
      link: passwordResetLink(mail.publicUrl, link.token),
      minutes: passwordResetMinutes,
    });
    await queueAccountMail(manager, "PASSWORD_RESET", {
      linkId: link.id,
      userId: account.id,
      ...rendered,
    });
    await recordSecurityEvent(manager, "PASSWORD_RESET_REQUESTED", {
      organizationId: account.organizationId,
      subjectUserId: account.id,
    });
  });
}

/** For whom a link to choose a new password is; null for a link that cannot be used. */
export function passwordResetFor(db: Queryable, token: string) {
  return usableLink(db, token, "PASSWORD_RESET");
}

/**
 * Sets the new password chosen through a reset link, which is used up. Every session of the
 * account ends: whoever knew the old password is out. Answers the account's id, to log its
 * holder in.
 */
export async function resetPassword(
  db: DataSource,
  token: string,
  password: string,
): Promise<string> {
  const reset = await passwordResetFor(db, token);
  if (!reset) throw new UserInputError(unusableReset, "token");
  const problem = await newPasswordProblem(password, reset);
  if (problem) throw new UserInputError(problem, "password");
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (manager) => {
    const account = await useLinkForPassword(manager, token, "PASSWORD_RESET", passwordHash);
    if (!account) throw new UserInputError(unusableReset, "token");
    await manager.query(
      "UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
      [account.userId],
    );
    await recordSecurityEvent(manager, "PASSWORD_RESET", {
      organizationId: account.organizationId,
      subjectUserId: account.userId,
    });
    return account.userId;
  });
}
