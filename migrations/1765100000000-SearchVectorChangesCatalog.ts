import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An offering's search vectors and the vocabulary of typo alternatives (`search_word`) are
 * rewritten by `offering_search_refresh`, a BEFORE trigger on title, description and
 * organisation. A column trigger fires only for the columns an UPDATE names, not for those a
 * BEFORE trigger changes, so an update of the description alone left the catalogue version as
 * it was: counts kept for a search stayed in use although its matches had changed. The catalogue
 * now changes with every column that trigger reads, which also makes the version a safe check
 * for the remembered text queries (server/offering/offering-search-text.ts).
 */
export class SearchVectorChangesCatalog1765100000000 implements MigrationInterface {
  name = "SearchVectorChangesCatalog1765100000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ${catalogUpdatedTrigger(["title", "description", "organization_id"])}
      UPDATE offering_catalog SET version = version + 1;
      DELETE FROM search_count_cache;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(catalogUpdatedTrigger(["title"]));
  }
}

/** The trigger that changes the catalogue on an update of the columns a search reads. */
function catalogUpdatedTrigger(searchTextColumns: string[]): string {
  return `
      DROP TRIGGER offering_catalog_updated ON offering;
      CREATE TRIGGER offering_catalog_updated
        AFTER UPDATE OF status, module, phases, palette_level, life_domains, target_groups,
          channels, delivered_by, gemeente_codes, capacity_available, search_vector,
          headline_vector, ${searchTextColumns.join(", ")} ON offering
        FOR EACH STATEMENT EXECUTE FUNCTION offering_catalog_changed();`;
}
