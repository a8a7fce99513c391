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
 * A version of the public directory: it changes, in the same commit, with any change to a
 * table the HSDS export reads, so an export built at a version is the export of that version for
 * as long as it holds. Any number of instances can then keep a built export (and answer
 * `If-None-Match` with 304) without keeping state of their own: each reads the version in
 * PostgreSQL and builds again when it moved.
 *
 * A counter row that every writer updates would make every write to the directory wait for the
 * one before it to commit (an HSDS import holds it for the whole import). So a writing
 * transaction adds a row of its own to `change_token` (no other writer touches it), and the
 * version is `compacted` plus the tokens a snapshot sees: committed changes only ever add
 * tokens, so two snapshots with the same version see the same directory. Whoever gets the
 * advisory lock without waiting folds the visible tokens into `compacted` in the same
 * transaction, which keeps the sum and keeps the table small.
 *
 * Written for any counter (`count_change(name)`, or the trigger `change_counted(name)`), so
 * another cache can count its tables the same way.
 */
export class DirectoryVersion1765500000000 implements MigrationInterface {
  name = "DirectoryVersion1765500000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE change_counter (
        name text PRIMARY KEY,
        compacted bigint NOT NULL DEFAULT 0
      );
      CREATE TABLE change_token (
        counter text NOT NULL REFERENCES change_counter (name),
        transaction_id xid8 NOT NULL,
        PRIMARY KEY (counter, transaction_id)
      );
      INSERT INTO change_counter (name) VALUES ('directory');

      CREATE FUNCTION count_change(counter_name text) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO change_token (counter, transaction_id)
          VALUES (counter_name, pg_current_xact_id())
          ON CONFLICT DO NOTHING;
        IF pg_try_advisory_xact_lock(hashtext('change_counter'), hashtext(counter_name)) THEN
          WITH folded AS (
            DELETE FROM change_token WHERE counter = counter_name RETURNING 1
          )
          UPDATE change_counter SET compacted = compacted + (SELECT count(*) FROM folded)
           WHERE name = counter_name;
        END IF;
      END
      $$;
      CREATE FUNCTION change_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM count_change(TG_ARGV[0]);
        RETURN NULL;
      END
      $$;

      CREATE FUNCTION change_count(counter_name text) RETURNS bigint LANGUAGE sql STABLE AS $$
        SELECT c.compacted + (SELECT count(*) FROM change_token t WHERE t.counter = c.name)
          FROM change_counter c WHERE c.name = counter_name
      $$;
      ${directoryTables
        .map(
          (table) => `
      CREATE TRIGGER directory_changed
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION change_counted('directory');`,
        )
        .join("")}
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ${directoryTables.map((table) => `DROP TRIGGER directory_changed ON ${table};`).join("\n      ")}
      DROP FUNCTION change_count(text);
      DROP FUNCTION change_counted();
      DROP FUNCTION count_change(text);
      DROP TABLE change_token;
      DROP TABLE change_counter;
    `);
  }
}
