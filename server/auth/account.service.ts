import { randomBytes } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { ConflictError, ForbiddenError, UserInputError } from "../common/errors.js";
import { type Queryable, returnedRows } from "../db/queryable.js";
import { inTransaction, sqlState } from "../common/transaction.js";
import type { MailConfig } from "../config.js";
import { renderInvitationMail } from "../mail/mail.templates.js";
import type { NewOrganizationInput } from "../organization/organization.inputs.js";
import { addOrganization } from "../organization/organization.service.js";
import { normalizeEmail } from "./email-address.js";
import { hashPassword } from "./password.js";
import { passwordProblem } from "./password-strength.js";
import { Role } from "./role.js";
import type { Viewer } from "./session.service.js";
import { sha256 } from "../security/digest.js";
import { recordSecurityEvent } from "./security-log.js";
import {
  assertGrantable,
  assertManages,
  assertNotLastBeheerder,
  lockedAccount,
} from "./account.policy.js";

/** How long an invitation link can be used. */
export const invitationDays = 7;
/** How long a link to choose a new password can be used. */
export const passwordResetMinutes = 60;

export enum AccountStatus {
  ACTIEF = "ACTIEF",
  UITGENODIGD = "UITGENODIGD",
  UITGESCHAKELD = "UITGESCHAKELD",
}

// ── Single-use links: invitations and new passwords ──────────────────────────────────────────

type LinkPurpose = "INVITATION" | "PASSWORD_RESET";

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/uitnodiging#${token}`;
}

export function passwordResetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/nieuw-wachtwoord#${token}`;
}

/**
 * A new single-use link for the account; its earlier links for the same purpose stop working.
 * Answers the token, which is never stored but as a hash.
 */
export async function newAccountLink(
  manager: EntityManager,
  link: { userId: string; purpose: LinkPurpose; minutes: number; createdBy: string | null },
): Promise<{ token: string; id: string; expiresAt: Date; organizationName: string }> {
  await manager.query(
    `UPDATE account_link SET revoked_at = now()
      WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL`,
    [link.userId, link.purpose],
  );
  const token = randomBytes(32).toString("base64url");
  const [row] = (await manager.query(
    `INSERT INTO account_link (user_id, purpose, token_hash, created_by, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))
     RETURNING id, expires_at AS "expiresAt",
               (SELECT o.name FROM app_user u JOIN organization o ON o.id = u.organization_id
                 WHERE u.id = $1) AS "organizationName"`,
    [link.userId, link.purpose, sha256(token), link.createdBy, link.minutes],
  )) as [{ id: string; expiresAt: Date; organizationName: string }];
  return { token, ...row };
}

