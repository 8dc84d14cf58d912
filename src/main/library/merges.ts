// Merges of papers and splitting a wrong one. An import that joins a digest's entry to a paper
// by DOI or by title (an arXiv id is certain and is not recorded) keeps the paper's record as it
// was and the entry's record; splitting makes the entry's record a paper of its own again, moves
// that digest's entry (and the versions it reported) to it, and gives the first paper back its
// record from before the merge when no later merge came after it.
import type { PaperMerge, SplitOutcome } from '../../shared/model'
import type { Db, Statements } from './connection'
import { LibraryError } from './contract'
import type { PaperRecord } from './dedupe-merge'
import { UPDATE_PAPER } from './import-write'
import { insertPaper, recordParams, storedRecord, type StoredPaperRow } from './import-match'
import { indexNewPapers, reindexAround } from './search-index'
import { recountDigests, refreshFirstDigest } from './trash-counts'
import { countInsertedPapers } from './import-counts'
import { lastPaperId } from './paper-rows'

export type { PaperMerge, SplitOutcome }

export interface MergeHistory {
  /** The merges a paper went through, oldest first. */
  of(paperId: number): PaperMerge[]
  /** Splits one merge (`mergeId`, or the paper's only merge from `digestId`); one transaction. */
  split(paperId: number, digestId?: number): SplitOutcome
}

interface MergeRow {
  id: number
  paper_id: number
  digest_id: number
  digest_title: string
  matched_by: 'doi' | 'title'
  before: string
  incoming: string
  merged_at: string
}

/** Inside an import's transaction: the entry's record joined the stored paper `row`. */
export function recordMerge(
  statements: Statements,
  row: StoredPaperRow,
  incoming: PaperRecord,
  digestId: number,
  nowIso: string
): void {
  if (incoming.arxivId !== null && incoming.arxivId === row.arxiv_id) return
  const matchedBy = incoming.doi !== null && incoming.doi === row.doi ? 'doi' : 'title'
  statements
    .get(
      `INSERT INTO paper_merges (paper_id, digest_id, matched_by, before, incoming, merged_at)
       VALUES (?, ?, ?, ?, ?, ?)`
    )
    .run(row.id, digestId, matchedBy, JSON.stringify(storedRecord(row)), JSON.stringify(incoming), nowIso)
}

const MERGE_ROWS = `SELECT m.id, m.paper_id, m.digest_id, d.title AS digest_title, m.matched_by, m.before,
  m.incoming, m.merged_at FROM paper_merges m JOIN digests d ON d.id = m.digest_id`

function toMerge(row: MergeRow): PaperMerge {
  const incoming = JSON.parse(row.incoming) as PaperRecord
  return {
    id: row.id,
    paperId: row.paper_id,
    digestId: row.digest_id,
    digestTitle: row.digest_title,
    matchedBy: row.matched_by,
    title: incoming.title,
    mergedAt: row.merged_at
  }
}

function mergeToSplit(statements: Statements, paperId: number, digestId: number | undefined): MergeRow {
  const rows = statements.get(`${MERGE_ROWS} WHERE m.paper_id = ? ORDER BY m.id`).all(paperId) as MergeRow[]
  const exists = statements.get('SELECT 1 FROM papers WHERE id = ?').get(paperId)
  if (!exists) throw new LibraryError('NOT_FOUND', `No paper with id ${paperId}.`)
  if (rows.length === 0)
    throw new LibraryError('INVALID_ARGUMENT', `Paper ${paperId} was never merged: nothing to split.`)
  const chosen = digestId === undefined ? rows : rows.filter((row) => row.digest_id === digestId)
  if (chosen.length === 1) return chosen[0]!
  const listed = rows.map((row) => `digest ${row.digest_id} '${row.digest_title}' (by ${row.matched_by})`).join(', ')
  throw new LibraryError(
    'INVALID_ARGUMENT',
    digestId === undefined
      ? `Paper ${paperId} was merged from ${rows.length} digests: ${listed}. Say which digest to split off.`
      : `Paper ${paperId} was not merged from digest ${digestId}; it was from ${listed}.`
  )
}

function split(statements: Statements, paperId: number, digestId: number | undefined, nowIso: string): SplitOutcome {
  const merge = mergeToSplit(statements, paperId, digestId)
  const entry = statements
    .get(
      'SELECT e.position, d.day FROM digest_entries e JOIN digests d ON d.id = e.digest_id WHERE e.digest_id = ? AND e.paper_id = ?'
    )
    .get(merge.digest_id, paperId) as { position: number; day: string } | undefined
  if (!entry) throw new LibraryError('INVALID_ARGUMENT', `Digest ${merge.digest_id} no longer lists paper ${paperId}.`)
  const lastBefore = lastPaperId(statements)
  const incoming = JSON.parse(merge.incoming) as PaperRecord
  // The DOI stays with the paper that had it first; two papers never hold one DOI.
  const own = { ...incoming, doi: merge.matched_by === 'doi' ? null : incoming.doi }
  const newPaperId = insertPaper(statements, own, {
    day: entry.day,
    digestId: merge.digest_id,
    position: entry.position,
    now: nowIso
  })
  statements.get('INSERT INTO paper_state (paper_id, read_at, starred_at) VALUES (?, NULL, NULL)').run(newPaperId)
  countInsertedPapers(statements, [newPaperId])
  statements
    .get('UPDATE digest_entries SET paper_id = ? WHERE digest_id = ? AND paper_id = ?')
    .run(newPaperId, merge.digest_id, paperId)
  statements
    .get('UPDATE paper_versions SET paper_id = ? WHERE paper_id = ? AND digest_id = ?')
    .run(newPaperId, paperId, merge.digest_id)
  const later = statements.get('SELECT 1 FROM paper_merges WHERE paper_id = ? AND id > ?').get(paperId, merge.id)
  if (!later) {
    const before = JSON.parse(merge.before) as PaperRecord
    reindexAround(statements, paperId, () =>
      statements.get(UPDATE_PAPER).run({ ...recordParams(before), now: nowIso, id: paperId })
    )
  }
  statements.get('DELETE FROM paper_merges WHERE id = ?').run(merge.id)
  indexNewPapers(statements, lastBefore)
  refreshFirstDigest(statements, [paperId, newPaperId])
  recountDigests(statements, [merge.digest_id])
  return { paperId, newPaperId, digestId: merge.digest_id }
}

export function mergeHistory(db: Db, statements: Statements, now: () => Date): MergeHistory {
  return {
    of: (paperId) =>
      (statements.get(`${MERGE_ROWS} WHERE m.paper_id = ? ORDER BY m.id`).all(paperId) as MergeRow[]).map(toMerge),
    split: (paperId, digestId) =>
      db.transaction(() => split(statements, paperId, digestId, now().toISOString())).immediate()
  }
}
