import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The search's catalogue version (what its cached counts and remembered text queries are checked
 * against) is counted like the directory's version (migration 1765500000000): a token per
 * writing transaction instead of one row every writer updates. With that row, every change to an
 * offering, a location's place or a gemeente waited for the one before it to commit, and an
 * organisation's new name (which rewrites its offerings' search text) waited for an HSDS import
 * to finish. The counts of old versions are no longer deleted by every change: a count is only
 * used at the version it was made at, and counts of a day old go (the counting statement).
 */
export class CatalogVersionWithoutWaiting1765600000000 implements MigrationInterface {
  name = "CatalogVersionWithoutWaiting1765600000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      INSERT INTO change_counter (name, compacted)
        SELECT 'offering_catalog', version FROM offering_catalog;
      CREATE OR REPLACE FUNCTION offering_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM count_change('offering_catalog');
        RETURN NULL;
      END
      $$;
      DROP TABLE offering_catalog;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE offering_catalog (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL DEFAULT 1
      );
      INSERT INTO offering_catalog (version) SELECT change_count('offering_catalog');
      CREATE OR REPLACE FUNCTION offering_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE offering_catalog SET version = version + 1;
        DELETE FROM search_count_cache;
        RETURN NULL;
      END
      $$;
      DELETE FROM change_token WHERE counter = 'offering_catalog';
      DELETE FROM change_counter WHERE name = 'offering_catalog';
    `);
  }
}
