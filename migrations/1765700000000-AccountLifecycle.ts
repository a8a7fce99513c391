import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Accounts a region runs itself: a worker is invited (an account without a password until the
 * invitation is accepted), disabled when they leave and enabled again, and every such step is
 * written to an append-only security log.
 *
 * - `account_link`: the single-use links of invitations, kept as a hash of their token only,
 *   with their expiry; a link is used or revoked once and never again.
 * - `security_event`: who did what to which account, when; ids and role names only. The
 *   application may add and read events, never change or delete one.
 * - `mail_outbox` also carries an invitation: about an account link instead of a referral.
 */
export class AccountLifecycle1765700000000 implements MigrationInterface {
  name = "AccountLifecycle1765700000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
      ALTER TABLE app_user ADD COLUMN last_login_at timestamptz;

      CREATE TABLE account_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('INVITATION')),
        token_hash bytea NOT NULL UNIQUE,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CHECK (used_at IS NULL OR revoked_at IS NULL)
      );
      CREATE INDEX account_link_user_idx ON account_link (user_id);

      CREATE TABLE security_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL CHECK (kind IN ('LOGIN', 'LOGIN_FAILED', 'INVITED', 'INVITATION_RESENT',
          'INVITATION_REVOKED', 'INVITATION_ACCEPTED', 'ROLES_CHANGED', 'DISABLED', 'ENABLED',
          'PASSWORD_CHANGED', 'SESSION_ENDED')),
        organization_id uuid NOT NULL REFERENCES organization (id),
        actor_user_id uuid REFERENCES app_user (id),
        subject_user_id uuid REFERENCES app_user (id),
        roles text[]
      );
      CREATE INDEX security_event_organization_idx ON security_event (organization_id, occurred_at DESC);
      REVOKE UPDATE, DELETE, TRUNCATE ON security_event FROM ketenkaart_app;

      ALTER TABLE mail_outbox ALTER COLUMN referral_id DROP NOT NULL;
      ALTER TABLE mail_outbox ADD COLUMN account_link_id uuid
        REFERENCES account_link (id) ON DELETE CASCADE;
      ALTER TABLE mail_outbox ADD CHECK (num_nonnulls(referral_id, account_link_id) = 1);
      ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
      ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check CHECK (kind IN
        ('NEW_REFERRAL', 'RESPONSE_OVERDUE', 'RESPONSE_OVERDUE_SENDER', 'INVITATION'));
      DROP POLICY mail_outbox_enqueue ON mail_outbox;
      CREATE POLICY mail_outbox_enqueue ON mail_outbox FOR INSERT TO ketenkaart_app
        WITH CHECK (EXISTS (SELECT 1 FROM referral r WHERE r.id = referral_id)
                    OR EXISTS (SELECT 1 FROM account_link l WHERE l.id = account_link_id));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY mail_outbox_enqueue ON mail_outbox;
      CREATE POLICY mail_outbox_enqueue ON mail_outbox FOR INSERT TO ketenkaart_app
        WITH CHECK (EXISTS (SELECT 1 FROM referral r WHERE r.id = referral_id));
      DELETE FROM mail_outbox WHERE account_link_id IS NOT NULL;
      ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
      ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
        CHECK (kind IN ('NEW_REFERRAL', 'RESPONSE_OVERDUE', 'RESPONSE_OVERDUE_SENDER'));
      ALTER TABLE mail_outbox DROP COLUMN account_link_id;
      ALTER TABLE mail_outbox ALTER COLUMN referral_id SET NOT NULL;
      DROP TABLE security_event;
      DROP TABLE account_link;
      ALTER TABLE app_user DROP COLUMN last_login_at;
      DELETE FROM app_user WHERE password_hash IS NULL;
      ALTER TABLE app_user ALTER COLUMN password_hash SET NOT NULL;
    `);
  }
}
