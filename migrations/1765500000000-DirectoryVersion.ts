import type { MigrationInterface, QueryRunner } from "typeorm";

/** The tables the public directory (the HSDS export) is read from. */
const directoryTables = [
  "region",
  "gemeente",
  "organization",
  "location",
  "offering",
  "offering_location",
];

/**
 * A version of the public directory: it goes up in the same transaction as any change to a
 * table the HSDS export reads, so an export built at a version is the export of that version for
 * as long as it holds. Any number of instances can then keep a built export (and answer
 * `If-None-Match` with 304) without keeping state of their own: each reads the version in
 * PostgreSQL and builds again when it moved.
 *
 * Unlike `offering_catalog` (the search's counts), it also covers what the search does not
 * read: an organisation's phone number, a location's street, an offering's contact person.
 * Every statement that takes this row's lock takes it before `offering_catalog`'s (triggers
 * of one event fire in name order, and every table with a catalogue trigger has this one), so
 * two writers can never wait for each other the other way round.
 */
export class DirectoryVersion1765500000000 implements MigrationInterface {
  name = "DirectoryVersion1765500000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE directory_version (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL DEFAULT 1
      );
      INSERT INTO directory_version DEFAULT VALUES;
      CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE directory_version SET version = version + 1;
        RETURN NULL;
      END
      $$;
      ${directoryTables
        .map(
          (table) => `
      CREATE TRIGGER directory_changed
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();`,
        )
        .join("")}
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ${directoryTables.map((table) => `DROP TRIGGER directory_changed ON ${table};`).join("\n      ")}
      DROP FUNCTION directory_changed();
      DROP TABLE directory_version;
    `);
  }
}
