import type { DataSource } from "typeorm";
import type { Viewer } from "../security/viewer.js";
import { ForbiddenError, UserInputError } from "../common/errors.js";
import { type Queryable, returnedRows } from "../db/queryable.js";
import { inTransaction, sqlState } from "../common/transaction.js";
import { logger } from "../logger.js";
import { open, seal } from "../security/secret-box.js";
import { discoverIssuer, isAcceptableIssuerUrl } from "./openid-issuer.js";
import { sha256 } from "../security/digest.js";
import { mayManageAccountsOf } from "../auth/account.policy.js";
import { recordSecurityEvent } from "../auth/security-log.js";

/** An organisation's connection as its beheerder sees it: never the secret. */
export interface SingleSignOnConnectionListing {
  organizationId: string;
  issuer: string;
  openidClientId: string;
  emailDomain: string;
  updatedAt: Date;
}

/** What the login needs of a connection, with the secret opened. */
export interface SingleSignOnClient {
  organizationId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomain: string;
}

function assertManages(viewer: Viewer, organizationId: string): void {
  if (!mayManageAccountsOf(viewer, organizationId)) {
    throw new ForbiddenError(
      "Alleen de beheerder van de organisatie of de regiobeheerder kan inloggen via de organisatie instellen.",
    );
  }
}

const listingColumns = `organization_id AS "organizationId", issuer, openid_client AS "openidClientId",
  email_domain AS "emailDomain", updated_at AS "updatedAt"`;

export async function singleSignOnConnection(
  db: Queryable,
  viewer: Viewer,
  organizationId: string,
): Promise<SingleSignOnConnectionListing | null> {
  assertManages(viewer, organizationId);
  const rows = (await db.query(
    `SELECT ${listingColumns} FROM sso_connection WHERE organization_id = $1`,
    [organizationId],
  )) as SingleSignOnConnectionListing[];
  return rows[0] ?? null;
}

// Labels of letters, digits and hyphens, at least two, the last one not only digits.
const domainPattern =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The domain as stored: lower case, without a leading @ or trailing dot; null when invalid. */
export function normalizeEmailDomain(domain: string): string | null {
  const normalized = domain.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase();
  return domainPattern.test(normalized) ? normalized : null;
}

export interface SetSingleSignOn {
  organizationId: string;
  issuer: string;
  openidClientId: string;
  /** Empty keeps the secret of the connection being replaced. */
  clientSecret: string | null;
  emailDomain: string;
}

/**
 * Sets or replaces the organisation's connection, after its issuer answered with a valid
 * discovery document. The secret is sealed with SSO_KEY; it is never read back to anyone.
 */
