import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The sociale kaart: geography (regions, gemeenten, PC4 areas), organisations with their loket
 * and locations, and offerings with every dimension of DOMAIN.md, plus the search machinery:
 * a Dutch text search configuration that ignores accents, a word list for typo tolerance
 * (pg_trgm) and an indexable great-circle distance (cube/earthdistance).
 */
export class SocialeKaart1763800000000 implements MigrationInterface {
  name = "SocialeKaart1763800000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE EXTENSION IF NOT EXISTS cube;
      CREATE EXTENSION IF NOT EXISTS earthdistance;

      -- Dutch stemming with accents folded away, so "financiele" finds "financiële".
      CREATE TEXT SEARCH CONFIGURATION ketenkaart_nl (COPY = pg_catalog.dutch);
      ALTER TEXT SEARCH CONFIGURATION ketenkaart_nl
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;

      -- Haversine distance in km on the mean earth radius (IUGG), the value users and tests
      -- compute; earthdistance's own earth() radius differs by 0.1 %.
      CREATE FUNCTION ketenkaart_distance_km(lat1 float8, lon1 float8, lat2 float8, lon2 float8)
        RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT 2 * 6371.0088 * asin(sqrt(
            sin(radians(lat2 - lat1) / 2) ^ 2
            + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ^ 2))
        $$;

      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL
      );

      CREATE TABLE gemeente (
        code text PRIMARY KEY CHECK (code ~ '^GM[0-9]{4}$'),
        name text NOT NULL,
        region_id uuid REFERENCES region (id)
      );
      CREATE INDEX gemeente_region_idx ON gemeente (region_id);

      CREATE TABLE postcode_area (
        code text PRIMARY KEY CHECK (code ~ '^[1-9][0-9]{3}$'),
        latitude float8 NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude float8 NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        gemeente_code text NOT NULL REFERENCES gemeente (code)
      );
      CREATE INDEX postcode_area_gemeente_idx ON postcode_area (gemeente_code);

      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('GEMEENTELIJKE_SCHULDHULP', 'KREDIETBANK', 'WIJKTEAM',
          'MAATSCHAPPELIJK_WERK', 'SOCIAAL_RAADSLIEDEN', 'VRIJWILLIGERSORGANISATIE', 'BEWINDVOERDER',
          'WONINGCORPORATIE', 'ZORG_GGZ', 'OVERIG')),
        description text,
        gemeente_codes text[] NOT NULL DEFAULT '{}',
        contact_phone text,
        contact_email text,
        contact_address text,
        opening_hours text,
        walk_in_hours text,
        website text,
        nvvk_member boolean NOT NULL DEFAULT false,
        coordinator jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX organization_gemeenten_idx ON organization USING gin (gemeente_codes);

      CREATE TABLE location (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        name text,
        street text NOT NULL,
        postcode text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
        city text NOT NULL,
        latitude float8 NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude float8 NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        gemeente_code text REFERENCES gemeente (code)
      );
      CREATE INDEX location_organization_idx ON location (organization_id);
      -- Lets "within N km" prune candidates through earth_box() before the exact distance.
      CREATE INDEX location_earth_idx ON location USING gist (ll_to_earth(latitude, longitude));

      CREATE TABLE offering (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL CHECK (length(description) <= 5000),
        module text NOT NULL CHECK (module IN ('VROEGSIGNALERING', 'CRISISHULP',
          'FINANCIELE_NOODHULP', 'INFORMATIE_ADVIES', 'INTAKE', 'INVENTARISATIE', 'BUDGETCOACHING',
          'BETALINGSREGELING', 'CASEMANAGEMENT', 'WAAKVLAM_NAZORG', 'SCHULDREGELING', 'BUDGETBEHEER',
          'BESCHERMINGSBEWIND')),
        phases text[] NOT NULL CHECK (cardinality(phases) > 0
          AND phases <@ ARRAY['STABILISATIE', 'ONTWIKKELING', 'NAZORG']),
        palette_level text CHECK (palette_level IN ('P1', 'P2', 'P3', 'A1', 'A2', 'A3', 'A4', 'A5',
          'A6', 'A7', 'A8', 'A9', 'A10')),
        life_domains text[] NOT NULL DEFAULT '{}' CHECK (life_domains <@ ARRAY['WONEN', 'FINANCIEN',
          'WERK_DAGBESTEDING', 'ONDERWIJS', 'SOCIALE_CONTACTEN', 'PSYCHISCHE_GEZONDHEID',
          'LICHAMELIJKE_GEZONDHEID', 'OPVOEDING', 'HUISHOUDING', 'VOEDING', 'VEILIGHEID', 'ZINGEVING']),
        target_groups text[] NOT NULL DEFAULT '{}' CHECK (target_groups <@ ARRAY['JONGEREN', 'OUDEREN',
          'GEZINNEN', 'ONDERNEMERS', 'WERKENDEN', 'LVB', 'LAAGGELETTERD', 'NAH', 'ANDERSTALIGEN',
          'ZORGMIJDERS']),
        channels text[] NOT NULL CHECK (cardinality(channels) > 0 AND channels <@ ARRAY['TELEFOON',
          'WHATSAPP', 'EMAIL', 'VIDEO', 'OP_KANTOOR', 'HUISBEZOEK', 'GROEP', 'INLOOP']),
        delivered_by text[] NOT NULL CHECK (cardinality(delivered_by) > 0
          AND delivered_by <@ ARRAY['BEROEPSKRACHT', 'VRIJWILLIGER', 'ERVARINGSDESKUNDIGE']),
        frequency text,
        duration text,
        costs text,
        waiting_time text,
        capacity_available integer CHECK (capacity_available >= 0),
        capacity_total integer CHECK (capacity_total >= 0),
        capacity_updated_at timestamptz,
        documents_needed boolean NOT NULL DEFAULT false,
        documents_note text,
        languages text[] NOT NULL DEFAULT '{nl}',
        -- The gemeenten the partner says it covers, and (derived, for search) those plus the
        -- gemeenten of its locations: where the offering can be used.
        covered_gemeente_codes text[] NOT NULL DEFAULT '{}',
        gemeente_codes text[] NOT NULL DEFAULT '{}',
        contact_person jsonb,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'ENDED')),
        last_verified_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Maintained by offering_search_refresh(): title (A), organisation name (B), description (C).
        search_vector tsvector NOT NULL DEFAULT ''::tsvector,
        -- A nazorg offering has a place on the palette; others have none.
        CONSTRAINT offering_palette_only_for_nazorg CHECK (
          (palette_level IS NULL) = NOT ('NAZORG' = ANY (phases))),
        CONSTRAINT offering_capacity_within_total CHECK (
          capacity_total IS NULL OR capacity_available <= capacity_total)
      );
      CREATE INDEX offering_organization_idx ON offering (organization_id);
      CREATE INDEX offering_search_idx ON offering USING gin (search_vector);
      CREATE INDEX offering_phases_idx ON offering USING gin (phases);
      CREATE INDEX offering_life_domains_idx ON offering USING gin (life_domains);
      CREATE INDEX offering_target_groups_idx ON offering USING gin (target_groups);
      CREATE INDEX offering_channels_idx ON offering USING gin (channels);
      CREATE INDEX offering_gemeenten_idx ON offering USING gin (gemeente_codes);
      CREATE INDEX offering_status_module_idx ON offering (status, module);

      CREATE TABLE offering_location (
        offering_id uuid NOT NULL REFERENCES offering (id) ON DELETE CASCADE,
        location_id uuid NOT NULL REFERENCES location (id) ON DELETE CASCADE,
        PRIMARY KEY (offering_id, location_id)
      );
      CREATE INDEX offering_location_location_idx ON offering_location (location_id);

      -- Every word that occurs in offering texts, accent-free: the vocabulary that a mistyped
      -- search word is matched against by trigram similarity ("budgetbeher" -> "budgetbeheer").
      CREATE TABLE search_word (word text PRIMARY KEY);
      CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops);

      CREATE FUNCTION offering_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
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

      CREATE TRIGGER offering_search_refresh
        BEFORE INSERT OR UPDATE OF title, description, organization_id ON offering
        FOR EACH ROW EXECUTE FUNCTION offering_search_refresh();

      -- A renamed organisation stays findable under its new name.
      CREATE FUNCTION organization_name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE offering SET title = title WHERE organization_id = NEW.id;
        RETURN NEW;
      END
      $$;

      CREATE TRIGGER organization_name_changed
        AFTER UPDATE OF name ON organization
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
        EXECUTE FUNCTION organization_name_changed();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE offering_location;
      DROP TABLE offering;
      DROP TABLE search_word;
      DROP TABLE location;
      DROP TABLE organization;
      DROP TABLE postcode_area;
      DROP TABLE gemeente;
      DROP TABLE region;
      DROP FUNCTION organization_name_changed();
      DROP FUNCTION offering_search_refresh();
      DROP FUNCTION ketenkaart_distance_km(float8, float8, float8, float8);
      DROP TEXT SEARCH CONFIGURATION ketenkaart_nl;
    `);
  }
}
