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
 * A lexeme as tsquery input: quoted, with quotes and backslashes inside doubled. Whatever the
 * lexeme holds is then one operand, never an operator.
 */
const quotedLexeme = (lexeme: string) =>
  `'''' || replace(replace(${lexeme}, '\\', '\\\\'), '''', '''''') || ''''`;

/** The lexemes of a word, each quoted and with `suffix`, joined by `&`; null when it has none. */
const wordLexemes = (word: string, suffix: string) =>
  `(SELECT string_agg(${quotedLexeme("l")} || ${suffix}, ' & ')
      FROM unnest(tsvector_to_array(to_tsvector('ketenkaart_nl', ${word}))) AS l)`;

/**
 * The Dutch tsquery for the words, or null when they constrain nothing (only stop words like
 * "de" and "van"), with the catalogue version it was read in. Every word must match: as typed,
 * as a prefix (Dutch compounds: "schuld" finds "schuldhulpverlening") or, when it occurs in no
 * offering, as one of the closest words that do ("budgetbeher" finds "budgetbeheer").
 *
 * The query is built from lexemes, never parsed from the text: `unaccent` turns some letters
 * into tsquery syntax ("ʼ" into a quote, "ː" into a colon, "ŉ" into "'n"), so a search word fed
 * to `to_tsquery` could break the query. `to_tsvector` reads each word as typed, exactly as the
 * offerings were read (accents go after the parser has found the words), and each of its
 * lexemes becomes a quoted operand. The unaccented word only finds the typo alternatives.
 */
async function readTextQuery(
  db: DataSource,
  words: string[],
): Promise<{ text: TextQuery | null; version: string }> {
  // Prepared: its plan (a lookup per word) does not depend on the words.
  const [{ all, any, version }] = (await queryPrepared(
    db,
    `WITH words AS (
       SELECT t.ord, t.raw, lower(unaccent(t.raw)) AS word
         FROM unnest($1::text[]) WITH ORDINALITY AS t(raw, ord)
     ),
     terms AS (
       SELECT w.ord,
              ${wordLexemes("w.raw", "CASE WHEN length(w.word) >= 4 THEN ':*' ELSE '' END")} AS typed,
              (SELECT string_agg('(' || a.lexemes || ')', ' | ')
                 FROM (SELECT ${wordLexemes("s.word", "''")} AS lexemes
                         FROM (SELECT sw.word FROM search_word sw
                                WHERE length(w.word) >= 5 AND sw.word % w.word
                                  AND NOT EXISTS (SELECT 1 FROM search_word e WHERE e.word = w.word)
                                ORDER BY similarity(sw.word, w.word) DESC, sw.word
                                LIMIT 3) s) a
                WHERE a.lexemes IS NOT NULL) AS alternatives
         FROM words w
     ),
     term AS (
       SELECT ord, '(' || concat_ws(' | ', '(' || typed || ')', alternatives) || ')' AS term
         FROM terms
        WHERE typed IS NOT NULL OR alternatives IS NOT NULL
     )
     SELECT coalesce((SELECT string_agg(term, ' & ' ORDER BY ord) FROM term)::tsquery::text, '') AS all,
            coalesce((SELECT string_agg(term, ' | ' ORDER BY ord) FROM term)::tsquery::text, '') AS any,
            change_count('offering_catalog')::text AS version`,
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
