// Numbered schema migrations, bundled as code; migrate.ts applies them.
import { APPLICATION_ID, type Db } from './connection'
import { V1_SCHEMA } from './schema-v1'
import { V16_SYNC_ORGANIZE, V9_SYNC } from './sync-schema'
import { V21_NO_PREFIX_INDEX, V22_ABSTRACT_TEXT, V3_SEARCH, V4_EXTERNAL_CONTENT_SEARCH } from './search-schema'
import { keepingMergeSettings } from './search-index'
import { fillSearchTerms, fillShortSearchTerms } from './search-terms'

export interface Migration {
  version: number
  description: string
  up(db: Db): void
}

const V2_DIGEST_COUNTERS = `
ALTER TABLE digests ADD COLUMN paper_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digests ADD COLUMN read_count INTEGER NOT NULL DEFAULT 0;
UPDATE digests SET
  paper_count = (SELECT count(*) FROM digest_entries e WHERE e.digest_id = digests.id),
  read_count = (SELECT count(*) FROM digest_entries e JOIN paper_state s ON s.paper_id = e.paper_id
                WHERE e.digest_id = digests.id AND s.read_at IS NOT NULL);
`

/**
 * Saved searches (smart lists), each with the query syntax version it was written in, and the
 * search index's vocabulary as a table (fts5vocab reads the index in place; it stores nothing),
 * which the typo correction looks words up in.
 */
const V5_SAVED_SEARCHES = `
CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  query TEXT NOT NULL,
  syntax_version INTEGER NOT NULL,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE paper_search_vocab USING fts5vocab(paper_search, row);
`

/**
 * The reader's tags (names compared case-insensitively through name_key), the sources' own
 * subjects, and the trash. A trashed paper leaves every table the lists, counts and search
 * read, so nothing else has to know about the trash: its rows are kept as JSON in
 * trashed_papers until restored or purged. A deleted digest is kept the same way.
 */
const V6_TAGS_SUBJECTS_TRASH = `
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE paper_tags (
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  tagged_at TEXT NOT NULL,
  PRIMARY KEY (tag_id, paper_id)
);
CREATE INDEX paper_tags_by_paper ON paper_tags(paper_id, tag_id);

CREATE TABLE paper_subjects (
  paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  subject TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (paper_id, subject)
);
CREATE INDEX paper_subjects_by_subject ON paper_subjects(subject, paper_id);

CREATE TABLE trashed_digests (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  trashed_at TEXT NOT NULL,
  -- the digests row and its entries (position, paper id)
  record TEXT NOT NULL CHECK (json_valid(record))
);
CREATE TABLE trashed_papers (
  serial INTEGER PRIMARY KEY,
  -- the id the paper had; restored under it when still free
  paper_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  arxiv_id TEXT,
  doi TEXT,
  trashed_at TEXT NOT NULL,
  via_digest INTEGER REFERENCES trashed_digests(id) ON DELETE SET NULL,
  -- the papers row, its state, note, tags, subjects, digest entries and reading events
  record TEXT NOT NULL CHECK (json_valid(record))
);
CREATE INDEX trashed_papers_by_paper ON trashed_papers(paper_id);
CREATE INDEX trashed_papers_by_time ON trashed_papers(trashed_at);
CREATE INDEX trashed_papers_by_digest ON trashed_papers(via_digest) WHERE via_digest IS NOT NULL;
`

/**
 * arXiv version history (each version with the first digest that showed it, its day and when it
 * arrived), papers dismissed from the suggestions, and how many digests list each paper (for
 * the "seen" sort; a new paper arrives with its first entry, hence the default 1).
 * Dismissals never reuse an id (AUTOINCREMENT): the recommender notices a change by the sequence.
 */
