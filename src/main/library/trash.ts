// The trash. A trashed paper leaves papers (and so every list, count, search and digest
// progress) with its rows kept as one JSON record: the paper, its state, note, tags, subjects,
// digest entries and reading events. A deleted digest is kept the same way, with the papers
// only it listed. Restoring puts the rows back, under the old ids when they are still free.
import type { DigestDeletion, Restored, TrashContents, TrashedDigest, TrashedPaper } from '../../shared/model'
import type { Db, Statements } from './connection'
import { LibraryError } from './contract'
import { requirePapers, uniqueIds } from './state'
import { addTag, ensureTag } from './tags'
import { recordPaperMarks, restoredIds } from './sync-outbox'

const COLUMNS = 'title, authors, abstract, note'
type Row = Record<string, unknown>

/** Column names come from the schema itself, so the SQL built from them holds no outside text. */
function columnsOf(statements: Statements, table: string): string[] {
  const names = statements.get('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`unexpected column name in ${table}`)
  }
  return names
}

function jsonObjectOf(columns: readonly string[], alias: string): string {
  return `json_object(${columns.map((c) => `'${c}', ${alias}."${c}"`).join(', ')})`
}

/** The SQL that builds each trashed paper's record; built once per connection from the live schema. */
function recordSql(statements: Statements): string {
  const paper = jsonObjectOf(columnsOf(statements, 'papers'), 'p')
  const state = jsonObjectOf(columnsOf(statements, 'paper_state'), 's')
  return `
    INSERT INTO trashed_papers (paper_id, title, title_key, arxiv_id, doi, trashed_at, via_digest, record)
    SELECT p.id, p.title, p.title_key, p.arxiv_id, p.doi, :at, :via, json_object(
      'paper', ${paper},
      'state', (SELECT ${state} FROM paper_state s WHERE s.paper_id = p.id),
      'note', (SELECT json_object('body', n.body, 'updated_at', n.updated_at) FROM notes n WHERE n.paper_id = p.id),
      'tags', (SELECT json_group_array(t.name) FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id),
      'subjects', (SELECT json_group_array(ps.subject) FROM paper_subjects ps WHERE ps.paper_id = p.id),
      'entries', (SELECT json_group_array(json_array(e.digest_id, e.position)) FROM digest_entries e WHERE e.paper_id = p.id),
      'events', (SELECT json_group_array(json_array(r.kind, r.at)) FROM reading_events r WHERE r.paper_id = p.id)
    )
    FROM json_each(:ids) j JOIN papers p ON p.id = j.value`
}

/** Digests' totals and read counts recounted from their entries (after papers left or came back). */
function recountDigests(statements: Statements, digestIds: readonly number[]): void {
  statements
    .get(
      `UPDATE digests SET
         paper_count = (SELECT count(*) FROM digest_entries e WHERE e.digest_id = digests.id),
         read_count = (SELECT count(*) FROM digest_entries e JOIN paper_state s ON s.paper_id = e.paper_id
                        WHERE e.digest_id = digests.id AND s.read_at IS NOT NULL)
       WHERE id IN (SELECT value FROM json_each(?))`
    )
    .run(JSON.stringify(digestIds))
}

function digestsListing(statements: Statements, ids: readonly number[]): number[] {
  return statements
    .get('SELECT DISTINCT e.digest_id FROM json_each(?) j JOIN digest_entries e ON e.paper_id = j.value')
    .pluck()
    .all(JSON.stringify(ids)) as number[]
}

/**
 * A paper's first digest (its place in the position order) and how many digests list it (the
 * "seen" sort) follow the digests still listing it.
 */
function refreshFirstDigest(statements: Statements, ids: readonly number[]): void {
  statements
    .get(
      `UPDATE papers SET digest_count = (SELECT count(*) FROM digest_entries e WHERE e.paper_id = papers.id)
        WHERE id IN (SELECT value FROM json_each(?))`
    )
    .run(JSON.stringify(ids))
  statements
    .get(
      `UPDATE papers SET digest_date = f.day, first_digest_id = f.digest_id, first_position = f.position
         FROM (SELECT e.paper_id, d.day, d.id AS digest_id, e.position,
                      row_number() OVER (PARTITION BY e.paper_id ORDER BY d.day, d.id) AS n
                 FROM json_each(?) j JOIN digest_entries e ON e.paper_id = j.value JOIN digests d ON d.id = e.digest_id) f
        WHERE f.n = 1 AND papers.id = f.paper_id`
    )
    .run(JSON.stringify(ids))
}

function dropUnusedTags(statements: Statements): void {
  statements.get('DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.tag_id = tags.id)').run()
}

