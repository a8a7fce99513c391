import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * E-mail notifications through a transactional outbox: the mail about a referral is written in
 * the same transaction as the referral's change, so a rolled-back change sends nothing and a
 * committed one is never without its mail. Every instance's mail job claims due rows with
 * FOR UPDATE SKIP LOCKED, sends them and marks them (server/mail/mail.job.ts).
 *
 * The rows hold no client data (the text names organisations, a deadline and a link) and no
 * e-mail address: the address is read from app_user when the mail goes out, so a worker who
 * switched notifications off or left in the meantime gets nothing. Sent and failed rows are
 * deleted after a configured number of days.
 *
 * `referral_reminder` makes the overdue reminder happen once per referral, whatever the number
 * of instances: its primary key is the guard, and it outlives the outbox's retention.
 *
 * Both tables are case data for row-level security: the application role may only add mail
 * about a referral it can see, and reads, changes or deletes nothing; the job works as owner.
 */
export class MailOutbox1764800000000 implements MigrationInterface {
  name = "MailOutbox1764800000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user ADD COLUMN email_notifications boolean NOT NULL DEFAULT true;

      CREATE TABLE mail_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('NEW_REFERRAL', 'RESPONSE_OVERDUE', 'RESPONSE_OVERDUE_SENDER')),
        referral_id uuid NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        text_body text NOT NULL CHECK (length(text_body) BETWEEN 1 AND 10000),
        html_body text NOT NULL CHECK (length(html_body) BETWEEN 1 AND 20000),
        state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        -- An SMTP reply code or a network error code, never the reply text (it may quote the address).
        last_error text CHECK (length(last_error) <= 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CHECK ((state = 'PENDING') = (finished_at IS NULL)),
        -- One mail of a kind per referral and worker, even if an enqueue were repeated.
        UNIQUE (kind, referral_id, user_id)
      );
      CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE state = 'PENDING';
      CREATE INDEX mail_outbox_finished_idx ON mail_outbox (finished_at) WHERE state <> 'PENDING';
      CREATE INDEX mail_outbox_user_idx ON mail_outbox (user_id);

      CREATE TABLE referral_reminder (
        referral_id uuid NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('RESPONSE_OVERDUE')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (referral_id, kind)
      );

      -- The job's scan for overdue referrals, every interval on every instance.
      CREATE INDEX referral_response_due_idx ON referral (response_due_at) WHERE state = 'SENT';

      ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
      CREATE POLICY mail_outbox_enqueue ON mail_outbox FOR INSERT TO ketenkaart_app
        WITH CHECK (EXISTS (SELECT 1 FROM referral r WHERE r.id = referral_id));
      -- Only the job (as owner) writes reminders; the application sees none.
      ALTER TABLE referral_reminder ENABLE ROW LEVEL SECURITY;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX referral_response_due_idx;
      DROP TABLE referral_reminder;
      DROP TABLE mail_outbox;
      ALTER TABLE app_user DROP COLUMN email_notifications;
    `);
  }
}
