import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What keeps the sociale kaart search fast at national scale (BENCHMARKS.md):
 *
 * - `headline_vector`: title and organisation name only, with its own GIN index. Ranking reads
 *   this small vector for the few offerings whose headline matches, instead of scoring every
 *   match's full text: matches in the description alone follow in alphabetical order.
 * - An index on the title order of active offerings, which the page of a search without text
 *   (or of description-only matches) walks instead of sorting every match.
 * - `search_count_cache`: a search's total and facet counts, computed once per catalogue
 *   version. `offering_catalog.version` goes up in the same transaction as any change that can
 *   alter a count, so a cached row is used only while it still tells the truth; the reader checks
 *   the version in the same snapshot as the counts it stores.
 * - The search's GIN indexes without a pending list (`fastupdate = off`): offerings change
 *   seldom and are searched all day, and a pending list of up to 4 MB is scanned linearly by
 *   every search until vacuum merges it (measured: 11 ms instead of 0.1 ms for one gemeente).
 */
export class FastSearch1764900000000 implements MigrationInterface {
  name = "FastSearch1764900000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE offering ADD COLUMN headline_vector tsvector NOT NULL DEFAULT ''::tsvector;
      UPDATE offering o SET headline_vector =
          setweight(to_tsvector('ketenkaart_nl', o.title), 'A')
          || setweight(to_tsvector('ketenkaart_nl', coalesce(org.name, '')), 'B')
        FROM organization org WHERE org.id = o.organization_id;
      CREATE INDEX offering_headline_idx ON offering USING gin (headline_vector);
      CREATE INDEX offering_title_order_idx ON offering (lower(title), id) WHERE status = 'ACTIVE';
      ALTER INDEX offering_search_idx SET (fastupdate = off);
      ALTER INDEX offering_headline_idx SET (fastupdate = off);
      ALTER INDEX offering_gemeenten_idx SET (fastupdate = off);
      ALTER INDEX offering_channels_idx SET (fastupdate = off);
      ALTER INDEX offering_phases_idx SET (fastupdate = off);
      ALTER INDEX offering_life_domains_idx SET (fastupdate = off);
      ALTER INDEX offering_target_groups_idx SET (fastupdate = off);
      SELECT gin_clean_pending_list(index::regclass) FROM unnest(ARRAY['offering_search_idx',
        'offering_gemeenten_idx', 'offering_channels_idx', 'offering_phases_idx',
        'offering_life_domains_idx', 'offering_target_groups_idx']) AS index;

      CREATE OR REPLACE FUNCTION offering_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        organization_name text;
      BEGIN
        SELECT name INTO organization_name FROM organization WHERE id = NEW.organization_id;
        NEW.headline_vector :=
          setweight(to_tsvector('ketenkaart_nl', NEW.title), 'A')
          || setweight(to_tsvector('ketenkaart_nl', coalesce(organization_name, '')), 'B');
        NEW.search_vector :=
          NEW.headline_vector
          || setweight(to_tsvector('ketenkaart_nl', NEW.description), 'C');
        INSERT INTO search_word (word)
          SELECT DISTINCT w FROM regexp_split_to_table(
            lower(unaccent(NEW.title || ' ' || NEW.description || ' ' || coalesce(organization_name, ''))),
            '[^[:alnum:]]+') AS w
          WHERE length(w) >= 3
          ON CONFLICT DO NOTHING;
        RETURN NEW;
      END
      $$;

      CREATE TABLE offering_catalog (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL DEFAULT 1
      );
      INSERT INTO offering_catalog DEFAULT VALUES;

      CREATE TABLE search_count_cache (
        key text PRIMARY KEY,
        version bigint NOT NULL,
        counts jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- Counts of searches nobody repeated are dropped after a day (the counting statement does
      -- it), so a catalogue that never changes does not collect every search ever made.
      CREATE INDEX search_count_cache_created_idx ON search_count_cache (created_at);

      -- Any change that can alter what a search counts makes every cached count stale (and
      -- removes them: they can never be used again).
      CREATE FUNCTION offering_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE offering_catalog SET version = version + 1;
        DELETE FROM search_count_cache;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER offering_catalog_changed
        AFTER INSERT OR DELETE OR TRUNCATE ON offering
        FOR EACH STATEMENT EXECUTE FUNCTION offering_catalog_changed();
      CREATE TRIGGER offering_catalog_updated
        AFTER UPDATE OF status, module, phases, palette_level, life_domains, target_groups,
          channels, delivered_by, gemeente_codes, capacity_available, search_vector,
          headline_vector, title ON offering
        FOR EACH STATEMENT EXECUTE FUNCTION offering_catalog_changed();
      CREATE TRIGGER offering_catalog_changed
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offering_location
        FOR EACH STATEMENT EXECUTE FUNCTION offering_catalog_changed();
      CREATE TRIGGER offering_catalog_changed
        AFTER UPDATE OF latitude, longitude ON location
        FOR EACH STATEMENT EXECUTE FUNCTION offering_catalog_changed();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER offering_catalog_changed ON location;
      DROP TRIGGER offering_catalog_changed ON offering_location;
      DROP TRIGGER offering_catalog_updated ON offering;
      DROP TRIGGER offering_catalog_changed ON offering;
      DROP FUNCTION offering_catalog_changed();
      DROP TABLE search_count_cache;
      DROP TABLE offering_catalog;
      CREATE OR REPLACE FUNCTION offering_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        organization_name text;
      BEGIN
        SELECT name INTO organization_name FROM organization WHERE id = NEW.organization_id;
        NEW.search_vector :=
          setweight(to_tsvector('ketenkaart_nl', NEW.title), 'A')
          || setweight(to_tsvector('ketenkaart_nl', coalesce(organization_name, '')), 'B')
          || setweight(to_tsvector('ketenkaart_nl', NEW.description), 'C');
        INSERT INTO search_word (word)
          SELECT DISTINCT w FROM regexp_split_to_table(
            lower(unaccent(NEW.title || ' ' || NEW.description || ' ' || coalesce(organization_name, ''))),
            '[^[:alnum:]]+') AS w
          WHERE length(w) >= 3
          ON CONFLICT DO NOTHING;
        RETURN NEW;
      END
      $$;
      ALTER INDEX offering_search_idx RESET (fastupdate);
      ALTER INDEX offering_gemeenten_idx RESET (fastupdate);
      ALTER INDEX offering_channels_idx RESET (fastupdate);
      ALTER INDEX offering_phases_idx RESET (fastupdate);
      ALTER INDEX offering_life_domains_idx RESET (fastupdate);
      ALTER INDEX offering_target_groups_idx RESET (fastupdate);
      DROP INDEX offering_title_order_idx;
      DROP INDEX offering_headline_idx;
      ALTER TABLE offering DROP COLUMN headline_vector;
    `);
  }
}
