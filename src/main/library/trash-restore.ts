// Restoring from the trash: a paper comes back with every row it had (state, note, tags,
// subjects, digest entries, reading events, and the rows of the other tables that hang off it:
// version history, dismissals, sync marks and note versions), under its old id when still free,
// or merged into the same paper imported again meanwhile. One immediate transaction each.
import type { Restored } from '../../shared/model'
import type { Db, Statements } from './connection'
import { LibraryError } from './contract'
import { uniqueIds } from './state'
import { addTag, ensureTag } from './tags'
import { digestsListing, recountDigests, refreshFirstDigest } from './trash-counts'
import { insertRow, restoreDependentRows, type Row } from './trash-rows'
import { storedAbstract } from './abstract-text'
import { putBackAdditions, type TakenAddition } from './import-additions'
import { recordPaperMarks, restoredIds } from './sync-outbox'
import { unindexSql } from './search-backlog'
import { countInsertedPapers } from './import-counts'

const COLUMNS = 'title, authors, abstract, note'

interface TrashRecord {
  paper: Row
  state: Row | null
  note: { body: string; updated_at: string } | null
  tags: string[] | null
  subjects: string[] | null
  entries: [number, number][] | null
  events: [string, string][] | null
  /** Rows of the other tables that hang off the paper, by table (see trash-rows.ts). */
  rows?: Record<string, Row[] | null>
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

/**
 * Puts one trashed paper back; inside the caller's transaction. Returns its id now; a paper
 * inserted anew goes on `toIndex`, for the search index.
 */
function restoreOne(
  statements: Statements,
  row: TrashRow,
  digestIds: Map<number, number>,
  at: string,
  toIndex: number[]
): number {
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
      statements.get(unindexSql('= ?')).run(id)
      statements
        .get('INSERT INTO notes (paper_id, body, updated_at) VALUES (?, ?, ?)')
        .run(id, record.note.body, record.note.updated_at)
      statements
        .get(`INSERT INTO paper_search(rowid, ${COLUMNS}) SELECT id, ${COLUMNS} FROM paper_search_source WHERE id = ?`)
        .run(id)
    }
  } else {
    const taken = statements.get('SELECT 1 FROM papers WHERE id = ?').get(row.paper_id) !== undefined
    // The record holds the abstract's text (trash-rows.ts): it goes back stored as a new one is.
    const abstract = record.paper['abstract']
    const paper: Row = { ...record.paper, abstract: storedAbstract(typeof abstract === 'string' ? abstract : null) }
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
    toIndex.push(id)
  }
  for (const name of record.tags ?? []) addTag(statements, ensureTag(statements, name, at).id, [id], at)
  if (record.subjects?.length) {
    statements
      .get(
        'INSERT INTO paper_subjects (paper_id, subject) SELECT ?, value FROM json_each(?) WHERE true ON CONFLICT DO NOTHING'
      )
      .run(id, JSON.stringify(record.subjects))
  }
  restoreDependentRows(statements, record.rows, id, digestIds)
  // A plain insert that skips a taken slot or a paper already listed (either unique key): an
  // INSERT ... SELECT reading digest_entries itself grew slower with every paper restored.
  const digestExists = statements.get('SELECT 1 FROM digests WHERE id = ?')
  const entry = statements.get(
    'INSERT INTO digest_entries (digest_id, position, paper_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'
  )
  for (const [digestId, position] of record.entries ?? []) {
    const digest = digestIds.get(digestId) ?? digestId
    if (digestExists.get(digest)) entry.run(digest, position, id)
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
  const toIndex: number[] = []
  const papers = rows.map((row) => ({ from: row.paper_id, to: restoreOne(statements, row, digestIds, at, toIndex) }))
  countInsertedPapers(statements, toIndex)
  // Indexed together at the end: FTS5 writes out its pending terms at every statement savepoint,
  // so one insert per paper between the other writes made each restore slower than the last.
  statements
    .get(
      `INSERT INTO paper_search(rowid, ${COLUMNS})
       SELECT id, ${COLUMNS} FROM paper_search_source WHERE id IN (SELECT value FROM json_each(?))`
    )
    .run(JSON.stringify(toIndex))
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
      const { digest, entries, additions } = JSON.parse(stored) as {
        digest: Row
        entries: [number, number][]
        additions?: TakenAddition[]
      }
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
      putBackAdditions(statements, digestId, additions ?? [], now.toISOString())
      statements.get('DELETE FROM trashed_digests WHERE id = ?').run(trashId)
      recountDigests(statements, [digestId])
      refreshFirstDigest(statements, listed)
      return { papers, digests: [digestId] }
    })
    .immediate()
}
