// Applying another device's changes: one segment in one transaction, so a segment is applied
// whole or not at all, and applying it again changes nothing (each change is compared with the
// one that set the current value; note versions and digests are sets).
import { stampDate, parseStamp, receive, formatStamp, compareChanges } from '../sync/hlc'
import {
  fieldRegister,
  type Change,
  type MarkChange,
  type NoteChange,
  type PaperKey,
  type ValueChange
} from '../sync/change'
import type { Db, Statements } from './connection'
import { adjustDigestReadCounts } from './state'
import { settleNote } from './sync-notes'
import { reindexManyAround } from './search-index'
import { applyFollowedValue } from './sync-values'
import { applyTag, applyTrash, tagLabel, type Effect } from './sync-organize'

export interface SegmentInput {
  /** The device whose log this is (a snapshot's writer for snapshot parts). */
  device: string
  /** Segment number; snapshot parts use their own key (see folder.ts). */
  seq: number
  sum: string
  changes: readonly Change[]
}

export interface ApplyOutcome {
  /** False when this very segment was applied before: nothing changed. */
  applied: boolean
  /** Changes that changed something here. */
  changed: number
  /** Changes about papers this library does not hold yet, kept until their digest arrives. */
  waiting: number
  /** Notes that now hold two versions between conflict markers. */
  conflicts: number
}

const FIND_BY_ARXIV = 'SELECT id FROM papers WHERE arxiv_id = ?'
const FIND_BY_DOI = `SELECT id FROM papers WHERE doi = :doi AND (arxiv_id IS NULL OR :arxiv IS NULL OR arxiv_id = :arxiv)
  ORDER BY id LIMIT 1`
const FIND_BY_TITLE = `SELECT id FROM papers WHERE title_key = :title AND (arxiv_id IS NULL OR :arxiv IS NULL OR arxiv_id = :arxiv)
  AND (doi IS NULL OR :doi IS NULL OR doi = :doi) ORDER BY id LIMIT 1`

/** This library's row for a paper key, matched as the importer's dedupe matches: arXiv id, DOI, title. */
export function resolvePaper(statements: Statements, key: PaperKey): number | null {
  const params = { arxiv: key.arxiv ?? null, doi: key.doi ?? null, title: key.title }
  const id =
    (key.arxiv ? statements.get(FIND_BY_ARXIV).pluck().get(key.arxiv) : undefined) ??
    (key.doi ? statements.get(FIND_BY_DOI).pluck().get(params) : undefined) ??
    (key.title ? statements.get(FIND_BY_TITLE).pluck().get(params) : undefined)
  return (id as number | undefined) ?? null
}

function applyMark(db: Db, statements: Statements, change: MarkChange): Effect {
  const paperId = resolvePaper(statements, change.paper)
  if (change.field === 'trashed') return applyTrash(db, statements, change, paperId)
  if (paperId === null) return 'waiting'
  const label = tagLabel(change)
  if (change.field.startsWith('tag:') && label === null) return 'same'
  const field = fieldRegister(change.field)
  const current = statements
    .get('SELECT at, device FROM sync_marks WHERE paper_id = ? AND field = ?')
    .get(paperId, field) as { at: string; device: string } | undefined
  if (current && compareChanges(change, current) <= 0) return 'same'
  statements
    .get(
      `INSERT INTO sync_marks (paper_id, field, value, at, device, published, label) VALUES (?, ?, ?, ?, ?, -1, ?)
       ON CONFLICT (paper_id, field) DO UPDATE SET value = excluded.value, at = excluded.at,
         device = excluded.device, published = -1, label = excluded.label`
    )
    .run(paperId, field, change.value ? 1 : 0, change.at, change.device, label)
  if (change.field === 'read' || change.field === 'starred') setMark(statements, paperId, change)
  else if (label !== null) applyTag(statements, paperId, change, label)
  return 'changed'
}

/** The mark itself, dated when the other device made it; progress counters and events follow. */
function setMark(statements: Statements, paperId: number, change: MarkChange): void {
  const column = change.field === 'read' ? 'read_at' : 'starred_at'
  const when = stampDate(change.at).toISOString()
  // The column name comes from the two constants above, never from the change.
  const updated = change.value
    ? statements.get(`UPDATE paper_state SET ${column} = ? WHERE paper_id = ? AND ${column} IS NULL`).run(when, paperId)
    : statements
        .get(`UPDATE paper_state SET ${column} = NULL WHERE paper_id = ? AND ${column} IS NOT NULL`)
        .run(paperId)
  if (updated.changes === 0) return
  const kind = change.field === 'read' ? (change.value ? 'read' : 'unread') : change.value ? 'star' : 'unstar'
  statements.get('INSERT INTO reading_events (paper_id, kind, at) VALUES (?, ?, ?)').run(paperId, kind, when)
  if (change.field === 'read') adjustDigestReadCounts(statements, [paperId], change.value ? 1 : -1)
}

function applyNote(statements: Statements, change: NoteChange, indexedTogether: ReadonlySet<number>): Effect {
  const paperId = resolvePaper(statements, change.paper)
  if (paperId === null) return 'waiting'
  const inserted = statements
    .get(
      `INSERT OR IGNORE INTO sync_note_versions (paper_id, version, parents, body, at, device, by, published)
       VALUES (?, ?, ?, ?, ?, ?, ?, -1)`
    )
    .run(paperId, change.version, JSON.stringify(change.parents), change.text, change.at, change.device, change.by)
  if (inserted.changes === 0) return 'same'
  const at = stampDate(change.at).toISOString()
  return settleNote(statements, paperId, at, indexedTogether.has(paperId)).conflict ? 'conflict' : 'changed'
}

