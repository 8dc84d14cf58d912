// Migration 9: what sync remembers. Papers are named by row id here (this library's rows);
// only the folder speaks in paper keys. `published` says where a change of this device went:
// 0 = not yet written to the folder (the outbox), N = in this device's segment N,
// -1 = the change came from another device.

/** A clock stamp from an ISO time (see src/main/sync/hlc.ts), for changes made before sync existed. */
const stampOf = (column: string): string =>
  `printf('%015d.00000', CAST(round((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER))`

export const V9_SYNC = `
CREATE TABLE sync_self (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  device_id TEXT NOT NULL,
  -- null: the host name.
  device_name TEXT,
  -- The last clock stamp this device issued or saw.
  clock TEXT NOT NULL,
  -- Id of the folder this library syncs with (from its dogear-sync.json); null before the first sync.
  folder_id TEXT,
  -- Where that folder was last found on this machine.
  folder_path TEXT,
  -- The highest segment number of this device's log, and the one its newest snapshot covers.
  seq INTEGER NOT NULL DEFAULT 0,
  snapshot_seq INTEGER NOT NULL DEFAULT 0,
  last_sync_at TEXT,
  last_problem TEXT
);
INSERT INTO sync_self (only, device_id, clock) VALUES (1, lower(hex(randomblob(16))), '000000000000000.00000');

-- Last writer wins per paper and field: the change that set the current value.
CREATE TABLE sync_marks (
  paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  value INTEGER NOT NULL,
  at TEXT NOT NULL,
  device TEXT NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (paper_id, field)
) WITHOUT ROWID;
CREATE INDEX sync_marks_by_segment ON sync_marks(published) WHERE published >= 0;

-- Last writer wins per name: settings and saved searches that follow the reader.
CREATE TABLE sync_values (
  name TEXT PRIMARY KEY,
  value TEXT,
  at TEXT NOT NULL,
  device TEXT NOT NULL,
  published INTEGER NOT NULL DEFAULT 0
);

-- Every known version of every note; the note shown is its heads merged.
CREATE TABLE sync_note_versions (
  paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  version TEXT NOT NULL,
  parents TEXT NOT NULL CHECK (json_valid(parents)),
  body TEXT NOT NULL,
  at TEXT NOT NULL,
  device TEXT NOT NULL,
  by TEXT NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (paper_id, version)
) WITHOUT ROWID;
CREATE INDEX sync_note_versions_by_segment ON sync_note_versions(published) WHERE published >= 0;

-- Notes whose merge kept two versions between markers, until the reader resolves them.
CREATE TABLE sync_conflicts (
  paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
  since TEXT NOT NULL
);

-- Changes about papers this library does not hold yet (their digest has not arrived).
CREATE TABLE sync_pending (
  id INTEGER PRIMARY KEY,
  change TEXT NOT NULL CHECK (json_valid(change))
);

-- Digest files: this device's imports waiting to be copied to the folder (with their bytes),
-- and other devices' imports waiting to be imported here.
CREATE TABLE sync_digests (
  hash TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  date TEXT,
  modified_at TEXT NOT NULL,
  at TEXT NOT NULL,
  device TEXT NOT NULL,
  -- 'outbox' (bytes held until copied), 'sent', 'wanted' (import when the file arrives),
  -- 'imported', 'failed' (problem says why).
  status TEXT NOT NULL,
  bytes BLOB,
  problem TEXT,
  published INTEGER NOT NULL DEFAULT 0
);

-- Segments applied, by device, number and checksum (a conflicted copy is a different checksum).
CREATE TABLE sync_segments (
  device TEXT NOT NULL,
  seq INTEGER NOT NULL,
  sum TEXT NOT NULL,
  PRIMARY KEY (device, seq, sum)
) WITHOUT ROWID;

-- The other devices, as their cards in the folder last said, and how far this one has read each log.
CREATE TABLE sync_devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0,
  cursor INTEGER NOT NULL DEFAULT 0,
  cursors TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(cursors)),
  snapshot_seq INTEGER NOT NULL DEFAULT 0,
  wrote_at TEXT,
  synced_at TEXT,
  problem TEXT
);

-- What the reader did before this version becomes this device's first changes.
INSERT INTO sync_marks (paper_id, field, value, at, device)
  SELECT paper_id, 'read', 1, ${stampOf('read_at')}, (SELECT device_id FROM sync_self)
    FROM paper_state WHERE read_at IS NOT NULL;
INSERT INTO sync_marks (paper_id, field, value, at, device)
  SELECT paper_id, 'starred', 1, ${stampOf('starred_at')}, (SELECT device_id FROM sync_self)
    FROM paper_state WHERE starred_at IS NOT NULL;
INSERT INTO sync_note_versions (paper_id, version, parents, body, at, device, by)
  SELECT paper_id, ${stampOf('updated_at')} || '@' || (SELECT device_id FROM sync_self), '[]', body,
         ${stampOf('updated_at')}, (SELECT device_id FROM sync_self), ''
    FROM notes;
UPDATE sync_self SET clock = max(clock,
  coalesce((SELECT max(at) FROM sync_marks), clock), coalesce((SELECT max(at) FROM sync_note_versions), clock));
`

/** Migration 16: tags, the trash and saved searches follow the reader too. */
const KEY_OF_TRASHED = `CASE WHEN arxiv_id IS NOT NULL AND arxiv_id <> '' THEN 'arxiv:' || arxiv_id
  WHEN doi IS NOT NULL AND doi <> '' THEN 'doi:' || doi ELSE 'title:' || title_key END`

export const V16_SYNC_ORGANIZE = `
-- A tag mark's field is 'tag:' and the tag's folded name (one register whatever the case);
-- label keeps the name as the reader spelled it, for the other devices.
ALTER TABLE sync_marks ADD COLUMN label TEXT;

-- Last writer wins per paper for the trash. Keyed by the paper's key, not its row: a trashed
-- paper has no row in papers, and a restored one may come back under another id.
CREATE TABLE sync_trash (
  paper TEXT PRIMARY KEY,
  arxiv_id TEXT,
  doi TEXT,
  title_key TEXT NOT NULL,
  value INTEGER NOT NULL,
  at TEXT NOT NULL,
  device TEXT NOT NULL,
  published INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_trash_by_segment ON sync_trash(published) WHERE published >= 0;

-- What the reader organized before this version becomes this device's first changes.
INSERT INTO sync_marks (paper_id, field, value, at, device, label)
  SELECT pt.paper_id, 'tag:' || t.name_key, 1, ${stampOf('pt.tagged_at')}, (SELECT device_id FROM sync_self), t.name
    FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE true
  ON CONFLICT DO NOTHING;
INSERT INTO sync_trash (paper, arxiv_id, doi, title_key, value, at, device)
  SELECT ${KEY_OF_TRASHED}, arxiv_id, doi, title_key, 1, ${stampOf('trashed_at')}, (SELECT device_id FROM sync_self)
    FROM trashed_papers WHERE true ORDER BY serial DESC
  ON CONFLICT DO NOTHING;
INSERT INTO sync_values (name, value, at, device)
  SELECT 'search:' || lower(name), json_object('name', name, 'query', query, 'syntaxVersion', syntax_version),
         ${stampOf('updated_at')}, (SELECT device_id FROM sync_self)
    FROM saved_searches WHERE true
  ON CONFLICT DO NOTHING;
UPDATE sync_self SET clock = max(clock,
  coalesce((SELECT max(at) FROM sync_marks), clock), coalesce((SELECT max(at) FROM sync_trash), clock),
  coalesce((SELECT max(at) FROM sync_values), clock));
`
