// Numbered schema migrations, bundled as code. Each runs with its `user_version` bump in one
// transaction, so a crash leaves the file at the old version or the new one, never between.
import { APPLICATION_ID, type Db } from './connection'
import { copyNow } from './backup'
import { LibraryError } from './contract'
import { V16_SYNC_ORGANIZE, V9_SYNC } from './sync-schema'

export interface Migration {
  version: number
  description: string
  up(db: Db): void
}

/** Sort order of digests everywhere: the digest's day, then import order. */
const V1_SCHEMA = `
CREATE TABLE digests (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  format TEXT NOT NULL,
  file_name TEXT,
  content_hash TEXT NOT NULL UNIQUE,
  date_from TEXT,
  date_to TEXT,
  -- date_from, else date_to, else the import day: what "newest digest" sorts by.
  day TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE INDEX digests_by_day ON digests(day, id);

CREATE TABLE papers (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  authors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
  abstract TEXT,
  snippet TEXT,
  arxiv_id TEXT,
  arxiv_version INTEGER,
  doi TEXT,
  links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links)),
  published_at TEXT,
  venue TEXT,
  has_code INTEGER NOT NULL DEFAULT 0,
  -- The earliest digest that listed the paper: its day, id and the paper's position there.
  digest_date TEXT NOT NULL,
  first_digest_id INTEGER NOT NULL,
  first_position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX papers_by_arxiv ON papers(arxiv_id) WHERE arxiv_id IS NOT NULL;
CREATE INDEX papers_by_doi ON papers(doi) WHERE doi IS NOT NULL;
CREATE INDEX papers_by_title ON papers(title_key, id);
CREATE INDEX papers_by_position ON papers(digest_date DESC, first_digest_id DESC, first_position, id);
CREATE INDEX papers_by_date ON papers(coalesce(published_at, digest_date) DESC, id DESC);
CREATE INDEX papers_with_code ON papers(id) WHERE has_code = 1;

CREATE TABLE digest_entries (
  digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  PRIMARY KEY (digest_id, position)
) WITHOUT ROWID;
CREATE UNIQUE INDEX digest_entries_by_paper ON digest_entries(paper_id, digest_id);

-- The reader's state, apart from the papers an import may update. One row per paper.
CREATE TABLE paper_state (
  paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
  read_at TEXT,
  starred_at TEXT
);
CREATE INDEX paper_state_unread ON paper_state(paper_id) WHERE read_at IS NULL;
CREATE INDEX paper_state_read ON paper_state(read_at) WHERE read_at IS NOT NULL;
CREATE INDEX paper_state_starred ON paper_state(paper_id) WHERE starred_at IS NOT NULL;

CREATE TABLE notes (
  paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE reading_events (
  id INTEGER PRIMARY KEY,
  paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('read', 'unread', 'star', 'unstar', 'note')),
  at TEXT NOT NULL
);
CREATE INDEX reading_events_by_paper ON reading_events(paper_id, at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
);
`

/** Digest progress read from counters: an aggregate over every entry is too slow at 100k papers. */
const V2_DIGEST_COUNTERS = `
ALTER TABLE digests ADD COLUMN paper_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digests ADD COLUMN read_count INTEGER NOT NULL DEFAULT 0;
UPDATE digests SET
  paper_count = (SELECT count(*) FROM digest_entries e WHERE e.digest_id = digests.id),
  read_count = (SELECT count(*) FROM digest_entries e JOIN paper_state s ON s.paper_id = e.paper_id
                WHERE e.digest_id = digests.id AND s.read_at IS NOT NULL);
`

/**
 * Full-text search. Filled in bulk after imports and updated row by row for merges and notes,
 * never by triggers (a trigger per row is three times slower on a large import).
 * A prefix index of 3 characters keeps search-as-you-type fast from the third letter; a 2-character
 * index would double the cost of filling the index for little use (two letters are searched as a word).
 */
const V3_SEARCH = `
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

const V4_EXTERNAL_CONTENT_SEARCH = `
DROP TABLE paper_search;
CREATE VIEW paper_search_source AS
  SELECT p.id AS id,
         p.title AS title,
         ${AUTHORS_TEXT} AS authors,
         coalesce(p.abstract, p.snippet) AS abstract,
         replace(replace(n.body, char(${0xe000}), ''), char(${0xe001}), '') AS note
    FROM papers p LEFT JOIN notes n ON n.paper_id = p.id;
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
) WITHOUT ROWID;
CREATE INDEX paper_tags_by_paper ON paper_tags(paper_id, tag_id);

CREATE TABLE paper_subjects (
  paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  subject TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (paper_id, subject)
) WITHOUT ROWID;
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
) WITHOUT ROWID;
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
) WITHOUT ROWID;
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
) WITHOUT ROWID;
`

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
  { version: 16, description: 'sync: tags, trash and saved searches', up: (db) => db.exec(V16_SYNC_ORGANIZE) }
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

export interface MigrationResult {
  from: number
  to: number
  /** Where the file was copied before migrating it; null for new or in-memory databases. */
  backupPath: string | null
}

function hasTables(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get() !== undefined
}

function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

/**
 * Copies the library aside before changing its schema, verified (see backup.ts: VACUUM INTO
 * keeps `openLibrary` synchronous, and reads committed data in the WAL too). A copy that is
 * not whole throws, and the migration does not start.
 */
function backupFile(db: Db, path: string, version: number, now: Date): string {
  return copyNow(db, `${path}.backup-v${version}-${timestamp(now)}`).path
}

/** Brings the database to the latest version, refusing files this app cannot own. */
export function migrate(
  db: Db,
  path: string,
  now: Date,
  migrations: readonly Migration[] = MIGRATIONS
): MigrationResult {
  const latest = migrations[migrations.length - 1]!.version
  const from = db.pragma('user_version', { simple: true }) as number
  const applicationId = db.pragma('application_id', { simple: true }) as number
  if (from > latest) {
    throw new LibraryError(
      'NEWER_DATABASE',
      `${path} was written by a newer Dogear (database version ${from}; this app knows up to version ${latest}). ` +
        'Update Dogear to open it.'
    )
  }
  if ((applicationId !== 0 && applicationId !== APPLICATION_ID) || (from === 0 && hasTables(db))) {
    throw new LibraryError('CORRUPT', `${path} is a SQLite database, but not a Dogear library`)
  }
  if (from === latest) return { from, to: from, backupPath: null }

  // A file at version 0 is new and empty (checked above): there is nothing to back up.
  const isFile = path !== ':memory:' && path !== ''
  const backupPath = isFile && from > 0 ? backupFile(db, path, from, now) : null
  for (const migration of migrations) {
    if (migration.version <= from) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
  }
  return { from, to: latest, backupPath }
}