export async function queueAccountMail(
  manager: EntityManager,
  kind: LinkPurpose,
  mail: { linkId: string; userId: string; subject: string; text: string; html: string },
): Promise<void> {
  await manager.query(
    `INSERT INTO mail_outbox (kind, account_link_id, user_id, subject, text_body, html_body)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [kind, mail.linkId, mail.userId, mail.subject, mail.text, mail.html],
  );
}

/** Whose link this is while it can still be used: not used, withdrawn or expired. */
export async function usableLink(
  db: Queryable,
  token: string,
  purpose: LinkPurpose,
): Promise<{ name: string; email: string; organizationName: string; expiresAt: Date } | null> {
  const rows = (await db.query(
    `SELECT u.name, u.email, o.name AS "organizationName", l.expires_at AS "expiresAt"
       FROM account_link l
       JOIN app_user u ON u.id = l.user_id
       JOIN organization o ON o.id = u.organization_id
      WHERE l.token_hash = $1 AND l.purpose = $2 AND l.used_at IS NULL
        AND l.revoked_at IS NULL AND l.expires_at > now() AND u.disabled_at IS NULL`,
    [sha256(token), purpose],
  )) as Array<{ name: string; email: string; organizationName: string; expiresAt: Date }>;
  return rows[0] ?? null;
}

/**
 * Uses the link up in the same statement that checks it, so two tabs cannot both use it, and
 * sets the account's password. Answers the account, or null for a link that cannot be used.
 */
export async function useLinkForPassword(
  manager: EntityManager,
  token: string,
  purpose: LinkPurpose,
  passwordHash: string,
): Promise<{ userId: string; organizationId: string } | null> {
  const used = returnedRows<{ userId: string; organizationId: string }>(
    await manager.query(
      `UPDATE account_link l SET used_at = now()
         FROM app_user u
        WHERE l.token_hash = $1 AND u.id = l.user_id AND l.purpose = $2
          AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now()
          AND u.disabled_at IS NULL
      RETURNING u.id AS "userId", u.organization_id AS "organizationId"`,
      [sha256(token), purpose],
    ),
  );
  const account = used[0];
  if (!account) return null;
  await manager.query("UPDATE app_user SET password_hash = $2 WHERE id = $1", [
    account.userId,
    passwordHash,
  ]);
  return account;
}

/** The new password's problem, if any: too weak, or made of the holder's own name or address. */
export function newPasswordProblem(password: string, holder: { name: string; email: string }) {
  return passwordProblem(password, [holder.name, holder.email.split("@")[0]!]);
}

/**
 * A new invitation link for the invited account, and its e-mail when e-mail is set up. Earlier
 * links of the account stop working. Answers the link itself only when no e-mail goes out: the
 * inviter then passes it on.
 */
async function sendInvitation(
  manager: EntityManager,
  viewer: Viewer,
  userId: string,
  mail: MailConfig,
): Promise<string | null> {
  const link = await newAccountLink(manager, {
    userId,
    purpose: "INVITATION",
    minutes: invitationDays * 24 * 60,
    createdBy: viewer.userId,
  });
  const url = invitationLink(mail.publicUrl, link.token);
  if (!mail.smtpUrl) return url;
  const rendered = renderInvitationMail({
    organizationName: link.organizationName,
    link: url,
    expiresAt: link.expiresAt,
  });
  await queueAccountMail(manager, "INVITATION", { linkId: link.id, userId, ...rendered });
  return null;
}

export interface InviteInput {
  organizationId: string;
  name: string;
  email: string;
  roles: Role[];
}

/** Creates an account without a password and invites its holder; answers its id (and link). */
export function inviteWorker(
  db: DataSource,
  viewer: Viewer,
  input: InviteInput,
  mail: MailConfig,
): Promise<{ userId: string; link: string | null }> {
  assertManages(viewer, input.organizationId);
  assertGrantable(viewer, input.roles);
  return withUniqueEmail(inTransaction(db, (manager) => invite(manager, viewer, input, mail)));
}

async function invite(
  manager: EntityManager,
  viewer: Viewer,
  input: InviteInput,
  mail: MailConfig,
): Promise<{ userId: string; link: string | null }> {
  const [{ id }] = (await manager.query(
    `INSERT INTO app_user (organization_id, email, name, roles, password_hash)
     VALUES ($1, $2, $3, $4, NULL) RETURNING id`,
    [input.organizationId, normalizeEmail(input.email), input.name.trim(), input.roles],
  )) as [{ id: string }];
  const link = await sendInvitation(manager, viewer, id, mail);
  await recordSecurityEvent(manager, "INVITED", {
    organizationId: input.organizationId,
    actorUserId: viewer.userId,
    subjectUserId: id,
    roles: input.roles,
  });
  return { userId: id, link };
}

/** An address that already has an account is the inviter's mistake, said in Dutch. */
async function withUniqueEmail<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (sqlState(error) === "23505") {
      throw new UserInputError("Er is al een account met dit e-mailadres.", "email");
    }
    throw error;
  }
}

/**
 * A new partner in the region: the regiobeheerder adds the organisation together with its first
 * beheerder, who is invited at once. Both or neither: a partner nobody can log in to is of no use.
 */
export function onboardPartner(
  db: DataSource,
  viewer: Viewer,
  input: { organization: NewOrganizationInput; beheerder: { name: string; email: string } },
  mail: MailConfig,
): Promise<{ organizationId: string; userId: string; link: string | null }> {
  if (!viewer.roles.includes(Role.REGIO_BEHEERDER)) {
    throw new ForbiddenError("Alleen een regiobeheerder kan een ketenpartner toevoegen.");
  }
  return withUniqueEmail(
    inTransaction(db, async (manager) => {
      const organizationId = await addOrganization(manager, input.organization);
      const invited = await invite(
        manager,
        viewer,
        { organizationId, ...input.beheerder, roles: [Role.BEHEERDER, Role.MEDEWERKER] },
        mail,
      );
      return { organizationId, ...invited };
    }),
  );
}

/** A new link for an invitation that was not accepted yet; the old one stops working. */
export async function resendInvitation(
  db: DataSource,
  viewer: Viewer,
  userId: string,
  mail: MailConfig,
): Promise<string | null> {
  return inTransaction(db, async (manager) => {
    const { account } = await lockedAccount(manager, viewer, userId);
    if (!account.invited || account.disabled) {
      throw new ConflictError("Dit account heeft geen openstaande uitnodiging.");
    }
    const link = await sendInvitation(manager, viewer, userId, mail);
    await recordSecurityEvent(manager, "INVITATION_RESENT", {
      organizationId: account.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: userId,
    });
    return link;
  });
}

/** Withdraws an invitation: its link stops working and the account cannot be used. */
export async function revokeInvitation(
  db: DataSource,
  viewer: Viewer,
  userId: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const { account } = await lockedAccount(manager, viewer, userId);
    if (!account.invited || account.disabled) {
      throw new ConflictError("Dit account heeft geen openstaande uitnodiging.");
    }
    await manager.query(
      `UPDATE account_link SET revoked_at = now()
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId],
    );
    await manager.query("UPDATE app_user SET disabled_at = now() WHERE id = $1", [userId]);
    await recordSecurityEvent(manager, "INVITATION_REVOKED", {
      organizationId: account.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: userId,
    });
  });
}