const V7_VERSIONS_DISMISSALS = `
CREATE TABLE paper_versions (
  paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  digest_id INTEGER REFERENCES digests(id) ON DELETE SET NULL,
  day TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (paper_id, version)
);
INSERT INTO paper_versions (paper_id, version, digest_id, day, seen_at)
  SELECT p.id, p.arxiv_version, p.first_digest_id, p.digest_date, p.created_at
    FROM papers p WHERE p.arxiv_version IS NOT NULL;
CREATE TABLE dismissals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  paper_id INTEGER NOT NULL UNIQUE REFERENCES papers(id) ON DELETE CASCADE,
  dismissed_at TEXT NOT NULL
);
ALTER TABLE papers ADD COLUMN digest_count INTEGER NOT NULL DEFAULT 1;
UPDATE papers SET digest_count = (SELECT count(*) FROM digest_entries e WHERE e.paper_id = papers.id);
CREATE INDEX papers_by_seen ON papers(digest_count DESC, coalesce(published_at, digest_date) DESC, id DESC);
`

/**
 * Counts of the fixed filters kept by triggers, so the sources pane and the list's total read
 * one row instead of counting up to a million (a count over the unread index took 20-40 ms at
 * 1,000,000 papers). Triggers see every writer (imports, marks, the command line) alike; on a
 * bulk import they cost two counter updates a paper (measured in `npm run bench`).
 */
const V8_LISTING_COUNTERS = `
CREATE TABLE listing_counts (
  kind TEXT PRIMARY KEY,
  n INTEGER NOT NULL
);
INSERT INTO listing_counts (kind, n) VALUES
  ('all', (SELECT count(*) FROM papers)),
  ('hasCode', (SELECT count(*) FROM papers WHERE has_code = 1)),
  ('unread', (SELECT count(*) FROM paper_state WHERE read_at IS NULL)),
  ('starred', (SELECT count(*) FROM paper_state WHERE starred_at IS NOT NULL));

CREATE TRIGGER papers_counted_in AFTER INSERT ON papers BEGIN
  UPDATE listing_counts SET n = n + 1 WHERE kind = 'all' OR (kind = 'hasCode' AND NEW.has_code = 1);
END;
CREATE TRIGGER papers_counted_out AFTER DELETE ON papers BEGIN
  UPDATE listing_counts SET n = n - 1 WHERE kind = 'all' OR (kind = 'hasCode' AND OLD.has_code = 1);
END;
CREATE TRIGGER papers_code_counted AFTER UPDATE OF has_code ON papers WHEN OLD.has_code <> NEW.has_code BEGIN
  UPDATE listing_counts SET n = n + (CASE WHEN NEW.has_code = 1 THEN 1 ELSE -1 END) WHERE kind = 'hasCode';
END;
CREATE TRIGGER paper_state_counted_in AFTER INSERT ON paper_state BEGIN
  UPDATE listing_counts SET n = n + 1
   WHERE (kind = 'unread' AND NEW.read_at IS NULL) OR (kind = 'starred' AND NEW.starred_at IS NOT NULL);
END;
CREATE TRIGGER paper_state_counted_out AFTER DELETE ON paper_state BEGIN
  UPDATE listing_counts SET n = n - 1
   WHERE (kind = 'unread' AND OLD.read_at IS NULL) OR (kind = 'starred' AND OLD.starred_at IS NOT NULL);
END;
CREATE TRIGGER paper_state_read_counted AFTER UPDATE OF read_at ON paper_state
  WHEN (OLD.read_at IS NULL) <> (NEW.read_at IS NULL) BEGIN
  UPDATE listing_counts SET n = n + (CASE WHEN NEW.read_at IS NULL THEN 1 ELSE -1 END) WHERE kind = 'unread';
END;
CREATE TRIGGER paper_state_star_counted AFTER UPDATE OF starred_at ON paper_state
  WHEN (OLD.starred_at IS NULL) <> (NEW.starred_at IS NULL) BEGIN
  UPDATE listing_counts SET n = n + (CASE WHEN NEW.starred_at IS NULL THEN -1 ELSE 1 END) WHERE kind = 'starred';
END;
`

/**
 * Large imports are written in chunks (see pending-imports.ts): the digest is pending until its
 * last chunk, and every existing paper a chunk changes is saved first, so the file can be undone
 * whole if it fails or its process dies.
 */
