import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Clients (only what the chain needs: no BSN), their consents, cases with the case team, the
 * regie history, and the access log of every read and write of client data.
 *
 * "Exactly one regie holder at any time" is the database's job: a partial unique index allows
 * at most one current assignment per case, and a deferred constraint trigger demands at least
 * one when a transaction commits, so a handover (end one, start the next) is atomic.
 */
export class ClientsCasesAndRegie1764000000000 implements MigrationInterface {
  name = "ClientsCasesAndRegie1764000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
        birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
        gemeente_code text REFERENCES gemeente (code),
        postcode_area text CHECK (postcode_area ~ '^[1-9][0-9]{3}$'),
        contact_preferences text[] NOT NULL DEFAULT '{}' CHECK (contact_preferences <@ ARRAY[
          'TELEFOON', 'WHATSAPP', 'EMAIL', 'BRIEF', 'LIEVER_NIET_BELLEN']),
        language_needs text CHECK (length(language_needs) <= 300),
        created_by_organization_id uuid NOT NULL REFERENCES organization (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        recipient_organization_ids uuid[] NOT NULL CHECK (cardinality(recipient_organization_ids) > 0),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 3 AND 500),
        data_categories text[] NOT NULL CHECK (cardinality(data_categories) > 0),
        method text NOT NULL CHECK (method IN ('MONDELING', 'SCHRIFTELIJK')),
        given_on date NOT NULL,
        valid_until date NOT NULL,
        recorded_by_user_id uuid NOT NULL REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_by_user_id uuid REFERENCES app_user (id),
        CHECK (valid_until >= given_on),
        CHECK ((withdrawn_at IS NULL) = (withdrawn_by_user_id IS NULL))
      );
      CREATE INDEX consent_client_idx ON consent (client_id);

      CREATE TABLE care_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        phase text NOT NULL CHECK (phase IN ('STABILISATIE', 'ONTWIKKELING', 'NAZORG', 'AFGESLOTEN')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX care_case_client_idx ON care_case (client_id);

      -- The case team: the organisations involved and their role in this case.
      CREATE TABLE case_member (
        case_id uuid NOT NULL REFERENCES care_case (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id),
        role text NOT NULL CHECK (length(role) BETWEEN 1 AND 200),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, organization_id)
      );
      CREATE INDEX case_member_organization_idx ON case_member (organization_id);

      CREATE TABLE regie_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES care_case (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        user_id uuid REFERENCES app_user (id),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        decided_by_user_id uuid NOT NULL REFERENCES app_user (id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 1000),
        CHECK (ended_at IS NULL OR ended_at >= started_at),
        -- Only a member of the case team can hold regie.
        FOREIGN KEY (case_id, organization_id) REFERENCES case_member (case_id, organization_id)
      );
      CREATE UNIQUE INDEX regie_assignment_one_current_idx ON regie_assignment (case_id) WHERE ended_at IS NULL;
      CREATE INDEX regie_assignment_case_idx ON regie_assignment (case_id, started_at);

      CREATE FUNCTION assert_case_has_regie_holder(checked_case uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM care_case WHERE id = checked_case)
           AND NOT EXISTS (SELECT 1 FROM regie_assignment WHERE case_id = checked_case AND ended_at IS NULL) THEN
          RAISE EXCEPTION 'case % has no regie holder', checked_case
            USING ERRCODE = 'check_violation', CONSTRAINT = 'care_case_one_regie_holder';
        END IF;
      END
      $$;
      CREATE FUNCTION care_case_regie_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM assert_case_has_regie_holder(NEW.id);
        RETURN NULL;
      END
      $$;
      CREATE FUNCTION regie_assignment_regie_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM assert_case_has_regie_holder(OLD.case_id);
        RETURN NULL;
      END
      $$;
      CREATE CONSTRAINT TRIGGER care_case_one_regie_holder
        AFTER INSERT ON care_case DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION care_case_regie_check();
      CREATE CONSTRAINT TRIGGER regie_assignment_one_regie_holder
        AFTER UPDATE OR DELETE ON regie_assignment DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION regie_assignment_regie_check();

      -- Who read or changed which client data, on what basis. Never on stdout.
      CREATE TABLE access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        roles text[] NOT NULL,
        action text NOT NULL CHECK (action IN ('READ', 'CREATE', 'UPDATE')),
        object_type text NOT NULL,
        object_id uuid NOT NULL,
        client_id uuid NOT NULL,
        basis text NOT NULL
      );
      CREATE INDEX access_log_client_idx ON access_log (client_id, at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE access_log;
      DROP TABLE regie_assignment;
      DROP FUNCTION regie_assignment_regie_check();
      DROP FUNCTION care_case_regie_check();
      DROP FUNCTION assert_case_has_regie_holder(uuid);
      DROP TABLE case_member;
      DROP TABLE care_case;
      DROP TABLE consent;
      DROP TABLE client;
    `);
  }
}
