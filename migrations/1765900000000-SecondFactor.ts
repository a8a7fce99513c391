import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Two-factor login with an authenticator app (TOTP):
 *
 * - `totp_credential`: one per account, its secret sealed with the server's key (the server
 *   must read it back to check a code); `confirmed_at` once a first code proved the app has it;
 *   `last_used_step` so a code is accepted once, never replayed within its half minute.
 * - `recovery_code`: one-time codes for a lost phone, kept as hashes only.
 * - the security log gains the second factor's steps.
 */
export class SecondFactor1765900000000 implements MigrationInterface {
  name = "SecondFactor1765900000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE totp_credential (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        secret_sealed bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        last_used_step bigint
      );

      CREATE TABLE recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        code_hash bytea NOT NULL UNIQUE,
        used_at timestamptz
      );
      CREATE INDEX recovery_code_user_idx ON recovery_code (user_id);

      ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
      ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check CHECK (kind IN
        ('LOGIN', 'LOGIN_FAILED', 'INVITED', 'INVITATION_RESENT', 'INVITATION_REVOKED',
         'INVITATION_ACCEPTED', 'ROLES_CHANGED', 'DISABLED', 'ENABLED', 'PASSWORD_CHANGED',
         'SESSION_ENDED', 'PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET',
         'SECOND_FACTOR_ENABLED', 'SECOND_FACTOR_DISABLED', 'SECOND_FACTOR_RESET',
         'RECOVERY_CODE_USED'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM security_event WHERE kind IN ('SECOND_FACTOR_ENABLED', 'SECOND_FACTOR_DISABLED',
        'SECOND_FACTOR_RESET', 'RECOVERY_CODE_USED');
      ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
      ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check CHECK (kind IN
        ('LOGIN', 'LOGIN_FAILED', 'INVITED', 'INVITATION_RESENT', 'INVITATION_REVOKED',
         'INVITATION_ACCEPTED', 'ROLES_CHANGED', 'DISABLED', 'ENABLED', 'PASSWORD_CHANGED',
         'SESSION_ENDED', 'PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET'));
      DROP TABLE recovery_code;
      DROP TABLE totp_credential;
    `);
  }
}
