import pg from "pg";

/**
 * A synthetic country for the benchmark, generated inside PostgreSQL so 100 000 offerings take
 * seconds, not minutes. Deterministic: every "random" choice is a hash of the row number and a
 * salt (bench_rand), so two runs with the same size give the same data.
 *
 * The vocabulary is Zipf-like (word k is drawn with probability falling with k), so some words
 * are rare and some common; "geldzaken" occurs in exactly a third of the offerings (the broad
 * word) and "kringloopwinkel" in one in 500 (the selective word).
 */
export const broadWord = "geldzaken";
export const selectiveWord = "kringloopwinkel";

const vocabulary = [
  "hulp",
  "schulden",
  "budget",
  "inkomen",
  "gesprek",
  "ondersteuning",
  "advies",
  "formulieren",
  "administratie",
  "post",
  "rekeningen",
  "betalen",
  "toeslagen",
  "huur",
  "energie",
  "zorgverzekering",
  "belasting",
  "aangifte",
  "uitkering",
  "werk",
  "gezin",
  "kinderen",
  "jongeren",
  "ouderen",
  "wijk",
  "buurt",
  "vrijwilliger",
  "maatje",
  "coach",
  "training",
  "cursus",
  "workshop",
  "spreekuur",
  "inloop",
  "thuis",
  "huisbezoek",
  "telefoon",
  "afspraak",
  "overzicht",
  "plan",
  "stappen",
  "samen",
  "rust",
  "stress",
  "zorgen",
  "vertrouwen",
  "overzichtelijk",
  "persoonlijk",
  "gratis",
  "snel",
  "wekelijks",
  "maandelijks",
  "begeleiding",
  "nazorg",
  "terugval",
  "voorkomen",
  "signalen",
  "vroeg",
  "kredietbank",
  "bewindvoering",
  "schuldregeling",
  "saneringskrediet",
  "betalingsregeling",
  "incasso",
  "deurwaarder",
  "beslag",
  "aanmaning",
  "boodschappen",
  "voedselbank",
  "kleding",
  "meubels",
  "kringloop",
  "taal",
  "lezen",
  "schrijven",
  "digitaal",
  "computer",
  "internet",
  "bank",
  "pinpas",
  "sparen",
  "lenen",
  "studie",
  "opleiding",
  "stage",
  "zzp",
  "ondernemer",
  "bedrijf",
  "faillissement",
  "scheiding",
  "rouw",
  "ziekte",
  "verslaving",
  "psychisch",
  "welzijn",
  "gezondheid",
  "sport",
  "beweging",
  "mantelzorg",
  "woning",
  "verhuizing",
  "ontruiming",
  "achterstand",
  "energiearmoede",
  "isolatie",
  "klussen",
  "fietsen",
  "reparatie",
  "koken",
  "gezond",
  "eten",
  "moestuin",
  "buurthuis",
  "bibliotheek",
  "statushouder",
  "nieuwkomer",
  "inburgering",
  "tolk",
  "arabisch",
  "turks",
  "pools",
  "engels",
  "laaggeletterdheid",
  "rekenen",
  "budgetcursus",
  "budgetmaatje",
  "thuisadministratie",
  "ordenen",
  "sorteren",
  "archief",
  "brieven",
  "mijnoverheid",
  "digid",
  "belastingdienst",
  "cak",
  "cjib",
  "duo",
  "uwv",
  "svb",
  "gemeente",
  "wijkteam",
  "sociaal",
  "raadslieden",
  "maatschappelijk",
  "werker",
  "ervaringsdeskundige",
  "lotgenoten",
  "groep",
  "bijeenkomst",
  "koffie",
  "ochtend",
  "middag",
  "avond",
  "weekend",
  "vakantie",
  "feestdagen",
  "kerst",
  "winter",
  "zomer",
  "school",
  "ouders",
  "opvoeding",
  "zwangerschap",
  "baby",
  "peuter",
  "tiener",
  "student",
  "pensioen",
  "aow",
  "weduwe",
  "alleenstaand",
  "eenoudergezin",
  "mantelzorger",
  "vrijwilligerswerk",
  "dagbesteding",
  "participatie",
  "reintegratie",
  "sollicitatie",
  "cv",
  "netwerk",
  "uitzendbureau",
  "contract",
  "loon",
  "loonbeslag",
  "vakantiegeld",
  "kinderbijslag",
  "huurtoeslag",
  "zorgtoeslag",
  "kindgebonden",
  "bijzondere",
  "bijstand",
  "minimaregeling",
  "meedoenregeling",
  "stadspas",
  "tegemoetkoming",
  "kwijtschelding",
  "gemeentelijke",
  "waterschap",
  "heffingen",
  "afvalstoffenheffing",
  "ozb",
  "verzekeringen",
  "inboedel",
  "aansprakelijkheid",
  "uitvaart",
  "testament",
  "erfenis",
  "notaris",
  "advocaat",
  "rechter",
  "rechtbank",
  "wsnp",
  "minnelijk",
  "traject",
  "intake",
  "aanmelding",
  "wachtlijst",
  "crisis",
  "noodfonds",
  "voorschot",
  "leefgeld",
  "weekgeld",
  "huishoudboekje",
  "app",
  "kasboek",
  "envelop",
  "potjes",
  "doelen",
  "motivatie",
  "zelfvertrouwen",
  "eigen",
  "regie",
  "kracht",
  "talent",
  "toekomst",
  "perspectief",
  "evaluatie",
  "waakvlam",
  "contactmoment",
  "huisarts",
  "praktijkondersteuner",
  "ggz",
  "reclassering",
  "detentie",
  "dakloos",
  "opvang",
  "beschermd",
  "wonen",
  "kamer",
  "woningcorporatie",
  "buurtbemiddeling",
  "conflict",
  "veiligheid",
  "huiselijk",
  "geweld",
  "zingeving",
  "kerk",
  "moskee",
  "diaconie",
  "stichting",
  "fonds",
  "aanvraag",
  "regionaal",
  "landelijk",
];

