import type {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { DataSource } from "typeorm";
import { ConflictError, NotFoundError, UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { type Queryable, returnedRows } from "../db/queryable.js";
import { inTransaction } from "../common/transaction.js";
import { issueRecoveryCodes } from "./second-factor.service.js";
import type { Viewer } from "./session.service.js";
import { recordSecurityEvent } from "./security-log.js";

// Loaded with the first passkey: its certificate parsing costs every start of the server time.
const webAuthn = () => import("@simplewebauthn/server");

/** How long a registration or login with a passkey may take, from the options to the answer. */
const challengeMinutes = 5;

/**
 * Who the passkeys belong to: the host users open Ketenkaart on (PUBLIC_URL), never a request's
 * Host header. A passkey works only on that site.
 */
export interface RelyingParty {
  id: string;
  origin: string;
}

export function relyingPartyOf(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, origin: url.origin };
}

type Purpose = "REGISTRATION" | "LOGIN";

// Kept in the database: the browser's answer may reach another instance.
async function keepChallenge(db: Queryable, userId: string, purpose: Purpose, challenge: string) {
  await db.query(
    `INSERT INTO webauthn_challenge (user_id, purpose, challenge, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(mins => $4))
     ON CONFLICT (user_id, purpose)
       DO UPDATE SET challenge = EXCLUDED.challenge, expires_at = EXCLUDED.expires_at`,
    [userId, purpose, challenge, challengeMinutes],
  );
}

/** The challenge under way, used up by taking it; null when there is none or it expired. */
async function takeChallenge(db: Queryable, userId: string, purpose: Purpose) {
  const [taken] = returnedRows<{ challenge: string; valid: boolean }>(
    await db.query(
      `DELETE FROM webauthn_challenge WHERE user_id = $1 AND purpose = $2
       RETURNING challenge, expires_at > now() AS valid`,
      [userId, purpose],
    ),
  );
  return taken?.valid ? taken.challenge : null;
}

interface StoredPasskey {
  credentialId: string;
  publicKey: Buffer;
  counter: string;
  transports: AuthenticatorTransportFuture[];
}

async function passkeysOf(db: Queryable, userId: string): Promise<StoredPasskey[]> {
  return (await db.query(
    `SELECT credential_id AS "credentialId", public_key AS "publicKey", counter, transports
       FROM passkey_credential WHERE user_id = $1 ORDER BY created_at`,
    [userId],
  )) as StoredPasskey[];
}

/** What the browser needs to make a passkey for the viewer (JSON for `startRegistration`). */
export async function startPasskeyRegistration(
  db: DataSource,
  viewer: Viewer,
  rp: RelyingParty,
): Promise<string> {
  const [{ email, name }] = (await db.query("SELECT email, name FROM app_user WHERE id = $1", [
    viewer.userId,
  ])) as [{ email: string; name: string }];
  const { generateRegistrationOptions } = await webAuthn();
  const options = await generateRegistrationOptions({
    rpName: "Ketenkaart",
    rpID: rp.id,
    userName: email,
    userDisplayName: name,
    userID: new TextEncoder().encode(viewer.userId),
    attestationType: "none",
    // The same authenticator twice would only look like a spare.
    excludeCredentials: (await passkeysOf(db, viewer.userId)).map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports,
    })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await keepChallenge(db, viewer.userId, "REGISTRATION", options.challenge);
  return JSON.stringify(options);
}

function parsed<T>(json: string): T | null {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" ? (value as T) : null;
  } catch {
    return null;
  }
}

const notAdded = "De passkey is niet toegevoegd. Probeer het opnieuw.";

/**
 * Stores the passkey the browser made. The account's first second factor comes with ten
 * recovery codes (answered once); otherwise the answer is empty.
 */