/** Moves papers to the trash; inside the caller's transaction. */
function moveToTrash(statements: Statements, ids: readonly number[], at: string, via: number | null): void {
  if (ids.length === 0) return
  const list = JSON.stringify(ids)
  const digests = digestsListing(statements, ids)
  statements.get(recordSql(statements)).run({ at, via, ids: list })
  statements
    .get(
      `INSERT INTO paper_search(paper_search, rowid, ${COLUMNS})
       SELECT 'delete', id, ${COLUMNS} FROM paper_search_source WHERE id IN (SELECT value FROM json_each(?))`
    )
    .run(list)
  statements.get('DELETE FROM papers WHERE id IN (SELECT value FROM json_each(?))').run(list)
  recountDigests(statements, digests)
  dropUnusedTags(statements)
}

export function trashPapers(db: Db, statements: Statements, ids: readonly number[], now: Date): { changed: number[] } {
  const wanted = uniqueIds(ids)
  if (wanted.length === 0) return { changed: [] }
  return db
    .transaction(() => {
      requirePapers(statements, wanted)
      recordPaperMarks(statements, wanted, 'trashed', true, now)
      moveToTrash(statements, wanted, now.toISOString(), null)
      return { changed: wanted }
    })
    .immediate()
}

/** Deletes a digest: the papers no other digest lists go to the trash, the others stay. */
export function deleteDigest(db: Db, statements: Statements, digestId: number, now: Date): DigestDeletion {
  const at = now.toISOString()
  return db
    .transaction((): DigestDeletion => {
      const digest = statements.get('SELECT * FROM digests WHERE id = ?').get(digestId) as Row | undefined
      if (!digest) throw new LibraryError('NOT_FOUND', `There is no digest with id ${digestId}`)
      const entries = statements
        .get('SELECT position, paper_id FROM digest_entries WHERE digest_id = ? ORDER BY position')
        .all(digestId) as { position: number; paper_id: number }[]
      const record = JSON.stringify({ digest, entries: entries.map((e) => [e.position, e.paper_id]) })
      const serial = Number(
        statements
          .get('INSERT INTO trashed_digests (title, trashed_at, record) VALUES (?, ?, ?)')
          .run(String(digest['title']), at, record).lastInsertRowid
      )
      const onlyHere = statements
        .get(
          `SELECT e.paper_id FROM digest_entries e WHERE e.digest_id = ?
           AND NOT EXISTS (SELECT 1 FROM digest_entries o WHERE o.paper_id = e.paper_id AND o.digest_id <> e.digest_id)
         ORDER BY e.position`
        )
        .pluck()
        .all(digestId) as number[]
      recordPaperMarks(statements, onlyHere, 'trashed', true, now)
      moveToTrash(statements, onlyHere, at, serial)
      const shared = statements
        .get('SELECT paper_id FROM digest_entries WHERE digest_id = ?')
        .pluck()
        .all(digestId) as number[]
      statements.get('DELETE FROM digests WHERE id = ?').run(digestId)
      refreshFirstDigest(statements, shared)
      return { digestId, trashed: onlyHere, kept: shared.length }
    })
    .immediate()
}

interface TrashRecord {
  paper: Row
  state: Row | null
  note: { body: string; updated_at: string } | null
  tags: string[] | null
  subjects: string[] | null
  entries: [number, number][] | null
  events: [string, string][] | null
}

interface TrashRow {
  serial: number
  paper_id: number
  title_key: string
  arxiv_id: string | null
  doi: string | null
  record: string
}

/** A live paper that is the same as the trashed one (imported again meanwhile), by the dedupe keys. */
function liveTwin(statements: Statements, row: TrashRow): number | undefined {
  const find = (sql: string, ...params: unknown[]): number | undefined =>
    statements
      .get(sql)
      .pluck()
      .get(...params) as number | undefined
  if (row.arxiv_id) {
    const id = find('SELECT id FROM papers WHERE arxiv_id = ?', row.arxiv_id)
    if (id !== undefined) return id
  }
  if (row.doi) {
    const id = find(
      'SELECT id FROM papers WHERE doi = ? AND (arxiv_id IS NULL OR ? IS NULL OR arxiv_id = ?) ORDER BY id LIMIT 1',
      row.doi,
      row.arxiv_id,
      row.arxiv_id
    )
    if (id !== undefined) return id
  }
  if (row.title_key === '') return undefined
  return find(
    `SELECT id FROM papers WHERE title_key = ? AND (arxiv_id IS NULL OR ? IS NULL OR arxiv_id = ?)
       AND (doi IS NULL OR ? IS NULL OR doi = ?) ORDER BY id LIMIT 1`,
    row.title_key,
    row.arxiv_id,
    row.arxiv_id,
    row.doi,
    row.doi
  )
}

