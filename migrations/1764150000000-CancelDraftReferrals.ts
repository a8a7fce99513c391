import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A draft that is cancelled was never sent, so it has no sent time, deadlines or (perhaps)
 * consent; the first version of the check refused exactly that and cancelling a draft failed.
 * Now: never sent means draft or cancelled; anything sent carries its consent and deadlines.
 */
export class CancelDraftReferrals1764150000000 implements MigrationInterface {
  name = "CancelDraftReferrals1764150000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE referral DROP CONSTRAINT referral_check;
      ALTER TABLE referral ADD CONSTRAINT referral_sent_rests_on_consent CHECK (
        (sent_at IS NULL AND state IN ('DRAFT', 'CANCELLED'))
        OR (sent_at IS NOT NULL AND consent_id IS NOT NULL
            AND response_due_at IS NOT NULL AND intake_due_at IS NOT NULL));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE referral DROP CONSTRAINT referral_sent_rests_on_consent;
      ALTER TABLE referral ADD CONSTRAINT referral_check CHECK (state = 'DRAFT'
        OR (consent_id IS NOT NULL AND sent_at IS NOT NULL
            AND response_due_at IS NOT NULL AND intake_due_at IS NOT NULL));
    `);
  }
}