export async function finishPasskeyRegistration(
  db: DataSource,
  viewer: Viewer,
  rp: RelyingParty,
  responseJson: string,
  name: string,
): Promise<string[]> {
  const response = parsed<RegistrationResponseJSON>(responseJson);
  if (!response) throw new UserInputError(notAdded, "response");
  const { verifyRegistrationResponse } = await webAuthn();
  return inTransaction(db, async (manager) => {
    const challenge = await takeChallenge(manager, viewer.userId, "REGISTRATION");
    if (!challenge) throw new ConflictError("Begin opnieuw met het toevoegen van een passkey.");
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified) throw new UserInputError(notAdded, "response");
    const { credential } = verification.registrationInfo;
    const [{ had }] = (await manager.query("SELECT has_second_factor($1) AS had", [
      viewer.userId,
    ])) as [{ had: boolean }];
    const added = returnedRows(
      await manager.query(
        `INSERT INTO passkey_credential (user_id, credential_id, public_key, counter, transports, name)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (credential_id) DO NOTHING RETURNING id`,
        [
          viewer.userId,
          credential.id,
          Buffer.from(credential.publicKey),
          credential.counter,
          credential.transports ?? [],
          name,
        ],
      ),
    );
    if (added.length === 0) throw new ConflictError("Deze passkey is al toegevoegd.");
    await recordSecurityEvent(manager, "PASSKEY_ADDED", {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: viewer.userId,
    });
    return had ? [] : issueRecoveryCodes(manager, viewer.userId);
  });
}

/** What the browser needs to sign in with one of the account's passkeys (after the password). */
export async function passkeyLoginOptions(
  db: Queryable,
  userId: string,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { generateAuthenticationOptions } = await webAuthn();
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: (await passkeysOf(db, userId)).map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports,
    })),
    userVerification: "preferred",
  });
  await keepChallenge(db, userId, "LOGIN", options.challenge);
  return options;
}

/**
 * Checks the second step of a login made with a passkey: signed by one of the account's
 * passkeys over the challenge this login was given, which is then used up.
 */
export async function verifyPasskeyLogin(
  db: DataSource,
  userId: string,
  rp: RelyingParty,
  responseJson: string,
): Promise<boolean> {
  const response = parsed<AuthenticationResponseJSON>(responseJson);
  if (!response || typeof response.id !== "string") return false;
  const { verifyAuthenticationResponse } = await webAuthn();
  return inTransaction(db, async (manager) => {
    const challenge = await takeChallenge(manager, userId, "LOGIN");
    const [passkey] = (await manager.query(
      `SELECT id, credential_id AS "credentialId", public_key AS "publicKey", counter, transports
         FROM passkey_credential WHERE user_id = $1 AND credential_id = $2 FOR UPDATE`,
      [userId, response.id],
    )) as Array<StoredPasskey & { id: string }>;
    if (!challenge || !passkey) return false;
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified) return false;
    await manager.query(
      "UPDATE passkey_credential SET counter = $2, last_used_at = now() WHERE id = $1",
      [passkey.id, verification.authenticationInfo.newCounter],
    );
    return true;
  });
}

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function myPasskeys(db: Queryable, userId: string): Promise<PasskeySummary[]> {
  return (await db.query(
    `SELECT id, name, created_at AS "createdAt", last_used_at AS "lastUsedAt"
       FROM passkey_credential WHERE user_id = $1 ORDER BY created_at`,
    [userId],
  )) as PasskeySummary[];
}

/**
 * Removes one of the viewer's passkeys (their password was checked by the caller); the recovery
 * codes go along when no second factor remains.
 */
export async function removeOwnPasskey(
  db: DataSource,
  viewer: Viewer,
  passkeyId: string,
): Promise<void> {
  if (!isUuid(passkeyId)) throw new NotFoundError("Deze passkey bestaat niet (meer).");
  await inTransaction(db, async (manager) => {
    const removed = returnedRows(
      await manager.query(
        "DELETE FROM passkey_credential WHERE id = $1 AND user_id = $2 RETURNING id",
        [passkeyId, viewer.userId],
      ),
    );
    if (removed.length === 0) throw new NotFoundError("Deze passkey bestaat niet (meer).");
    await manager.query(
      "DELETE FROM recovery_code WHERE user_id = $1 AND NOT has_second_factor($1)",
      [viewer.userId],
    );
    await recordSecurityEvent(manager, "PASSKEY_REMOVED", {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      subjectUserId: viewer.userId,
    });
  });
}