function insertRow(statements: Statements, table: string, values: Row, overrides: Row): number {
  const live = new Set(columnsOf(statements, table))
  const row: Row = { ...values, ...overrides }
  const columns = Object.keys(row).filter((c) => live.has(c))
  const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`
  const params = Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))
  return Number(statements.get(sql).run(params).lastInsertRowid)
}

/** Puts one trashed paper back; inside the caller's transaction. Returns its id now. */
function restoreOne(statements: Statements, row: TrashRow, digestIds: Map<number, number>, at: string): number {
  const record = JSON.parse(row.record) as TrashRecord
  const twin = liveTwin(statements, row)
  let id: number
  if (twin !== undefined) {
    id = twin
    // Imported again while in the trash: the live paper keeps its own state and gains what it lacked.
    if (record.state) {
      statements
        .get(
          'UPDATE paper_state SET read_at = coalesce(read_at, ?), starred_at = coalesce(starred_at, ?) WHERE paper_id = ?'
        )
        .run(record.state['read_at'] ?? null, record.state['starred_at'] ?? null, id)
    }
    if (record.note && !statements.get('SELECT 1 FROM notes WHERE paper_id = ?').get(id)) {
      statements
        .get(
          `INSERT INTO paper_search(paper_search, rowid, ${COLUMNS}) SELECT 'delete', id, ${COLUMNS} FROM paper_search_source WHERE id = ?`
        )
        .run(id)
      statements
        .get('INSERT INTO notes (paper_id, body, updated_at) VALUES (?, ?, ?)')
        .run(id, record.note.body, record.note.updated_at)
      statements
        .get(`INSERT INTO paper_search(rowid, ${COLUMNS}) SELECT id, ${COLUMNS} FROM paper_search_source WHERE id = ?`)
        .run(id)
    }
  } else {
    const taken = statements.get('SELECT 1 FROM papers WHERE id = ?').get(row.paper_id) !== undefined
    const paper = { ...record.paper }
    if (taken) delete paper['id']
    id = insertRow(statements, 'papers', paper, taken ? {} : { id: row.paper_id })
    insertRow(statements, 'paper_state', record.state ?? {}, { paper_id: id })
    if (record.note) {
      statements
        .get('INSERT INTO notes (paper_id, body, updated_at) VALUES (?, ?, ?)')
        .run(id, record.note.body, record.note.updated_at)
    }
    const events = statements.get('INSERT INTO reading_events (paper_id, kind, at) VALUES (?, ?, ?)')
    for (const [kind, when] of record.events ?? []) events.run(id, kind, when)
    statements
      .get(`INSERT INTO paper_search(rowid, ${COLUMNS}) SELECT id, ${COLUMNS} FROM paper_search_source WHERE id = ?`)
      .run(id)
  }
  for (const name of record.tags ?? []) addTag(statements, ensureTag(statements, name, at).id, [id], at)
  statements
    .get(
      'INSERT INTO paper_subjects (paper_id, subject) SELECT ?, value FROM json_each(?) WHERE true ON CONFLICT DO NOTHING'
    )
    .run(id, JSON.stringify(record.subjects ?? []))
  const entry = statements.get(
    `INSERT INTO digest_entries (digest_id, position, paper_id)
     SELECT :digest, :position, :paper WHERE EXISTS (SELECT 1 FROM digests WHERE id = :digest)
       AND NOT EXISTS (SELECT 1 FROM digest_entries WHERE digest_id = :digest AND (position = :position OR paper_id = :paper))`
  )
  for (const [digestId, position] of record.entries ?? []) {
    entry.run({ digest: digestIds.get(digestId) ?? digestId, position, paper: id })
  }
  statements.get('DELETE FROM trashed_papers WHERE serial = ?').run(row.serial)
  return id
}

function restoreRows(
  statements: Statements,
  rows: readonly TrashRow[],
  digestIds: Map<number, number>,
  at: string
): Restored['papers'] {
  const papers = rows.map((row) => ({ from: row.paper_id, to: restoreOne(statements, row, digestIds, at) }))
  const ids = papers.map((p) => p.to)
  refreshFirstDigest(statements, ids)
  recountDigests(statements, digestsListing(statements, ids))
  return papers
}

const TRASH_ROW = 'SELECT serial, paper_id, title_key, arxiv_id, doi, record FROM trashed_papers'

/** Restores papers by the ids they had; the newest trash entry of each id. */
export function restorePapers(db: Db, statements: Statements, ids: readonly number[], now: Date): Restored {
  const wanted = uniqueIds(ids)
  return db
    .transaction((): Restored => {
      const rows: TrashRow[] = []
      const missing: number[] = []
      for (const id of wanted) {
        const row = statements.get(`${TRASH_ROW} WHERE paper_id = ? ORDER BY serial DESC LIMIT 1`).get(id) as
          TrashRow | undefined
        if (row) rows.push(row)
        else missing.push(id)
      }
      if (missing.length > 0) {
        throw new LibraryError(
          'NOT_FOUND',
          `The trash holds no paper with id ${missing.join(', ')}; nothing was restored`
        )
      }
      const papers = restoreRows(statements, rows, new Map(), now.toISOString())
      recordPaperMarks(statements, restoredIds(papers), 'trashed', false, now)
      return { papers, digests: [] }
    })
    .immediate()
}

/** Restores a deleted digest with the papers its deletion put in the trash. */
export function restoreDigest(db: Db, statements: Statements, trashId: number, now: Date): Restored {
  return db
    .transaction((): Restored => {
      const stored = statements.get('SELECT record FROM trashed_digests WHERE id = ?').pluck().get(trashId) as
        string | undefined
      if (stored === undefined) throw new LibraryError('NOT_FOUND', `The trash holds no digest with id ${trashId}`)
      const { digest, entries } = JSON.parse(stored) as { digest: Row; entries: [number, number][] }
      if (statements.get('SELECT 1 FROM digests WHERE content_hash = ?').get(digest['content_hash'])) {
        throw new LibraryError(
          'INVALID_ARGUMENT',
          `"${String(digest['title'])}" was imported again after it was deleted; that import is the digest now`
        )
      }
      const oldId = Number(digest['id'])
      const taken = statements.get('SELECT 1 FROM digests WHERE id = ?').get(oldId) !== undefined
      const values = { ...digest }
      if (taken) delete values['id']
      const digestId = insertRow(statements, 'digests', values, taken ? {} : { id: oldId })
      const rows = statements.get(`${TRASH_ROW} WHERE via_digest = ? ORDER BY serial`).all(trashId) as TrashRow[]
      const papers = restoreRows(statements, rows, new Map([[oldId, digestId]]), now.toISOString())
      recordPaperMarks(statements, restoredIds(papers), 'trashed', false, now)
      const moved = new Map(papers.map((p) => [p.from, p.to]))
      const entry = statements.get(
        `INSERT INTO digest_entries (digest_id, position, paper_id) SELECT :digest, :position, :paper
        WHERE EXISTS (SELECT 1 FROM papers WHERE id = :paper) ON CONFLICT DO NOTHING`
      )
      const listed: number[] = []
      for (const [position, paperId] of entries) {
        const id = moved.get(paperId) ?? paperId
        if (entry.run({ digest: digestId, position, paper: id }).changes > 0) listed.push(id)
      }
      statements.get('DELETE FROM trashed_digests WHERE id = ?').run(trashId)
      recountDigests(statements, [digestId])
      refreshFirstDigest(statements, listed)
      return { papers, digests: [digestId] }
    })
    .immediate()
}

export function listTrash(statements: Statements): TrashContents {
  const papers = (
    statements
      .get(
        `SELECT paper_id AS id, title, json_extract(record, '$.paper.authors') AS authors, trashed_at AS trashedAt,
                via_digest AS viaDigestId
           FROM trashed_papers ORDER BY trashed_at DESC, serial DESC`
      )
      .all() as (Omit<TrashedPaper, 'authors'> & { authors: string | null })[]
  ).map((row) => ({ ...row, authors: row.authors ? (JSON.parse(row.authors) as string[]) : [] }))
  const digests = statements
    .get(
      `SELECT d.id, d.title, d.trashed_at AS trashedAt,
              (SELECT count(*) FROM trashed_papers p WHERE p.via_digest = d.id) AS papers
         FROM trashed_digests d ORDER BY d.trashed_at DESC, d.id DESC`
    )
    .all() as TrashedDigest[]
  return { papers, digests }
}

/** Removes for good what is in the trash; `before` limits it to what was trashed before that time. */
export function emptyTrash(
  db: Db,
  statements: Statements,
  before: Date | null = null
): { papers: number; digests: number } {
  const cutoff = before?.toISOString() ?? '9999'
  return db
    .transaction(() => {
      const papers = statements.get('DELETE FROM trashed_papers WHERE trashed_at < ?').run(cutoff).changes
      const digests = statements
        .get(
          `DELETE FROM trashed_digests WHERE trashed_at < ?
           AND NOT EXISTS (SELECT 1 FROM trashed_papers p WHERE p.via_digest = trashed_digests.id)`
        )
        .run(cutoff).changes
      return { papers, digests }
    })
    .immediate()
}

/** The automatic purge: what has been in the trash longer than `days` days (0: never). */
export function purgeExpiredTrash(
  db: Db,
  statements: Statements,
  days: number,
  now: Date
): { papers: number; digests: number } {
  if (days <= 0) return { papers: 0, digests: 0 }
  const any = statements.get('SELECT 1 FROM trashed_papers UNION ALL SELECT 1 FROM trashed_digests LIMIT 1').get()
  if (!any) return { papers: 0, digests: 0 }
  return emptyTrash(db, statements, new Date(now.getTime() - days * 86_400_000))
}