const modules = [
  "VROEGSIGNALERING",
  "CRISISHULP",
  "FINANCIELE_NOODHULP",
  "INFORMATIE_ADVIES",
  "INTAKE",
  "INVENTARISATIE",
  "BUDGETCOACHING",
  "BETALINGSREGELING",
  "CASEMANAGEMENT",
  "WAAKVLAM_NAZORG",
  "SCHULDREGELING",
  "BUDGETBEHEER",
  "BESCHERMINGSBEWIND",
];
const paletteLevels = [
  "P1",
  "P2",
  "P3",
  "A1",
  "A2",
  "A3",
  "A4",
  "A5",
  "A6",
  "A7",
  "A8",
  "A9",
  "A10",
];
const lifeDomains = [
  "WONEN",
  "FINANCIEN",
  "WERK_DAGBESTEDING",
  "ONDERWIJS",
  "SOCIALE_CONTACTEN",
  "PSYCHISCHE_GEZONDHEID",
  "LICHAMELIJKE_GEZONDHEID",
  "OPVOEDING",
  "HUISHOUDING",
  "VOEDING",
  "VEILIGHEID",
  "ZINGEVING",
];
const targetGroups = [
  "JONGEREN",
  "OUDEREN",
  "GEZINNEN",
  "ONDERNEMERS",
  "WERKENDEN",
  "LVB",
  "LAAGGELETTERD",
  "NAH",
  "ANDERSTALIGEN",
  "ZORGMIJDERS",
];
const channels = [
  "TELEFOON",
  "WHATSAPP",
  "EMAIL",
  "VIDEO",
  "OP_KANTOOR",
  "HUISBEZOEK",
  "GROEP",
  "INLOOP",
];
const deliveredBy = ["BEROEPSKRACHT", "VRIJWILLIGER", "ERVARINGSDESKUNDIGE"];
const titleHeads = [
  "Budgetcoaching",
  "Thuisadministratie",
  "Schuldhulpverlening",
  "Formulierenbrigade",
  "Budgetmaatjes",
  "Geldcafé",
  "Financieel spreekuur",
  "Nazorg na schuldregeling",
  "Vroegsignalering huurachterstand",
  "Ordenen van de post",
  "Energiecoach",
  "Sociaal raadslieden",
  "Budgetbeheer",
  "Beschermingsbewind",
  "Crisisinterventie",
  "Noodfonds",
  "Inloop Geldzorgen",
  "Taalmaatje",
  "Jongerenloket",
  "Ondernemersdesk",
];

/** A subset of `values` as a SQL array expression: each value in with probability `share`. */
function subset(values: string[], row: string, salt: string, share: number, nonEmpty: boolean) {
  const picks = values
    .map((v, i) => `CASE WHEN bench_rand(${row}, '${salt}${i}') < ${share} THEN '${v}' END`)
    .join(", ");
  const base = `array_remove(ARRAY[${picks}]::text[], NULL)`;
  return nonEmpty
    ? `(SELECT CASE WHEN cardinality(a) = 0 THEN ARRAY[(ARRAY['${values.join("','")}'])[1 + (${row} % ${values.length})]] ELSE a END FROM (SELECT ${base} AS a) s)`
    : base;
}

