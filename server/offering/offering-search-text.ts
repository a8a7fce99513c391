import { LRUCache } from "lru-cache";
import type { DataSource } from "typeorm";
import { queryPrepared } from "../db/prepared-statement.js";

/** A search text as tsqueries: every word (`all`), and any of them (`any`, for the ranking). */
export interface TextQuery {
  all: string;
  any: string;
}

/** The words a search looks for: letters and digits only, at most 12. */
export function searchWords(text: string): string[] {
  return (text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/**
 * The Dutch tsquery for the words, or null when they constrain nothing (only stop words like
 * "de" and "van"), with the catalogue version it was read in. Every word must match: as typed,
 * as a prefix (Dutch compounds: "schuld" finds "schuldhulpverlening") or, when it occurs in no
 * offering, as one of the closest words that do ("budgetbeher" finds "budgetbeheer"). Only
 * letters and digits reach the query, so no tsquery syntax can be injected.
 */
async function readTextQuery(
  db: DataSource,
  words: string[],
): Promise<{ text: TextQuery | null; version: string }> {
  // Prepared: its plan (a lookup per word) does not depend on the words.
  const [{ all, any, version }] = (await queryPrepared(
    db,
    `WITH terms AS (
       SELECT t.ord, n.word, (
         SELECT string_agg(s.word, ' | ')
           FROM (SELECT w.word FROM search_word w
                  WHERE length(n.word) >= 5 AND w.word % n.word
                    AND NOT EXISTS (SELECT 1 FROM search_word e WHERE e.word = n.word)
                  ORDER BY similarity(w.word, n.word) DESC, w.word
                  LIMIT 3) s
       ) AS alternatives
       FROM unnest($1::text[]) WITH ORDINALITY AS t(raw, ord)
       CROSS JOIN LATERAL (SELECT lower(unaccent(t.raw)) AS word) n
     ),
     term AS (
       SELECT ord, '(' || word || CASE WHEN length(word) >= 4 THEN ':*' ELSE '' END
                   || coalesce(' | ' || alternatives, '') || ')' AS term
         FROM terms
     )
     SELECT to_tsquery('ketenkaart_nl', string_agg(term, ' & ' ORDER BY ord))::text AS all,
            to_tsquery('ketenkaart_nl', string_agg(term, ' | ' ORDER BY ord))::text AS any,
            (SELECT version FROM offering_catalog)::text AS version
       FROM term`,
    [words],
  )) as [{ all: string; any: string; version: string }];
  return { text: all === "" ? null : { all, any }, version };
}

/** What a search statement run with a text query must report: the catalogue version it read. */
export interface ReadInCatalogVersion {
  catalogVersion: string;
}

// Per data source: tests and the benchmark run more than one database in a process.
const remembered = new WeakMap<
  DataSource,
  LRUCache<string, { text: TextQuery | null; version: string }>
>();

/**
 * Runs `search` with the text query for `words`, in one round trip when these words were
 * searched before: their query is remembered with the catalogue version it was read in, and
 * `search` reports the version its own statement read. The vocabulary (the typo alternatives)
 * changes only with that version (migration 1765100000000), so when the two differ the query is
 * read again and the search runs once more. Reading the words took 1.1–1.6 ms of a selective
 * search's 10 (BENCHMARKS.md). The query is not state: any instance reads it again when it has none,
 * and a changed catalogue is noticed by every instance in its next search. The texts stay in
 * memory only, never in a log or a table: a worker may type anything into a search.
 */
export async function withTextQuery<T extends ReadInCatalogVersion>(
  db: DataSource,
  words: string[],
  search: (text: TextQuery | null) => Promise<T>,
): Promise<T> {
  if (words.length === 0) return search(null);
  let queries = remembered.get(db);
  // Bounded: a few thousand distinct texts a day are searched in a region, strangers may send more.
  if (!queries) remembered.set(db, (queries = new LRUCache({ max: 10_000 })));
  const key = words.join(" ");
  const known = queries.get(key);
  if (known) {
    const result = await search(known.text);
    if (result.catalogVersion === known.version) return result;
  }
  const fresh = await readTextQuery(db, words);
  queries.set(key, fresh);
  return search(fresh.text);
}
