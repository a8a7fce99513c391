import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Accounts of professionals (one organisation each, with roles) and their sessions. Sessions
 * live in PostgreSQL so any server instance can serve any request and a logout or revocation
 * takes effect everywhere at once; only a hash of the token is stored.
 */
export class AccountsAndSessions1763900000000 implements MigrationInterface {
  name = "AccountsAndSessions1763900000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        email text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0
          AND roles <@ ARRAY['MEDEWERKER', 'COORDINATOR', 'BEHEERDER', 'REGIO_BEHEERDER']),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));
      CREATE INDEX app_user_organization_idx ON app_user (organization_id);

      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX user_session_user_idx ON user_session (user_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE user_session;
      DROP TABLE app_user;
    `);
  }
}
