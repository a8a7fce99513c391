import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Zorgoverleg: partners meet on a case and agree what will be done, by whom, how they keep each
 * other informed and who holds regie. A meeting is scheduled (when, where, who is invited) and
 * later recorded (summary, communication agreement, agreements, and a regie decision that links
 * the new regie assignment to the meeting).
 *
 * The database guards what the code checks too: invitees and agreement owners are on the case
 * team (foreign keys to case_member), an agreement belongs to the case of its meeting, and a
 * recorded meeting has its summary and communication agreement.
 */
export class Zorgoverleg1764200000000 implements MigrationInterface {
  name = "Zorgoverleg1764200000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE zorgoverleg (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES care_case (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        location text CHECK (length(location) BETWEEN 2 AND 300),
        video_link text CHECK (length(video_link) <= 500 AND video_link ~ '^https://'),
        client_participates boolean NOT NULL DEFAULT false,
        scheduled_by_user_id uuid NOT NULL REFERENCES app_user (id),
        scheduled_by_organization_id uuid NOT NULL REFERENCES organization (id),
        summary text CHECK (length(summary) BETWEEN 3 AND 5000),
        communication_agreement text CHECK (length(communication_agreement) BETWEEN 3 AND 2000),
        recorded_at timestamptz,
        recorded_by_user_id uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (location IS NOT NULL OR video_link IS NOT NULL),
        CHECK ((recorded_at IS NULL) = (recorded_by_user_id IS NULL)),
        CHECK (recorded_at IS NULL OR (summary IS NOT NULL AND communication_agreement IS NOT NULL)),
        -- Lets agreements insist that they belong to the case of their meeting.
        UNIQUE (id, case_id)
      );
      CREATE INDEX zorgoverleg_case_idx ON zorgoverleg (case_id, starts_at);

      -- Invited organisations (user_id null) and, where named, their workers.
      CREATE TABLE zorgoverleg_invitee (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zorgoverleg_id uuid NOT NULL,
        case_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        user_id uuid REFERENCES app_user (id),
        FOREIGN KEY (zorgoverleg_id, case_id) REFERENCES zorgoverleg (id, case_id) ON DELETE CASCADE,
        -- Only the case team takes part; an outside organisation joins it first, on consent.
        FOREIGN KEY (case_id, organization_id) REFERENCES case_member (case_id, organization_id)
      );
      CREATE UNIQUE INDEX zorgoverleg_invitee_organization_idx
        ON zorgoverleg_invitee (zorgoverleg_id, organization_id) WHERE user_id IS NULL;
      CREATE UNIQUE INDEX zorgoverleg_invitee_user_idx
        ON zorgoverleg_invitee (zorgoverleg_id, user_id) WHERE user_id IS NOT NULL;

      CREATE TABLE agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zorgoverleg_id uuid NOT NULL,
        case_id uuid NOT NULL,
        description text NOT NULL CHECK (length(description) BETWEEN 3 AND 1000),
        owner_organization_id uuid NOT NULL,
        owner_user_id uuid REFERENCES app_user (id),
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
        status_changed_at timestamptz,
        status_changed_by_user_id uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((status_changed_at IS NULL) = (status_changed_by_user_id IS NULL)),
        FOREIGN KEY (zorgoverleg_id, case_id) REFERENCES zorgoverleg (id, case_id) ON DELETE CASCADE,
        -- The owner is on the case team, as regie holders are.
        FOREIGN KEY (case_id, owner_organization_id) REFERENCES case_member (case_id, organization_id)
      );
      CREATE INDEX agreement_zorgoverleg_idx ON agreement (zorgoverleg_id, created_at);
      CREATE INDEX agreement_owner_organization_idx ON agreement (owner_organization_id, status, due_on);
      CREATE INDEX agreement_owner_user_idx ON agreement (owner_user_id, status, due_on);

      -- The regie decision of a zorgoverleg: the assignment it started.
      ALTER TABLE regie_assignment ADD COLUMN zorgoverleg_id uuid REFERENCES zorgoverleg (id);
      CREATE UNIQUE INDEX regie_assignment_zorgoverleg_idx ON regie_assignment (zorgoverleg_id)
        WHERE zorgoverleg_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX regie_assignment_zorgoverleg_idx;
      ALTER TABLE regie_assignment DROP COLUMN zorgoverleg_id;
      DROP TABLE agreement;
      DROP TABLE zorgoverleg_invitee;
      DROP TABLE zorgoverleg;
    `);
  }
}
