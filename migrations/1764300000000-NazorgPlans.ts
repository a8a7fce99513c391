import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Nazorg plans and waakvlam contacts (DOMAIN.md): one plan per case with its duration, the
 * responsible organisation and worker, its adjustments as history, the planned and held contact
 * moments, and the relapse risk ("terugvalrisico") an out-of-balance contact raises.
 *
 * The responsible organisation must be on the case team and the worker must belong to it: both
 * are foreign keys, the second through a new unique key on app_user (id, organization_id).
 */
export class NazorgPlans1764300000000 implements MigrationInterface {
  name = "NazorgPlans1764300000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_id_organization_key UNIQUE (id, organization_id);

      CREATE TABLE nazorg_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES care_case (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'NOT_FEASIBLE')),
        trajectory_ended_on date,
        saneringskrediet boolean NOT NULL DEFAULT false,
        credit_granted_on date,
        starts_on date,
        duration_months integer CHECK (duration_months BETWEEN 1 AND 60),
        ends_on date GENERATED ALWAYS AS ((starts_on + make_interval(months => duration_months))::date) STORED,
        responsible_organization_id uuid,
        responsible_user_id uuid,
        palette_level text CHECK (palette_level IN ('P1', 'P2', 'P3', 'A1', 'A2', 'A3', 'A4', 'A5',
          'A6', 'A7', 'A8', 'A9', 'A10')),
        client_wishes text CHECK (length(client_wishes) <= 2000),
        not_feasible_reason text CHECK (length(not_feasible_reason) BETWEEN 3 AND 2000),
        created_by_user_id uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (case_id, responsible_organization_id)
          REFERENCES case_member (case_id, organization_id),
        FOREIGN KEY (responsible_user_id, responsible_organization_id)
          REFERENCES app_user (id, organization_id),
        -- Not feasible always says why; an active plan always has its start, length and owner.
        CHECK ((status = 'NOT_FEASIBLE') = (not_feasible_reason IS NOT NULL)),
        CHECK (status <> 'ACTIVE' OR (starts_on IS NOT NULL AND duration_months IS NOT NULL
          AND responsible_organization_id IS NOT NULL)),
        -- After a saneringskrediet nazorg counts from the day the credit was granted.
        CHECK (NOT saneringskrediet OR starts_on IS NULL OR starts_on = credit_granted_on),
        CHECK (responsible_user_id IS NULL OR responsible_organization_id IS NOT NULL)
      );
      CREATE INDEX nazorg_plan_responsible_idx ON nazorg_plan (responsible_organization_id);

      -- Extend, intensify or shorten, agreed with the client: kept as history with the reason.
      CREATE TABLE nazorg_plan_adjustment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES nazorg_plan (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('EXTEND', 'INTENSIFY', 'SHORTEN')),
        reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 1000),
        previous_duration_months integer NOT NULL,
        new_duration_months integer NOT NULL,
        previous_palette_level text,
        new_palette_level text,
        decided_by_user_id uuid NOT NULL REFERENCES app_user (id),
        decided_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (kind <> 'EXTEND' OR new_duration_months > previous_duration_months),
        CHECK (kind <> 'SHORTEN' OR new_duration_months < previous_duration_months)
      );
      CREATE INDEX nazorg_plan_adjustment_plan_idx ON nazorg_plan_adjustment (plan_id, decided_at);

      -- A planned contact moment, or a contact that was held (planned or not).
      CREATE TABLE nazorg_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES nazorg_plan (id) ON DELETE CASCADE,
        planned_on date,
        held_on date,
        channel text CHECK (channel IN ('TELEFOON', 'WHATSAPP', 'EMAIL', 'VIDEO', 'OP_KANTOOR',
          'HUISBEZOEK', 'GROEP', 'INLOOP')),
        held_by_user_id uuid REFERENCES app_user (id),
        in_balance text CHECK (in_balance IN ('YES', 'NO', 'UNKNOWN')),
        signals text[] NOT NULL DEFAULT '{}' CHECK (signals <@ ARRAY['LIFE_EVENT', 'NEW_ARREARS',
          'STRESS', 'INCOME_DROP', 'HEALTH', 'HOUSING', 'PAYMENT_PROBLEMS', 'NO_CONTACT']),
        note text CHECK (length(note) <= 2000),
        follow_up text CHECK (length(follow_up) <= 1000),
        registered_by_user_id uuid REFERENCES app_user (id),
        registered_at timestamptz,
        CHECK (planned_on IS NOT NULL OR held_on IS NOT NULL),
        -- A held contact is complete: when, how, by whom and whether income and expenses balance.
        CHECK ((held_on IS NULL) = (channel IS NULL)
          AND (held_on IS NULL) = (held_by_user_id IS NULL)
          AND (held_on IS NULL) = (in_balance IS NULL)
          AND (held_on IS NULL) = (registered_at IS NULL)
          AND (held_on IS NULL) = (registered_by_user_id IS NULL))
      );
      CREATE INDEX nazorg_contact_plan_idx ON nazorg_contact (plan_id, planned_on);
      CREATE INDEX nazorg_contact_open_idx ON nazorg_contact (planned_on) WHERE held_on IS NULL;

      -- Terugvalrisico: raised by a contact out of balance, cleared by a later one in balance.
      CREATE TABLE relapse_risk (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES care_case (id) ON DELETE CASCADE,
        since date NOT NULL,
        raised_by_contact_id uuid NOT NULL REFERENCES nazorg_contact (id) ON DELETE CASCADE,
        cleared_on date,
        cleared_by_contact_id uuid REFERENCES nazorg_contact (id) ON DELETE CASCADE,
        CHECK ((cleared_on IS NULL) = (cleared_by_contact_id IS NULL)),
        CHECK (cleared_on IS NULL OR cleared_on >= since)
      );
      CREATE UNIQUE INDEX relapse_risk_one_open_idx ON relapse_risk (case_id) WHERE cleared_on IS NULL;
      CREATE INDEX relapse_risk_case_idx ON relapse_risk (case_id, since);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE relapse_risk;
      DROP TABLE nazorg_contact;
      DROP TABLE nazorg_plan_adjustment;
      DROP TABLE nazorg_plan;
      ALTER TABLE app_user DROP CONSTRAINT app_user_id_organization_key;
    `);
  }
}
