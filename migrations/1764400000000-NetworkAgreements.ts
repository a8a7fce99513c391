import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Network agreements (samenwerkingsafspraken) between the partners of a region: their parties,
 * the gemeenten they apply to and their validity period.
 *
 * "One regie holder for nazorg per gemeente at any time" is the database's job: every gemeente
 * of an agreement gets a row that carries the agreement's kind and period (kept in step by a
 * cascading foreign key), and an exclusion constraint refuses two REGIE_NAZORG rows for one
 * gemeente whose periods overlap. Comparing text with = in a GiST index needs btree_gist.
 */
export class NetworkAgreements1764400000000 implements MigrationInterface {
  name = "NetworkAgreements1764400000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      CREATE TABLE network_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('REGIE_NAZORG', 'REFERRAL_AGREEMENT', 'COVENANT',
          'EARLY_SIGNALING', 'OTHER')),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        description text CHECK (length(description) <= 2000),
        -- Only an agreement on regie names the organisation that holds it.
        regie_organization_id uuid REFERENCES organization (id),
        response_norm_working_days integer CHECK (response_norm_working_days BETWEEN 1 AND 60),
        valid_from date NOT NULL,
        valid_until date,
        -- Both ends inclusive; an open end runs on indefinitely.
        valid_during daterange NOT NULL GENERATED ALWAYS AS (daterange(valid_from, valid_until, '[]')) STORED,
        -- Empty for agreements loaded with the region's seed data.
        created_by_user_id uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_until IS NULL OR valid_until >= valid_from),
        CHECK ((kind = 'REGIE_NAZORG') = (regie_organization_id IS NOT NULL)),
        UNIQUE (id, kind, valid_during)
      );

      CREATE TABLE network_agreement_party (
        agreement_id uuid NOT NULL REFERENCES network_agreement (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id),
        PRIMARY KEY (agreement_id, organization_id)
      );
      CREATE INDEX network_agreement_party_organization_idx ON network_agreement_party (organization_id);

      -- The regie holder is one of the parties. Deferred: agreement and parties are inserted
      -- in one transaction, the agreement first.
      ALTER TABLE network_agreement ADD CONSTRAINT network_agreement_regie_holder_is_party
        FOREIGN KEY (id, regie_organization_id)
        REFERENCES network_agreement_party (agreement_id, organization_id)
        DEFERRABLE INITIALLY DEFERRED;

      CREATE TABLE network_agreement_gemeente (
        agreement_id uuid NOT NULL,
        gemeente_code text NOT NULL REFERENCES gemeente (code),
        kind text NOT NULL,
        valid_during daterange NOT NULL,
        PRIMARY KEY (agreement_id, gemeente_code),
        FOREIGN KEY (agreement_id, kind, valid_during)
          REFERENCES network_agreement (id, kind, valid_during) ON UPDATE CASCADE ON DELETE CASCADE,
        CONSTRAINT network_agreement_one_regie_nazorg_per_gemeente
          EXCLUDE USING gist (gemeente_code WITH =, valid_during WITH &&) WHERE (kind = 'REGIE_NAZORG')
      );
      CREATE INDEX network_agreement_gemeente_code_idx ON network_agreement_gemeente (gemeente_code);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE network_agreement_gemeente;
      ALTER TABLE network_agreement DROP CONSTRAINT network_agreement_regie_holder_is_party;
      DROP TABLE network_agreement_party;
      DROP TABLE network_agreement;
      DROP EXTENSION IF EXISTS btree_gist;
    `);
  }
}
