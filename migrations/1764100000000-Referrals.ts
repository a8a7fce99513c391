import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Warme overdracht: a referral of a case's client to another partner's offering, its state
 * (names aligned with the FHIR SDOH referral task), its norms and every transition as an event.
 */
export class Referrals1764100000000 implements MigrationInterface {
  name = "Referrals1764100000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES care_case (id) ON DELETE CASCADE,
        offering_id uuid NOT NULL REFERENCES offering (id),
        sender_organization_id uuid NOT NULL REFERENCES organization (id),
        sender_user_id uuid NOT NULL REFERENCES app_user (id),
        receiver_organization_id uuid NOT NULL REFERENCES organization (id),
        consent_id uuid REFERENCES consent (id),
        question text NOT NULL CHECK (length(question) BETWEEN 3 AND 2000),
        handover_summary text NOT NULL CHECK (length(handover_summary) BETWEEN 3 AND 5000),
        life_domains text[] NOT NULL DEFAULT '{}',
        urgency text NOT NULL CHECK (urgency IN ('NORMAAL', 'CRISIS')),
        contact_preferences text[] NOT NULL DEFAULT '{}',
        state text NOT NULL CHECK (state IN ('DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'INTRO_PLANNED',
          'IN_PROGRESS', 'COMPLETED', 'FAILED', 'ON_HOLD', 'CANCELLED')),
        sent_at timestamptz,
        received_at timestamptz,
        response_due_at timestamptz,
        intake_due_at timestamptz,
        introduction_at timestamptz,
        outcome text CHECK (length(outcome) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A sent referral always rests on a consent and carries its deadlines.
        CHECK (state = 'DRAFT' OR (consent_id IS NOT NULL AND sent_at IS NOT NULL
          AND response_due_at IS NOT NULL AND intake_due_at IS NOT NULL))
      );
      CREATE INDEX referral_case_idx ON referral (case_id);
      CREATE INDEX referral_receiver_idx ON referral (receiver_organization_id, state, response_due_at);
      CREATE INDEX referral_sender_idx ON referral (sender_organization_id, state);

      CREATE TABLE referral_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
        from_state text,
        to_state text NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        note text CHECK (length(note) <= 2000)
      );
      CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE referral_event;
      DROP TABLE referral;
    `);
  }
}
