import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The search's cached counts now carry the names of the gemeenten they count, so a repeated
 * search needs no statement to look them up. A gemeente added, renamed or removed therefore
 * changes the catalogue like an offering does. Counts cached before this migration have no
 * names and are dropped.
 */
export class GemeenteNamesInCounts1765000000000 implements MigrationInterface {
  name = "GemeenteNamesInCounts1765000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TRIGGER offering_catalog_changed
        AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF name, code ON gemeente
        FOR EACH STATEMENT EXECUTE FUNCTION offering_catalog_changed();
      UPDATE offering_catalog SET version = version + 1;
      DELETE FROM search_count_cache;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER offering_catalog_changed ON gemeente;
      UPDATE offering_catalog SET version = version + 1;
      DELETE FROM search_count_cache;
    `);
  }
}
