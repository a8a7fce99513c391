import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Retention: a client whose cases have all been closed for longer than the configured term is
 * anonymised by a job (server/privacy/retention.service.ts). The term counts from the moment a
 * case was closed, which the database now records itself; cases closed before this migration
 * count from their last change. `anonymised_at` says that it happened and keeps the job from
 * doing it twice.
 */
export class Retention1764600000001 implements MigrationInterface {
  name = "Retention1764600000001";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE care_case ADD COLUMN closed_at timestamptz;
      UPDATE care_case SET closed_at = updated_at WHERE phase = 'AFGESLOTEN';
      ALTER TABLE care_case ADD CONSTRAINT care_case_closed_at_check
        CHECK ((phase = 'AFGESLOTEN') = (closed_at IS NOT NULL));

      -- Set by the database so no code path can close a case without starting the term.
      CREATE FUNCTION care_case_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.phase <> 'AFGESLOTEN' THEN
          NEW.closed_at := NULL;
        ELSIF TG_OP = 'INSERT' OR OLD.phase <> 'AFGESLOTEN' THEN
          NEW.closed_at := coalesce(NEW.closed_at, now());
        END IF;
        RETURN NEW;
      END
      $$;
      CREATE TRIGGER care_case_closed_at BEFORE INSERT OR UPDATE OF phase ON care_case
        FOR EACH ROW EXECUTE FUNCTION care_case_closed_at();
      CREATE INDEX care_case_closed_idx ON care_case (closed_at) WHERE phase = 'AFGESLOTEN';

      ALTER TABLE client ADD COLUMN anonymised_at timestamptz;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE client DROP COLUMN anonymised_at;
      DROP INDEX care_case_closed_idx;
      DROP TRIGGER care_case_closed_at ON care_case;
      DROP FUNCTION care_case_closed_at();
      ALTER TABLE care_case DROP CONSTRAINT care_case_closed_at_check;
      ALTER TABLE care_case DROP COLUMN closed_at;
    `);
  }
}
