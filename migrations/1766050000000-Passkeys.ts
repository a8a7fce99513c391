import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Passkeys (WebAuthn) as a second factor beside the authenticator app:
 *
 * - `passkey_credential`: the public key of each passkey an account registered, and its
 *   signature counter (a counter that goes back betrays a cloned authenticator).
 * - `webauthn_challenge`: the challenge of a registration or login under way, one of each per
 *   account, in the database since the answer may reach another instance; used once.
 * - `has_second_factor(user)`: one definition of "this account logs in with a second factor"
 *   for every query that asks.
 * - the security log gains passkeys added and removed.
 */
export class Passkeys1766050000000 implements MigrationInterface {
  name = "Passkeys1766050000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE passkey_credential (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        credential_id text NOT NULL UNIQUE,
        public_key bytea NOT NULL,
        counter bigint NOT NULL DEFAULT 0,
        transports text[] NOT NULL DEFAULT '{}',
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      );
      CREATE INDEX passkey_credential_user_idx ON passkey_credential (user_id);

      CREATE TABLE webauthn_challenge (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('REGISTRATION', 'LOGIN')),
        challenge text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, purpose)
      );

      CREATE FUNCTION has_second_factor(account uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT FROM totp_credential
                        WHERE user_id = account AND confirmed_at IS NOT NULL)
            OR EXISTS (SELECT FROM passkey_credential WHERE user_id = account)
      $$;

      ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
      ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check CHECK (kind IN
        ('LOGIN', 'LOGIN_FAILED', 'INVITED', 'INVITATION_RESENT', 'INVITATION_REVOKED',
         'INVITATION_ACCEPTED', 'ROLES_CHANGED', 'DISABLED', 'ENABLED', 'PASSWORD_CHANGED',
         'SESSION_ENDED', 'PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET',
         'SECOND_FACTOR_ENABLED', 'SECOND_FACTOR_DISABLED', 'SECOND_FACTOR_RESET',
         'RECOVERY_CODE_USED', 'PASSKEY_ADDED', 'PASSKEY_REMOVED'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM security_event WHERE kind IN ('PASSKEY_ADDED', 'PASSKEY_REMOVED');
      ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
      ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check CHECK (kind IN
        ('LOGIN', 'LOGIN_FAILED', 'INVITED', 'INVITATION_RESENT', 'INVITATION_REVOKED',
         'INVITATION_ACCEPTED', 'ROLES_CHANGED', 'DISABLED', 'ENABLED', 'PASSWORD_CHANGED',
         'SESSION_ENDED', 'PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET',
         'SECOND_FACTOR_ENABLED', 'SECOND_FACTOR_DISABLED', 'SECOND_FACTOR_RESET',
         'RECOVERY_CODE_USED'));
      DROP FUNCTION has_second_factor(uuid);
      DROP TABLE webauthn_challenge;
      DROP TABLE passkey_credential;
    `);
  }
}
