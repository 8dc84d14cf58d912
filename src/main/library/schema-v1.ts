// The first schema: digests, papers, their links and the reading state kept apart.
/** Sort order of digests everywhere: the digest's day, then import order. */
export const V1_SCHEMA = `
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
