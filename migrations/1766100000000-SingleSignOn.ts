import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Single sign-on with an organisation's own OpenID Connect issuer:
 *
 * - `sso_connection`: at most one per organisation; its client secret sealed with SSO_KEY (the
 *   server must send it to the issuer, so it cannot be a hash). An e-mail domain belongs to one
 *   organisation at most: the domain decides where a login goes.
 * - `sso_login_attempt`: a login between its start and the issuer's answer, kept here rather
 *   than in a server's memory, because the answer may reach another instance. Found by a hash
 *   of its state; used once; expired attempts are deleted when a new one starts.
 * - `sso_identity`: the issuer's subject an account last logged in as. Its presence also means
 *   the invitation was accepted by single sign-on: such an account has no password, and is
 *   active all the same.
 * - `user_session.second_factor_by_issuer`: the session began at the organisation's issuer, whose
 *   own login (and second factor) stands in for Ketenkaart's where a second factor is required.
 * - the security log gains the connection's changes.
 *
 * Nothing here is case data, so no row-level security; the default privileges of the
 * application role apply (migrations/1764600000000-RowLevelSecurity.ts).
 */
export class SingleSignOn1766100000000 implements MigrationInterface {
  name = "SingleSignOn1766100000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sso_connection (
        organization_id uuid PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
        issuer text NOT NULL CHECK (length(issuer) <= 500),
        -- The client id the issuer gave Ketenkaart; a column named client_id is an inwoner's here.
        openid_client text NOT NULL CHECK (length(openid_client) <= 500),
        client_secret_sealed bytea NOT NULL,
        email_domain text NOT NULL UNIQUE
          CHECK (email_domain = lower(email_domain) AND length(email_domain) <= 253),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE sso_login_attempt (
        state_hash bytea PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES sso_connection (organization_id) ON DELETE CASCADE,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sso_login_attempt_expires_idx ON sso_login_attempt (expires_at);
      -- Taken by DELETE … RETURNING, never changed.
      REVOKE UPDATE ON sso_login_attempt FROM ketenkaart_app;

      CREATE TABLE sso_identity (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        issuer text NOT NULL,
        subject text NOT NULL,
        first_login_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz NOT NULL DEFAULT now()
      );

      ALTER TABLE user_session
        ADD COLUMN second_factor_by_issuer boolean NOT NULL DEFAULT false;

      ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
      ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check CHECK (kind IN
        ('LOGIN', 'LOGIN_FAILED', 'INVITED', 'INVITATION_RESENT', 'INVITATION_REVOKED',
         'INVITATION_ACCEPTED', 'ROLES_CHANGED', 'DISABLED', 'ENABLED', 'PASSWORD_CHANGED',
         'SESSION_ENDED', 'PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET',
         'SECOND_FACTOR_ENABLED', 'SECOND_FACTOR_DISABLED', 'SECOND_FACTOR_RESET',
         'RECOVERY_CODE_USED', 'PASSKEY_ADDED', 'PASSKEY_REMOVED', 'SSO_CONFIGURED',
         'SSO_REMOVED'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM security_event WHERE kind IN ('SSO_CONFIGURED', 'SSO_REMOVED');
      ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
      ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check CHECK (kind IN
        ('LOGIN', 'LOGIN_FAILED', 'INVITED', 'INVITATION_RESENT', 'INVITATION_REVOKED',
         'INVITATION_ACCEPTED', 'ROLES_CHANGED', 'DISABLED', 'ENABLED', 'PASSWORD_CHANGED',
         'SESSION_ENDED', 'PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET',
         'SECOND_FACTOR_ENABLED', 'SECOND_FACTOR_DISABLED', 'SECOND_FACTOR_RESET',
         'RECOVERY_CODE_USED', 'PASSKEY_ADDED', 'PASSKEY_REMOVED'));
      ALTER TABLE user_session DROP COLUMN second_factor_by_issuer;
      DROP TABLE sso_identity;
      DROP TABLE sso_login_attempt;
      DROP TABLE sso_connection;
    `);
  }
}