const V10_PENDING_IMPORTS = `
CREATE TABLE pending_imports (
  digest_id INTEGER PRIMARY KEY REFERENCES digests(id) ON DELETE CASCADE,
  -- host:pid:thread of the writer, and when it last committed a chunk (ms since 1970).
  owner TEXT NOT NULL,
  heartbeat_ms INTEGER NOT NULL
);
CREATE TABLE pending_import_undo (
  digest_id INTEGER NOT NULL REFERENCES pending_imports(digest_id) ON DELETE CASCADE,
  paper_id INTEGER NOT NULL,
  -- The paper's stored columns before the import changed it, as a JSON object.
  row TEXT NOT NULL,
  PRIMARY KEY (digest_id, paper_id)
);
`

/** Where each digest's file was when it was imported, for "Reveal the source file". */
const V12_DIGEST_SOURCES = `
CREATE TABLE digest_sources (
  digest_id INTEGER PRIMARY KEY REFERENCES digests(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
`

/**
 * Subjects and tags an import added to papers already in the library, so deleting that digest
 * (or undoing the import) takes them back out. A tag's label is its id.
 */
const V14_DIGEST_ADDITIONS = `
CREATE TABLE digest_additions (
  digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
  paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('subject', 'tag')),
  label TEXT NOT NULL,
  PRIMARY KEY (digest_id, paper_id, kind, label)
);
CREATE INDEX digest_additions_by_paper ON digest_additions(paper_id);
`

/**
 * Each time an import joined a digest's entry to a paper by DOI or by title (not by arXiv id),
 * the paper's record before and the entry's record, so a wrong merge can be split again.
 */
const V17_PAPER_MERGES = `
CREATE TABLE paper_merges (
  id INTEGER PRIMARY KEY,
  paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
  matched_by TEXT NOT NULL CHECK (matched_by IN ('doi', 'title')),
  before TEXT NOT NULL,
  incoming TEXT NOT NULL,
  merged_at TEXT NOT NULL
);
CREATE INDEX paper_merges_by_paper ON paper_merges(paper_id, id);
`

/**
 * The recommender's feature index, kept so a start loads it instead of reading every paper
 * again (discover-model.ts). Vectors in chunks of slots: new papers rewrite the last chunk only.
 */
const V19_DISCOVER_MODEL = `
CREATE TABLE discover_model (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  format INTEGER NOT NULL,
  generation INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  meta TEXT NOT NULL,
  document_frequency BLOB NOT NULL,
  feature_of BLOB NOT NULL
);
CREATE TABLE discover_chunks (
  generation INTEGER NOT NULL,
  chunk INTEGER NOT NULL,
  papers BLOB NOT NULL,
  days BLOB NOT NULL,
  lengths BLOB NOT NULL,
  terms BLOB NOT NULL,
  weights BLOB NOT NULL,
  PRIMARY KEY (generation, chunk)
);
`

/**
 * The INSERT triggers of migration 8, skipping the rows an import counts itself (dropped by
 * migration 25). IF EXISTS: a file of version 25 or later whose user_version was set back by hand
 * has none.
 */
const V23_IMPORT_COUNTS = `
DROP TRIGGER IF EXISTS papers_counted_in;
CREATE TRIGGER papers_counted_in AFTER INSERT ON papers WHEN counted_by_trigger() BEGIN
  UPDATE listing_counts SET n = n + 1 WHERE kind = 'all' OR (kind = 'hasCode' AND NEW.has_code = 1);
END;
DROP TRIGGER IF EXISTS paper_state_counted_in;
CREATE TRIGGER paper_state_counted_in AFTER INSERT ON paper_state WHEN counted_by_trigger() BEGIN
  UPDATE listing_counts SET n = n + 1
   WHERE (kind = 'unread' AND NEW.read_at IS NULL) OR (kind = 'starred' AND NEW.starred_at IS NOT NULL);
END;
`

