// The search index's schema, version by version (migrations.ts applies them).

/**
 * Full-text search. Filled in bulk after imports and updated row by row for merges and notes,
 * never by triggers (a trigger per row is three times slower on a large import).
 * A prefix index of 3 characters keeps search-as-you-type fast from the third letter; a 2-character
 * index would double the cost of filling the index for little use (two letters are searched as a word).
 */
export const V3_SEARCH = `
CREATE VIRTUAL TABLE paper_search USING fts5(
  title, authors, abstract, note,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);
INSERT INTO paper_search(paper_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)');
-- Pending terms are flushed as a segment every 16 MB instead of every 1 MB: fewer segments to
-- merge during a bulk fill (about a sixth less CPU for 30k papers here).
INSERT INTO paper_search(paper_search, rank) VALUES ('hashsize', 16777216);
INSERT INTO paper_search(rowid, title, authors, abstract, note)
  SELECT p.id, p.title,
         (SELECT group_concat(a.value, ', ') FROM json_each(p.authors) a),
         coalesce(p.abstract, p.snippet),
         n.body
  FROM papers p LEFT JOIN notes n ON n.paper_id = p.id;
`

/**
 * Search reads its text from the papers and notes it indexes (an external-content FTS5 table
 * over a view) instead of keeping a second copy of every title and abstract: a bulk import
 * writes about a third less (307 MB instead of 553 MB at 100k papers). Every change to
 * indexed text must now remove the old text from the index first (see search-index.ts).
 * The note is indexed without the highlight markers, as the search output uses them.
 * The 3-character prefix index stays: dropping it made a 100k bulk fill 1.6-3 s faster here,
 * but three-letter searches (the first query of search-as-you-type) took 45-70 ms, not 10 ms.
 */
/**
 * The authors' JSON array as "A, B" in plain SQL: FTS5 reads its content with virtual tables
 * disabled, so the view cannot use json_each. JSON.stringify escapes only quotes, backslashes
 * and control characters; the first two are undone here (the names' words are the same either way).
 */
const AUTHORS_TEXT = String.raw`CASE WHEN p.authors = '[]' THEN NULL ELSE
           replace(replace(replace(substr(p.authors, 3, length(p.authors) - 4), '","', ', '), '\"', '"'), '\\', '\')
         END`

/** The index over that view as migrations 4 to 20 kept it, with its 3-letter prefix index, filled. */
export const PREFIXED_SEARCH_INDEX = `
CREATE VIRTUAL TABLE paper_search USING fts5(
  title, authors, abstract, note,
  content = 'paper_search_source', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);
INSERT INTO paper_search(paper_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)');
INSERT INTO paper_search(paper_search, rank) VALUES ('hashsize', 16777216);
INSERT INTO paper_search(paper_search) VALUES ('rebuild');
`

export const V4_EXTERNAL_CONTENT_SEARCH = `
DROP TABLE paper_search;
CREATE VIEW paper_search_source AS
  SELECT p.id AS id,
         p.title AS title,
         ${AUTHORS_TEXT} AS authors,
         coalesce(p.abstract, p.snippet) AS abstract,
         replace(replace(n.body, char(${0xe000}), ''), char(${0xe001}), '') AS note
    FROM papers p LEFT JOIN notes n ON n.paper_id = p.id;
${PREFIXED_SEARCH_INDEX}`

/**
 * The 3-character prefix index goes: it made the index 1,180 instead of 700 bytes a paper and a
 * bulk import about 12% slower (30,000 papers here), and search no longer needs it: a 2- or
 * 3-letter prefix is written out as the whole words it begins (search_terms now holds words
 * from 2 letters), or, when it begins too many, checked in the text of the rest of the query's
 * newest matches (search-probe.ts), as a one-letter prefix already was. The index is rebuilt
 * from the papers, once, as the library opens: 4-5 s for 100,500 papers here and 66 s for a
 * million (load 3), its 2- and 3-letter words read from the vocabulary after it included (0.3 s
 * at 100,500). Measured on the benchmark's libraries: at 100,000 papers the index went from
 * 1,130 to 640 bytes a paper and a bulk import of 30,000 papers from 5,400-8,400 to
 * 9,500-11,000 papers a second (two runs each, side by side).
 */
export const V21_NO_PREFIX_INDEX = `
DROP TABLE paper_search_vocab;
DROP TABLE paper_search;
CREATE VIRTUAL TABLE paper_search USING fts5(
  title, authors, abstract, note,
  content = 'paper_search_source', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO paper_search(paper_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)');
INSERT INTO paper_search(paper_search, rank) VALUES ('hashsize', 16777216);
INSERT INTO paper_search(paper_search) VALUES ('rebuild');
CREATE VIRTUAL TABLE paper_search_vocab USING fts5vocab(paper_search, row);
`

/**
 * Abstracts are stored deflated (abstract-text.ts) from this version on, and the search index
 * reads them through abstract_text. The rows already stored stay text (both forms read the
 * same), so the migration rewrites nothing.
 */
export const V22_ABSTRACT_TEXT = `
DROP VIEW paper_search_source;
CREATE VIEW paper_search_source AS
  SELECT p.id AS id,
         p.title AS title,
         ${AUTHORS_TEXT} AS authors,
         coalesce(abstract_text(p.abstract), p.snippet) AS abstract,
         replace(replace(n.body, char(${0xe000}), ''), char(${0xe001}), '') AS note
    FROM papers p LEFT JOIN notes n ON n.paper_id = p.id;
`