const literal = (values: string[]) => `ARRAY['${values.join("','")}']::text[]`;

export interface GenerateOptions {
  offerings: number;
  cases: number;
  log?: (message: string) => void;
}

/** Fills a migrated, demo-seeded database with the synthetic country. Idempotent per size. */
export async function generate(url: string, options: GenerateOptions): Promise<void> {
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (name: string, sql: string) => {
    const started = Date.now();
    await client.query(sql);
    log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  try {
    const [{ done }] = (
      await client.query(`SELECT count(*)::int AS done FROM region WHERE code = 'BENCH'`)
    ).rows as [{ done: number }];
    if (done > 0) {
      log("synthetic country already present");
      return;
    }
    const n = options.offerings;
    const organizations = Math.max(50, Math.round(n / 50));
    await client.query("SET synchronous_commit = off");
    // Dropped again below; functions in pg_temp are not found by unqualified calls.
    await client.query("BEGIN");
    await client.query(`
      CREATE FUNCTION bench_rand(i bigint, salt text) RETURNS float8
        LANGUAGE sql IMMUTABLE AS
        $$ SELECT (hashtext(i::text || ':' || salt)::bigint + 2147483648) / 4294967296.0 $$`);
    // Parameters in a table: multi-statement steps cannot take bind parameters.
    await client.query(
      `CREATE TEMP TABLE bench_param AS SELECT $1::int AS offerings, $2::int AS cases,
         $3::int AS organizations, $4::text[] AS vocabulary, $5::text[] AS heads`,
      [n, options.cases, organizations, vocabulary, titleHeads],
    );
    await step(
      "geography",
      `
      INSERT INTO region (code, name) VALUES ('BENCH', 'Benchland');
      INSERT INTO gemeente (code, name, region_id)
        SELECT 'GM' || (6000 + g), 'Benchgemeente ' || g, (SELECT id FROM region WHERE code = 'BENCH')
          FROM generate_series(0, 339) g;
      CREATE TEMP TABLE bench_gemeente AS
        SELECT 'GM' || (6000 + g) AS code, g,
               50.8 + 2.6 * bench_rand(g, 'lat') AS latitude, 3.6 + 3.4 * bench_rand(g, 'lon') AS longitude
          FROM generate_series(0, 339) g;
      INSERT INTO postcode_area (code, latitude, longitude, gemeente_code)
        SELECT p::text, bg.latitude + 0.06 * (bench_rand(p, 'plat') - 0.5),
               bg.longitude + 0.09 * (bench_rand(p, 'plon') - 0.5), bg.code
          FROM generate_series(1000, 9999) p JOIN bench_gemeente bg ON bg.g = p % 340
         WHERE NOT EXISTS (SELECT 1 FROM postcode_area x WHERE x.code = p::text);`,
    );
    await step(
      "organisations and locations",
      `
      INSERT INTO organization (name, kind, description, gemeente_codes)
        SELECT (ARRAY['Stichting','Wijkteam','Kredietbank','Schuldhulp','Budgetmaatjes','Sociaal Raadslieden'])[1 + o % 6]
               || ' ' || (ARRAY['Noord','Zuid','Oost','West','Centrum','Rivierenland','Heuvelrug','Polder'])[1 + (o / 6) % 8]
               || ' ' || o,
               (ARRAY['GEMEENTELIJKE_SCHULDHULP','KREDIETBANK','WIJKTEAM','MAATSCHAPPELIJK_WERK','SOCIAAL_RAADSLIEDEN',
                      'VRIJWILLIGERSORGANISATIE','BEWINDVOERDER','WONINGCORPORATIE','ZORG_GGZ','OVERIG'])[1 + o % 10],
               'Synthetische organisatie voor de benchmark.',
               ARRAY['GM' || (6000 + o % 340)]
          FROM generate_series(0, (SELECT organizations FROM bench_param) - 1) o;
      CREATE TEMP TABLE bench_org AS
        SELECT id, row_number() OVER (ORDER BY name) - 1 AS k, gemeente_codes[1] AS gemeente_code
          FROM organization WHERE description = 'Synthetische organisatie voor de benchmark.';
      INSERT INTO location (organization_id, name, street, postcode, city, latitude, longitude, gemeente_code)
        SELECT o.id, 'Vestiging ' || l, 'Dorpsstraat ' || (1 + l), pa.code || ' AB', 'Benchstad',
               pa.latitude, pa.longitude, pa.gemeente_code
          FROM bench_org o CROSS JOIN generate_series(0, 1) l
          JOIN LATERAL (SELECT * FROM postcode_area WHERE gemeente_code = o.gemeente_code
                         ORDER BY code OFFSET l LIMIT 1) pa ON true;`,
    );
    // The search's GIN indexes take no pending list (migration FastSearch), which makes every
    // row of a bulk load a separate index insertion: for a million offerings that takes hours.
    // During the load they collect entries in the pending list, which the VACUUM below merges;
    // then the migration's setting is restored.
    const { rows: ginIndexes } = (await client.query(`
      SELECT c.relname AS name FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
       WHERE i.indrelid = 'offering'::regclass AND a.amname = 'gin'
         AND 'fastupdate=off' = ANY (c.reloptions)`)) as { rows: Array<{ name: string }> };
    for (const { name } of ginIndexes) {
      await client.query(`ALTER INDEX "${name}" SET (fastupdate = on)`);
    }
    await client.query("ALTER TABLE offering DISABLE TRIGGER offering_search_refresh");
    await step(
      "offerings",
      `
      CREATE TEMP TABLE bench_vocab AS
        SELECT word, ord FROM unnest((SELECT vocabulary FROM bench_param)) WITH ORDINALITY AS v(word, ord);
      INSERT INTO offering (organization_id, title, description, module, phases, palette_level,
          life_domains, target_groups, channels, delivered_by, capacity_available, capacity_total,
          covered_gemeente_codes, gemeente_codes, last_verified_at)
        SELECT o.id, t.title, t.description, t.module, t.phases,
               CASE WHEN 'NAZORG' = ANY (t.phases) THEN (${literal(paletteLevels)})[1 + i % 13] END,
               ${subset(lifeDomains, "i", "ld", 0.2, false)},
               ${subset(targetGroups, "i", "tg", 0.15, false)},
               ${subset(channels, "i", "ch", 0.3, true)},
               ${subset(deliveredBy, "i", "db", 0.4, true)},
               CASE WHEN i % 4 = 0 THEN (i % 7) END, CASE WHEN i % 4 = 0 THEN 10 END,
               ARRAY[o.gemeente_code, 'GM' || (6000 + (i * 7) % 340)],
               ARRAY[o.gemeente_code, 'GM' || (6000 + (i * 7) % 340)],
               now() - ((i % 400) || ' days')::interval
          FROM generate_series(0, (SELECT offerings FROM bench_param) - 1) i
          JOIN bench_org o ON o.k = i % (SELECT count(*) FROM bench_org)
          CROSS JOIN LATERAL (
            SELECT (${literal(titleHeads)})[1 + (hashtext(i || 'th') & 1023) % ${titleHeads.length}]
                     || ' ' || (SELECT word FROM bench_vocab WHERE ord = 1 + floor(${vocabulary.length} * bench_rand(i, 'tw') ^ 2)::int)
                     || CASE WHEN i % 500 = 7 THEN ' ${selectiveWord}' ELSE '' END AS title,
                   (SELECT string_agg(word, ' ' ORDER BY k) FROM generate_series(1, 24 + i % 17) k
                      JOIN bench_vocab ON ord = 1 + floor(${vocabulary.length} * bench_rand(i * 64 + k, 'dw') ^ 2.5)::int)
                     || CASE WHEN i % 3 = 0 THEN ' Hulp bij ${broadWord}.' ELSE '.' END AS description,
                   (${literal(modules)})[1 + i % 13] AS module,
                   ${subset(["STABILISATIE", "ONTWIKKELING", "NAZORG"], "i", "ph", 0.4, true)} AS phases
          ) t
         WHERE i % 500 <> 7 OR true`,
    );
    await step(
      "search vectors and word list",
      `
      UPDATE offering o SET headline_vector =
          setweight(to_tsvector('ketenkaart_nl', o.title), 'A')
          || setweight(to_tsvector('ketenkaart_nl', org.name), 'B'),
        search_vector =
          setweight(to_tsvector('ketenkaart_nl', o.title), 'A')
          || setweight(to_tsvector('ketenkaart_nl', org.name), 'B')
          || setweight(to_tsvector('ketenkaart_nl', o.description), 'C')
        FROM organization org
       WHERE org.id = o.organization_id AND o.search_vector = ''::tsvector;
      INSERT INTO search_word (word)
        SELECT DISTINCT lower(unaccent(w)) FROM (
          SELECT unnest((SELECT vocabulary FROM bench_param)) AS w
          UNION ALL SELECT unnest(ARRAY['${broadWord}', '${selectiveWord}'])
          UNION ALL SELECT regexp_split_to_table(lower(unaccent(t)), '[^[:alnum:]]+')
            FROM unnest((SELECT heads FROM bench_param)) t
          UNION ALL SELECT regexp_split_to_table(lower(unaccent(name)), '[^[:alnum:]]+') FROM organization) s
         WHERE length(w) >= 3
        ON CONFLICT DO NOTHING;`,
    );
    await client.query("ALTER TABLE offering ENABLE TRIGGER offering_search_refresh");
    await step(
      "offering locations",
      `
      INSERT INTO offering_location (offering_id, location_id)
        SELECT o.id, (SELECT l.id FROM location l WHERE l.organization_id = o.organization_id
                       ORDER BY l.name LIMIT 1)
          FROM offering o JOIN bench_org b ON b.id = o.organization_id
         WHERE bench_rand(hashtext(o.id::text), 'loc') < 0.6;`,
    );
    await step("cases", casesSql());
    await client.query("DROP FUNCTION bench_rand(bigint, text)");
    await client.query("COMMIT");
    // As autovacuum would have by the time a region has grown this large: statistics, the
    // visibility map, and no index entries waiting in a pending list.
    await step("vacuum and analyze", "VACUUM ANALYZE");
    for (const { name } of ginIndexes) {
      await client.query(`ALTER INDEX "${name}" SET (fastupdate = off)`);
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Cases spread over the organisations. The demo worker's organisation (Wijkteam Arnhem-Noord)
 * gets 100 and the Kredietbank 20, so the case list is measured at page sizes 100 and 20; both
 * receive referrals for their inbox. Each case has a client with consent, a case team of two,
 * a regie history of two assignments, one or two referrals with their events, and every third
 * case a recorded zorgoverleg with two agreements.
 */
function casesSql(): string {
  return `
    CREATE TEMP TABLE bench_demo AS
      SELECT (SELECT id FROM organization WHERE name = 'Wijkteam Arnhem-Noord') AS wijkteam,
             (SELECT id FROM organization WHERE name = 'Kredietbank Rijn en Veluwezoom') AS kredietbank,
             (SELECT id FROM app_user ORDER BY email LIMIT 1) AS user_id;
    CREATE TEMP TABLE bench_case AS
      SELECT c, gen_random_uuid() AS case_id, gen_random_uuid() AS client_id,
             CASE WHEN c < 100 THEN d.wijkteam WHEN c < 120 THEN d.kredietbank
                  ELSE (SELECT id FROM bench_org WHERE k = c % (SELECT count(*) FROM bench_org)) END AS owner,
             CASE WHEN c % 2 = 0 THEN d.kredietbank
                  ELSE (SELECT id FROM bench_org WHERE k = (c * 13 + 1) % (SELECT count(*) FROM bench_org)) END AS partner,
             d.user_id
        FROM generate_series(0, (SELECT cases FROM bench_param) - 1) c CROSS JOIN bench_demo d;
    UPDATE bench_case SET partner = (SELECT wijkteam FROM bench_demo) WHERE owner = partner;
    INSERT INTO client (id, display_name, birth_year, contact_preferences, created_by_organization_id)
      SELECT client_id, (ARRAY['A.','B.','C.','D.','E.','F.','J.','K.','M.','S.'])[1 + c % 10] || ' '
             || (ARRAY['de Vries','Jansen','Bakker','Visser','Smit','Meijer','de Boer','Mulder','Bos','Yilmaz'])[1 + (c / 10) % 10],
             1950 + c % 55, ARRAY['TELEFOON'], owner
        FROM bench_case;
    INSERT INTO care_case (id, client_id, phase, created_at)
      SELECT case_id, client_id, (ARRAY['STABILISATIE','ONTWIKKELING','NAZORG'])[1 + c % 3],
             now() - (c % 700 || ' days')::interval
        FROM bench_case;
    INSERT INTO case_member (case_id, organization_id, role)
      SELECT case_id, owner, 'Casusregie' FROM bench_case
      UNION ALL SELECT case_id, partner, 'Schuldhulpverlening' FROM bench_case;
    INSERT INTO consent (client_id, recipient_organization_ids, purpose, data_categories, method,
        given_on, valid_until, recorded_by_user_id)
      SELECT client_id, ARRAY[owner, partner], 'Warme overdracht naar de partner', ARRAY['CONTACTGEGEVENS', 'HULPVRAAG'],
             'SCHRIFTELIJK', current_date - 30, current_date + 365, user_id
        FROM bench_case;
    INSERT INTO regie_assignment (case_id, organization_id, started_at, ended_at, decided_by_user_id, reason)
      SELECT case_id, partner, now() - interval '800 days', now() - interval '1 days' * (c % 300 + 1), user_id,
             'Bij aanmelding' FROM bench_case
      UNION ALL
      SELECT case_id, owner, now() - interval '1 days' * (c % 300 + 1), NULL, user_id,
             'Overgedragen na intake' FROM bench_case;
    CREATE TEMP TABLE bench_referred AS
      SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM offering
       WHERE organization_id IN (SELECT id FROM bench_org) ORDER BY id LIMIT 1000;
    CREATE INDEX ON bench_referred (k);
    CREATE INDEX ON bench_org (k);
    INSERT INTO referral (case_id, offering_id, sender_organization_id, sender_user_id,
        receiver_organization_id, consent_id, question, handover_summary, urgency, state, sent_at,
        response_due_at, intake_due_at)
      SELECT bc.case_id,
             (SELECT id FROM bench_referred WHERE k = (bc.c * 7 + r) % 1000),
             bc.partner, bc.user_id, bc.owner,
             (SELECT id FROM consent WHERE client_id = bc.client_id LIMIT 1),
             'Kan de inwoner bij jullie terecht voor budgetcoaching?',
             'Inwoner heeft overzicht nodig over post en betalingen.',
             CASE WHEN bc.c % 10 = 0 THEN 'CRISIS' ELSE 'NORMAAL' END,
             (ARRAY['SENT','ACCEPTED','INTRO_PLANNED','IN_PROGRESS','COMPLETED','DECLINED'])[1 + (bc.c + r) % 6],
             now() - interval '1 days' * (bc.c % 30 + r), now() + interval '1 days' * (bc.c % 5 - 2),
             now() + interval '1 days' * (bc.c % 10)
        FROM bench_case bc CROSS JOIN generate_series(0, 1) r
       WHERE r = 0 OR bc.c % 2 = 0;
    INSERT INTO referral_event (referral_id, from_state, to_state, at, user_id, organization_id, note)
      SELECT r.id, NULL, 'SENT', r.sent_at, r.sender_user_id, r.sender_organization_id, NULL FROM referral r
        JOIN bench_case bc ON bc.case_id = r.case_id
      UNION ALL
      SELECT r.id, 'SENT', r.state, r.sent_at + interval '1 day', r.sender_user_id, r.receiver_organization_id,
             'Besproken in het team'
        FROM referral r JOIN bench_case bc ON bc.case_id = r.case_id WHERE r.state <> 'SENT';
    CREATE TEMP TABLE bench_overleg AS
      SELECT bc.*, gen_random_uuid() AS zorgoverleg_id FROM bench_case bc WHERE c % 3 = 0;
    INSERT INTO zorgoverleg (id, case_id, starts_at, ends_at, location, scheduled_by_user_id,
        scheduled_by_organization_id, summary, communication_agreement, recorded_at, recorded_by_user_id)
      SELECT zorgoverleg_id, case_id, now() - interval '20 days', now() - interval '20 days' + interval '1 hour',
             'Buurthuis De Linde', user_id, owner, 'Afspraken over het budgetplan.',
             'Wekelijks telefonisch contact.', now() - interval '19 days', user_id
        FROM bench_overleg;
    INSERT INTO agreement (zorgoverleg_id, case_id, description, owner_organization_id, due_on, status)
      SELECT zorgoverleg_id, case_id, (ARRAY['Budgetplan opstellen','Huurachterstand regelen'])[1 + a],
             CASE WHEN a = 0 THEN owner ELSE partner END, current_date + (c % 40) - 10,
             CASE WHEN (c + a) % 4 = 0 THEN 'DONE' ELSE 'OPEN' END
        FROM bench_overleg CROSS JOIN generate_series(0, 1) a;
    UPDATE agreement SET status_changed_at = now(), status_changed_by_user_id = (SELECT user_id FROM bench_demo)
     WHERE status = 'DONE' AND status_changed_at IS NULL;`;
}