/**
 * A large import's papers that wait for their search-index entries (search-backlog.ts). IF NOT
 * EXISTS: a file whose user_version was set back by hand may hold it already.
 */
const V24_SEARCH_BACKLOG = `
CREATE TABLE IF NOT EXISTS search_backlog (first_id INTEGER NOT NULL, last_id INTEGER NOT NULL);
`

/**
 * The INSERT triggers go. SQLite starts a trigger's program for every statement that fires it,
 * even one whose WHEN says no: 7-9 µs a single-row INSERT here, and an import ran two a paper.
 * Every write that inserts papers or their state now counts them itself (import-counts.ts).
 */
const V25_NO_INSERT_TRIGGERS = `
DROP TRIGGER IF EXISTS papers_counted_in;
DROP TRIGGER IF EXISTS paper_state_counted_in;
`

// Sorted by version; a new one takes a number above the last. 11, 13, 15 and 18 were never
// used: a gap is harmless, a number below a library's own version would never run on it.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'digests, papers, entries, reading state, notes, events, settings',
    up: (db) => {
      db.exec(V1_SCHEMA)
      db.pragma(`application_id = ${APPLICATION_ID}`)
    }
  },
  { version: 2, description: 'digest progress counters', up: (db) => db.exec(V2_DIGEST_COUNTERS) },
  { version: 3, description: 'full-text search', up: (db) => db.exec(V3_SEARCH) },
  {
    version: 4,
    description: 'full-text search reads papers and notes in place',
    up: (db) => db.exec(V4_EXTERNAL_CONTENT_SEARCH)
  },
  { version: 5, description: 'saved searches; the search vocabulary', up: (db) => db.exec(V5_SAVED_SEARCHES) },
  { version: 6, description: 'tags, subjects and the trash', up: (db) => db.exec(V6_TAGS_SUBJECTS_TRASH) },
  {
    version: 7,
    description: 'arXiv version history, dismissed suggestions, digests per paper',
    up: (db) => db.exec(V7_VERSIONS_DISMISSALS)
  },
  { version: 8, description: 'listing counters', up: (db) => db.exec(V8_LISTING_COUNTERS) },
  { version: 9, description: 'sync: outbox, merge clocks, note versions, devices', up: (db) => db.exec(V9_SYNC) },
  { version: 10, description: 'large imports in chunks, undone whole', up: (db) => db.exec(V10_PENDING_IMPORTS) },
  { version: 12, description: "digests' source files", up: (db) => db.exec(V12_DIGEST_SOURCES) },
  {
    version: 14,
    description: 'what imports added to earlier papers, taken back with the digest',
    up: (db) => db.exec(V14_DIGEST_ADDITIONS)
  },
  { version: 16, description: 'sync: tags, trash and saved searches', up: (db) => db.exec(V16_SYNC_ORGANIZE) },
  // 15 was kept for this, but 16 landed first: a library already at 16 would never run a 15.
  { version: 17, description: 'merges of papers, for splitting', up: (db) => db.exec(V17_PAPER_MERGES) },
  { version: 19, description: "the recommender's stored feature index", up: (db) => db.exec(V19_DISCOVER_MODEL) },
  { version: 20, description: 'the words of the search index, for long prefixes', up: fillSearchTerms },
  {
    version: 21,
    description: 'the search index without its prefix index; short words for short prefixes',
    up: (db) => {
      keepingMergeSettings(db, () => db.exec(V21_NO_PREFIX_INDEX))
      fillShortSearchTerms(db)
    }
  },
  { version: 22, description: 'abstracts stored deflated', up: (db) => db.exec(V22_ABSTRACT_TEXT) },
  { version: 23, description: 'new rows an import counts itself', up: (db) => db.exec(V23_IMPORT_COUNTS) },
  {
    version: 24,
    description: "large imports' papers waiting for the search index",
    up: (db) => db.exec(V24_SEARCH_BACKLOG)
  },
  {
    version: 25,
    description: 'new rows counted by the writes that insert them',
    up: (db) => db.exec(V25_NO_INSERT_TRIGGERS)
  }
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