const unusableInvitation =
  "Deze uitnodiging is verlopen, al gebruikt of ingetrokken. Vraag de beheerder van uw organisatie om een nieuwe.";

/** What the invitation page shows before the password is chosen; null for a link that is not valid. */
export function invitationFor(db: Queryable, token: string) {
  return usableLink(db, token, "INVITATION");
}

/**
 * Accepts an invitation: the account gets its password and becomes active, and the link is
 * used up. Answers the account's id, to log its holder in.
 */
export async function acceptInvitation(
  db: DataSource,
  token: string,
  password: string,
): Promise<string> {
  const invitation = await invitationFor(db, token);
  if (!invitation) throw new UserInputError(unusableInvitation, "token");
  const problem = await newPasswordProblem(password, invitation);
  if (problem) throw new UserInputError(problem, "password");
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (manager) => {
    const account = await useLinkForPassword(manager, token, "INVITATION", passwordHash);
    if (!account) throw new UserInputError(unusableInvitation, "token");
    await recordSecurityEvent(manager, "INVITATION_ACCEPTED", {
      organizationId: account.organizationId,
      subjectUserId: account.userId,
    });
    return account.userId;
  });
}

// ── Roles, leavers ───────────────────────────────────────────────────────────────────────────

export async function setAccountRoles(
  db: DataSource,
  viewer: Viewer,
  userId: string,
  roles: Role[],
): Promise<void> {
  assertGrantable(viewer, roles);
  await inTransaction(db, async (manager) => {
    const { account, activeBeheerders } = await lockedAccount(manager, viewer, userId);
    if (
      account.roles.includes(Role.REGIO_BEHEERDER) !== roles.includes(Role.REGIO_BEHEERDER) &&
      !viewer.roles.includes(Role.REGIO_BEHEERDER)
    ) {
      throw new ForbiddenError("Alleen een regiobeheerder kan iemand regiobeheerder maken.");
    }
    assertNotLastBeheerder(account, activeBeheerders, roles.includes(Role.BEHEERDER));
    await manager.query("UPDATE app_user SET roles = $2 WHERE id = $1", [userId, roles]);
    await recordSecurityEvent(manager, "ROLES_CHANGED", {
      organizationId: account.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: userId,
      roles,
    });
  });
}