function applyValue(statements: Statements, change: ValueChange): Effect {
  const current = statements.get('SELECT at, device FROM sync_values WHERE name = ?').get(change.name) as
    { at: string; device: string } | undefined
  if (current && compareChanges(change, current) <= 0) return 'same'
  statements
    .get(
      `INSERT INTO sync_values (name, value, at, device, published) VALUES (?, ?, ?, ?, -1)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value, at = excluded.at, device = excluded.device,
         published = -1`
    )
    .run(change.name, change.value, change.at, change.device)
  applyFollowedValue(statements, change.name, change.value, stampDate(change.at).toISOString())
  return 'changed'
}

function applyOne(db: Db, statements: Statements, change: Change, indexedTogether: ReadonlySet<number>): Effect {
  switch (change.kind) {
    case 'mark':
      return applyMark(db, statements, change)
    case 'note':
      return applyNote(statements, change, indexedTogether)
    case 'value':
      return applyValue(statements, change)
    case 'digest': {
      const known =
        statements.get('SELECT 1 FROM digests WHERE content_hash = ?').get(change.hash) !== undefined ||
        statements.get('SELECT 1 FROM sync_digests WHERE hash = ?').get(change.hash) !== undefined
      if (known) return 'same'
      statements
        .get(
          `INSERT INTO sync_digests (hash, file_name, format, date, modified_at, at, device, status, published)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'wanted', -1)`
        )
        .run(change.hash, change.fileName, change.format, change.date, change.modifiedAt, change.at, change.device)
      return 'changed'
    }
  }
}

function tally(outcome: ApplyOutcome, effect: Effect): void {
  if (effect === 'changed') outcome.changed++
  else if (effect === 'waiting') outcome.waiting++
  else if (effect === 'conflict') {
    outcome.changed++
    outcome.conflicts++
  }
}

/** The clock moves past every stamp seen, so this device's next change sorts after them. */
function receiveClock(statements: Statements, changes: readonly Change[], now: Date): void {
  let latest: string | null = null
  for (const change of changes) if (latest === null || change.at > latest) latest = change.at
  if (latest === null) return
  const current = statements.get('SELECT clock FROM sync_self').pluck().get() as string
  const next = receive(parseStamp(current), parseStamp(latest), now.getTime())
  statements.get('UPDATE sync_self SET clock = ?').run(formatStamp(next))
}

/**
 * The live papers whose notes these changes may rewrite, less any a change may trash (the trash
 * keeps the search index itself): their search entries are replaced once, around the whole
 * apply, instead of once per note (see reindexManyAround).
 */
function notesIndexedTogether(statements: Statements, changes: readonly Change[]): Set<number> {
  const notes = new Set<number>()
  const trashed = new Set<number>()
  for (const change of changes) {
    if (change.kind !== 'note' && !(change.kind === 'mark' && change.field === 'trashed')) continue
    const id = resolvePaper(statements, change.paper)
    if (id !== null) (change.kind === 'note' ? notes : trashed).add(id)
  }
  for (const id of trashed) notes.delete(id)
  return notes
}

export function applySegment(db: Db, statements: Statements, segment: SegmentInput, now: Date): ApplyOutcome {
  return db
    .transaction((): ApplyOutcome => {
      const outcome: ApplyOutcome = { applied: false, changed: 0, waiting: 0, conflicts: 0 }
      const seen = statements
        .get('SELECT 1 FROM sync_segments WHERE device = ? AND seq = ? AND sum = ?')
        .get(segment.device, segment.seq, segment.sum)
      if (seen) return outcome
      outcome.applied = true
      receiveClock(statements, segment.changes, now)
      const park = statements.get('INSERT INTO sync_pending (change) VALUES (?)')
      const together = notesIndexedTogether(statements, segment.changes)
      reindexManyAround(statements, [...together], () => {
        for (const change of segment.changes) {
          const effect = applyOne(db, statements, change, together)
          if (effect === 'waiting') park.run(JSON.stringify(change))
          tally(outcome, effect)
        }
      })
      statements
        .get('INSERT INTO sync_segments (device, seq, sum) VALUES (?, ?, ?)')
        .run(segment.device, segment.seq, segment.sum)
      return outcome
    })
    .immediate()
}

/** Applies the changes kept for papers that were missing; those still missing stay. */
export function retryWaiting(db: Db, statements: Statements): ApplyOutcome {
  return db
    .transaction((): ApplyOutcome => {
      const outcome: ApplyOutcome = { applied: true, changed: 0, waiting: 0, conflicts: 0 }
      const rows = statements.get('SELECT id, change FROM sync_pending ORDER BY id').all() as {
        id: number
        change: string
      }[]
      const done = statements.get('DELETE FROM sync_pending WHERE id = ?')
      const changes = rows.map((row) => JSON.parse(row.change) as Change)
      const together = notesIndexedTogether(statements, changes)
      reindexManyAround(statements, [...together], () => {
        changes.forEach((change, index) => {
          const effect = applyOne(db, statements, change, together)
          tally(outcome, effect)
          if (effect !== 'waiting') done.run(rows[index]!.id)
        })
      })
      return outcome
    })
    .immediate()
}