export async function setSingleSignOnConnection(
  db: DataSource,
  viewer: Viewer,
  input: SetSingleSignOn,
  settings: { key: Buffer; production: boolean },
): Promise<SingleSignOnConnectionListing> {
  assertManages(viewer, input.organizationId);
  const issuer = input.issuer.trim().replace(/\/+$/, "");
  if (!isAcceptableIssuerUrl(issuer, settings.production)) {
    throw new UserInputError(
      "Vul het adres van de issuer in, beginnend met https:// (zonder ? of #).",
      "issuer",
    );
  }
  const emailDomain = normalizeEmailDomain(input.emailDomain);
  if (!emailDomain) {
    throw new UserInputError(
      "Vul een geldig e-maildomein in, zoals organisatie.nl (zonder naam en @).",
      "emailDomain",
    );
  }
  const clientId = input.openidClientId.trim();
  let clientSecret = input.clientSecret?.trim() || null;
  if (!clientSecret) {
    const [current] = (await db.query(
      `SELECT client_secret_sealed AS sealed FROM sso_connection WHERE organization_id = $1`,
      [input.organizationId],
    )) as Array<{ sealed: Buffer }>;
    if (!current) {
      throw new UserInputError("Vul het client secret in dat de issuer gaf.", "clientSecret");
    }
    clientSecret = open(settings.key, current.sealed);
  }
  try {
    await discoverIssuer(issuer, { clientId, clientSecret }, settings.production);
  } catch (error) {
    logger.info({ kind: (error as Error)?.name }, "single sign-on issuer not usable");
    throw new UserInputError(
      "Ketenkaart kan deze issuer niet bereiken, of vindt er geen geldige OpenID Connect-configuratie (/.well-known/openid-configuration). Controleer het adres.",
      "issuer",
    );
  }
  const sealed = seal(settings.key, clientSecret);
  try {
    return await inTransaction(db, async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO sso_connection
           (organization_id, issuer, openid_client, client_secret_sealed, email_domain)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organization_id) DO UPDATE SET
           issuer = EXCLUDED.issuer, openid_client = EXCLUDED.openid_client,
           client_secret_sealed = EXCLUDED.client_secret_sealed,
           email_domain = EXCLUDED.email_domain, updated_at = now()
         RETURNING ${listingColumns}`,
        [input.organizationId, issuer, clientId, sealed, emailDomain],
      )) as [SingleSignOnConnectionListing];
      await recordSecurityEvent(manager, "SSO_CONFIGURED", {
        organizationId: input.organizationId,
        actorUserId: viewer.userId,
      });
      return row;
    });
  } catch (error) {
    if (sqlState(error) === "23505") {
      throw new UserInputError(
        "Dit e-maildomein is al gekoppeld aan een andere organisatie.",
        "emailDomain",
      );
    }
    throw error;
  }
}

/** Removes the connection: its users log in with a password again. Answers whether there was one. */
export async function removeSingleSignOnConnection(
  db: DataSource,
  viewer: Viewer,
  organizationId: string,
): Promise<boolean> {
  assertManages(viewer, organizationId);
  return inTransaction(db, async (manager) => {
    const removed = returnedRows(
      await manager.query(
        "DELETE FROM sso_connection WHERE organization_id = $1 RETURNING organization_id",
        [organizationId],
      ),
    );
    if (removed.length === 0) return false;
    await recordSecurityEvent(manager, "SSO_REMOVED", {
      organizationId,
      actorUserId: viewer.userId,
    });
    return true;
  });
}

/** The connection whose domain the address is on, with the secret opened; null if none. */
export async function singleSignOnClientFor(
  db: Queryable,
  email: string,
  key: Buffer,
): Promise<SingleSignOnClient | null> {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const rows = (await db.query(
    `SELECT organization_id AS "organizationId", issuer, openid_client AS "clientId",
            client_secret_sealed AS sealed, email_domain AS "emailDomain"
       FROM sso_connection WHERE email_domain = $1`,
    [domain],
  )) as Array<Omit<SingleSignOnClient, "clientSecret"> & { sealed: Buffer }>;
  const row = rows[0];
  if (!row) return null;
  const { sealed, ...client } = row;
  return { ...client, clientSecret: open(key, sealed) };
}

/** How long a started login waits for the issuer's answer. */
const attemptMinutes = 10;

/** Keeps a started login until the issuer answers (on whichever instance); clears old ones. */
export async function saveLoginAttempt(
  db: Queryable,
  attempt: { state: string; organizationId: string; nonce: string; codeVerifier: string },
): Promise<void> {
  await db.query("DELETE FROM sso_login_attempt WHERE expires_at <= now()");
  await db.query(
    `INSERT INTO sso_login_attempt (state_hash, organization_id, nonce, code_verifier, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
    [
      sha256(attempt.state),
      attempt.organizationId,
      attempt.nonce,
      attempt.codeVerifier,
      attemptMinutes,
    ],
  );
}

export const loginAttemptMaxAgeMs = attemptMinutes * 60_000;

/**
 * Takes the started login of this state, once: the same statement deletes it, so an answer
 * replayed (or sent to two instances) finds nothing the second time. Null when unknown or
 * expired. Answers the connection as it is now, with the secret opened.
 */
export async function takeLoginAttempt(
  db: Queryable,
  state: string,
  key: Buffer,
): Promise<(SingleSignOnClient & { nonce: string; codeVerifier: string }) | null> {
  const rows = (await db.query(
    `WITH taken AS (
       DELETE FROM sso_login_attempt WHERE state_hash = $1
       RETURNING organization_id, nonce, code_verifier, expires_at)
     SELECT c.organization_id AS "organizationId", c.issuer, c.openid_client AS "clientId",
            c.client_secret_sealed AS sealed, c.email_domain AS "emailDomain",
            t.nonce, t.code_verifier AS "codeVerifier"
       FROM taken t JOIN sso_connection c ON c.organization_id = t.organization_id
      WHERE t.expires_at > now()`,
    [sha256(state)],
  )) as Array<
    Omit<SingleSignOnClient, "clientSecret"> & {
      sealed: Buffer;
      nonce: string;
      codeVerifier: string;
    }
  >;
  const row = rows[0];
  if (!row) return null;
  const { sealed, ...attempt } = row;
  return { ...attempt, clientSecret: open(key, sealed) };
}

export type SingleSignOnAccount =
  | { kind: "none" }
  | { kind: "refused"; userId: string }
  | { kind: "active" | "invited"; userId: string };

/**
 * The account this verified address reaches in the connection's organisation: an active one,
 * an invited one (accepted by this login), or a disabled one, which is refused.
 */
export async function accountForLogin(
  db: Queryable,
  organizationId: string,
  email: string,
): Promise<SingleSignOnAccount> {
  const rows = (await db.query(
    `SELECT u.id, u.disabled_at IS NOT NULL AS disabled,
            u.password_hash IS NULL
              AND NOT EXISTS (SELECT 1 FROM sso_identity i WHERE i.user_id = u.id) AS invited
       FROM app_user u WHERE u.email = $1 AND u.organization_id = $2`,
    [email, organizationId],
  )) as Array<{ id: string; disabled: boolean; invited: boolean }>;
  const account = rows[0];
  if (!account) return { kind: "none" };
  if (account.disabled) return { kind: "refused", userId: account.id };
  return { kind: account.invited ? "invited" : "active", userId: account.id };
}

/**
 * Records the issuer's subject for the account; for an invited account, uses its invitation up
 * first, in the same transaction. False when the invitation can no longer be used (expired or
 * withdrawn): the login is refused.
 */
export async function recordIdentity(
  db: DataSource,
  account: { userId: string; organizationId: string; invited: boolean },
  identity: { issuer: string; subject: string },
): Promise<boolean> {
  return inTransaction(db, async (manager) => {
    if (account.invited) {
      const used = returnedRows(
        await manager.query(
          `UPDATE account_link SET used_at = now()
            WHERE user_id = $1 AND purpose = 'INVITATION' AND used_at IS NULL
              AND revoked_at IS NULL AND expires_at > now()
          RETURNING id`,
          [account.userId],
        ),
      );
      if (used.length === 0) return false;
      await recordSecurityEvent(manager, "INVITATION_ACCEPTED", {
        organizationId: account.organizationId,
        subjectUserId: account.userId,
      });
    }
    await manager.query(
      `INSERT INTO sso_identity (user_id, issuer, subject) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET
         issuer = EXCLUDED.issuer, subject = EXCLUDED.subject, last_login_at = now()`,
      [account.userId, identity.issuer, identity.subject],
    );
    return true;
  });
}
