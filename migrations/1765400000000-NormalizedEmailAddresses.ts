import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Accounts are stored, found and counted by one form of their e-mail address (see
 * server/auth/email-address.ts, which is `ketenkaart_email_key` in JavaScript): NFKC, then A–Z in
 * lower case, then NFKC again. Uniqueness was `lower(email)`, whose case mapping depends on the
 * C library or ICU: `İ` and `i` were one address to PostgreSQL and two to the login limit, which
 * counted in JavaScript. Now every stored address is in that form (a CHECK keeps it so), the
 * unique index is on the address itself, and a login compares it exactly.
 *
 * Two accounts whose addresses have the same form stop the migration, naming the accounts:
 * which of them keeps the address is for an administrator to decide, not for a migration.
 *
 * The login limit's counters now have keys of another form (server/security/rate-limits.ts);
 * the old ones would never be read again, so they go.
 */
export class NormalizedEmailAddresses1765400000000 implements MigrationInterface {
  name = "NormalizedEmailAddresses1765400000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION ketenkaart_email_key(address text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT normalize(translate(normalize(address, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
                                   'abcdefghijklmnopqrstuvwxyz'), NFKC)
      $$;

      DO $$
      DECLARE
        clashes text;
      BEGIN
        SELECT string_agg(accounts, '; ') INTO clashes FROM (
          SELECT string_agg(id::text, ', ' ORDER BY created_at, id) AS accounts
            FROM app_user GROUP BY ketenkaart_email_key(email) HAVING count(*) > 1) clash;
        IF clashes IS NOT NULL THEN
          RAISE EXCEPTION 'accounts share an e-mail address once normalised (app_user ids): %', clashes
            USING HINT = 'Give each of these accounts an address of its own, then migrate again.';
        END IF;
      END
      $$;

      UPDATE app_user SET email = ketenkaart_email_key(email)
       WHERE email <> ketenkaart_email_key(email);
      DROP INDEX app_user_email_idx;
      CREATE UNIQUE INDEX app_user_email_key ON app_user (email);
      ALTER TABLE app_user ADD CONSTRAINT app_user_email_normalized
        CHECK (email = ketenkaart_email_key(email));

      DELETE FROM rate_limit WHERE key LIKE 'login-account:%' OR key LIKE 'login-ip:%';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // The addresses stay in their normalised form: how they were spelled before is not kept.
    await db.query(`
      ALTER TABLE app_user DROP CONSTRAINT app_user_email_normalized;
      DROP INDEX app_user_email_key;
      CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));
      DROP FUNCTION ketenkaart_email_key(text);
      DELETE FROM rate_limit WHERE key LIKE 'login-account:%' OR key LIKE 'login-ip:%';
    `);
  }
}