/**
 * Disables a leaver at once: every session ends (the next request is refused), an open
 * invitation stops working. Their open work stays where it is, to be handed over.
 */
export async function disableAccount(
  db: DataSource,
  viewer: Viewer,
  userId: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const { account, activeBeheerders } = await lockedAccount(manager, viewer, userId);
    if (account.disabled) throw new ConflictError("Dit account is al uitgeschakeld.");
    assertNotLastBeheerder(account, activeBeheerders, false);
    await manager.query("UPDATE app_user SET disabled_at = now() WHERE id = $1", [userId]);
    await manager.query(
      "UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
      [userId],
    );
    await manager.query(
      `UPDATE account_link SET revoked_at = now()
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId],
    );
    await recordSecurityEvent(manager, "DISABLED", {
      organizationId: account.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: userId,
    });
  });
}

/** Enables an account that was disabled; one whose invitation was withdrawn is invited anew. */
export async function enableAccount(db: DataSource, viewer: Viewer, userId: string): Promise<void> {
  await inTransaction(db, async (manager) => {
    const { account } = await lockedAccount(manager, viewer, userId);
    if (!account.disabled) throw new ConflictError("Dit account is niet uitgeschakeld.");
    if (account.invited) {
      throw new ConflictError(
        "Deze persoon heeft nooit een wachtwoord gekozen. Nodig hem of haar opnieuw uit.",
      );
    }
    await manager.query("UPDATE app_user SET disabled_at = NULL WHERE id = $1", [userId]);
    await recordSecurityEvent(manager, "ENABLED", {
      organizationId: account.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: userId,
    });
  });
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

export interface AccountListing {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  status: AccountStatus;
  lastLoginAt: Date | null;
  invitationExpiresAt: Date | null;
  /** Open work of a leaver to hand over: regie, open agreements, nazorg plans. */
  regieCases: number;
  openAgreements: number;
  nazorgPlans: number;
  secondFactor: boolean;
}

/** The organisation's accounts, for its beheerder: active first, by name. */
export async function organizationAccounts(
  db: Queryable,
  viewer: Viewer,
  organizationId: string,
): Promise<AccountListing[]> {
  assertManages(viewer, organizationId);
  return (await db.query(
    `SELECT u.id, u.name, u.email, u.roles, u.last_login_at AS "lastLoginAt",
            CASE WHEN u.disabled_at IS NOT NULL THEN 'UITGESCHAKELD'
                 WHEN u.password_hash IS NULL
                  AND NOT EXISTS (SELECT 1 FROM sso_identity i WHERE i.user_id = u.id)
                 THEN 'UITGENODIGD' ELSE 'ACTIEF' END AS status,
            (SELECT max(l.expires_at) FROM account_link l
              WHERE l.user_id = u.id AND l.used_at IS NULL AND l.revoked_at IS NULL)
              AS "invitationExpiresAt",
            (SELECT count(*)::int FROM regie_assignment r
              WHERE r.user_id = u.id AND r.ended_at IS NULL) AS "regieCases",
            (SELECT count(*)::int FROM agreement a
              WHERE a.owner_user_id = u.id AND a.status = 'OPEN') AS "openAgreements",
            (SELECT count(*)::int FROM nazorg_plan p
              WHERE p.responsible_user_id = u.id AND p.status = 'ACTIVE') AS "nazorgPlans",
            has_second_factor(u.id) AS "secondFactor"
       FROM app_user u
      WHERE u.organization_id = $1
      ORDER BY u.disabled_at IS NOT NULL, u.name, u.id`,
    [organizationId],
  )) as AccountListing[];
}
