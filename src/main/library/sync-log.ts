// This device's log as the library keeps it: the outbox claimed into numbered segments, a
// segment rebuilt when its file went missing, the merged state for a snapshot, and what the
// library knows of the other devices and their digest files.
import {
  paperKeyId,
  type Change,
  type DigestChange,
  type MarkChange,
  type NoteChange,
  type PaperField,
  type PaperKey,
  type ValueChange
} from '../sync/change'
import { chunkChanges } from '../sync/segment'
import type { Db, Statements } from './connection'
import type { VersionRow } from './sync-notes'

interface KeyColumns {
  arxiv_id: string | null
  doi: string | null
  title_key: string
}

function paperKey(row: KeyColumns): PaperKey {
  const key: PaperKey = { title: row.title_key }
  if (row.arxiv_id) key.arxiv = row.arxiv_id
  if (row.doi) key.doi = row.doi
  return key
}

interface MarkRow extends KeyColumns {
  paper_id: number
  field: string
  label: string | null
  value: number
  at: string
  device: string
}
interface TrashRow extends KeyColumns {
  paper: string
  value: number
  at: string
  device: string
}
interface NoteRow extends KeyColumns, Omit<VersionRow, 'published'> {
  paper_id: number
}
interface ValueRow {
  name: string
  value: string | null
  at: string
  device: string
}
export interface DigestRow {
  hash: string
  file_name: string
  format: string
  date: string | null
  modified_at: string
  at: string
  device: string
}

export const DIGEST_COLUMNS = 'hash, file_name, format, date, modified_at, at, device'

export function digestChangeOf(row: DigestRow): DigestChange {
  return {
    kind: 'digest',
    at: row.at,
    device: row.device,
    hash: row.hash,
    fileName: row.file_name,
    format: row.format,
    date: row.date,
    modifiedAt: row.modified_at
  }
}

const KEYS = 'p.arxiv_id, p.doi, p.title_key'

/** A change and the row it came from (for claiming it): a paper's row and the field as stored. */
interface OutboxEntry {
  change: Change
  paperId: number | null
  field?: string
}

/** `where` is one of the constant conditions below; its parameters are bound. */
function entriesWhere(statements: Statements, where: string, params: unknown[], deviceName: string): OutboxEntry[] {
  const marks = statements
    .get(
      `SELECT m.paper_id, m.field, m.label, m.value, m.at, m.device, ${KEYS} FROM sync_marks m JOIN papers p ON p.id = m.paper_id WHERE ${where}`
    )
    .all(...params) as MarkRow[]
  const notes = statements
    .get(
      `SELECT n.paper_id, n.version, n.parents, n.body, n.at, n.device, n.by, ${KEYS}
         FROM sync_note_versions n JOIN papers p ON p.id = n.paper_id WHERE ${where}`
    )
    .all(...params) as NoteRow[]
  const trash = statements
    .get(`SELECT paper, arxiv_id, doi, title_key, value, at, device FROM sync_trash WHERE ${where}`)
    .all(...params) as TrashRow[]
  const values = statements
    .get(`SELECT name, value, at, device FROM sync_values WHERE ${where}`)
    .all(...params) as ValueRow[]
  const digests = statements
    .get(`SELECT ${DIGEST_COLUMNS} FROM sync_digests WHERE ${where}`)
    .all(...params) as DigestRow[]
  const entry = (change: Change, paperId: number | null = null): OutboxEntry => ({ change, paperId })
  const mark = (row: MarkRow | TrashRow, field: PaperField): MarkChange => ({
    kind: 'mark',
    at: row.at,
    device: row.device,
    paper: paperKey(row),
    field,
    value: row.value === 1
  })
  return [
    ...digests.map((row) => entry(digestChangeOf(row))),
    ...marks.map((row) => ({
      // A tag travels under the name as the reader spelled it.
      change: mark(row, (row.label !== null ? `tag:${row.label}` : row.field) as PaperField),
      paperId: row.paper_id,
      field: row.field
    })),
    ...trash.map((row) => entry(mark(row, 'trashed'))),
    ...notes.map((row) =>
      entry(
        {
          kind: 'note',
          at: row.at,
          device: row.device,
          paper: paperKey(row),
          version: row.version,
          parents: JSON.parse(row.parents) as string[],
          text: row.body,
          by: row.by || deviceName
        } satisfies NoteChange,
        row.paper_id
      )
    ),
    ...values.map((row) =>
      entry({ kind: 'value', at: row.at, device: row.device, name: row.name, value: row.value } satisfies ValueChange)
    )
  ]
}

function changesWhere(statements: Statements, where: string, params: unknown[], deviceName: string): Change[] {
  return entriesWhere(statements, where, params, deviceName).map((entry) => entry.change)
}

export interface ClaimedSegment {
  seq: number
  changes: Change[]
}

function claim(statements: Statements, { change, paperId, field }: OutboxEntry, seq: number): void {
  switch (change.kind) {
    case 'digest':
      statements.get('UPDATE sync_digests SET published = ? WHERE hash = ?').run(seq, change.hash)
      return
    case 'value':
      statements.get('UPDATE sync_values SET published = ? WHERE name = ?').run(seq, change.name)
      return
    case 'mark':
      if (paperId === null) {
        statements.get('UPDATE sync_trash SET published = ? WHERE paper = ?').run(seq, paperKeyId(change.paper))
        return
      }
      statements.get('UPDATE sync_marks SET published = ? WHERE paper_id = ? AND field = ?').run(seq, paperId, field)
      return
    case 'note':
      statements
        .get('UPDATE sync_note_versions SET published = ?, by = ? WHERE paper_id = ? AND version = ?')
        .run(seq, change.by, paperId, change.version)
  }
}

/**
 * Gives the outbox's changes segment numbers, in one transaction: after it, they belong to
 * those segments and are written from there (again, if a crash lost the file).
 */
export function claimOutbox(db: Db, statements: Statements, deviceName: string): ClaimedSegment[] {
  return db
    .transaction((): ClaimedSegment[] => {
      const entries = entriesWhere(statements, 'published = 0', [], deviceName)
      if (entries.length === 0) return []
      const byChange = new Map(entries.map((entry) => [entry.change, entry]))
      let seq = statements.get('SELECT seq FROM sync_self').pluck().get() as number
      const claimed: ClaimedSegment[] = []
      for (const chunk of chunkChanges(entries.map((entry) => entry.change))) {
        seq += 1
        for (const change of chunk) claim(statements, byChange.get(change)!, seq)
        claimed.push({ seq, changes: chunk })
      }
      statements.get('UPDATE sync_self SET seq = ?').run(seq)
      return claimed
    })
    .immediate()
}

/** The changes of this device's segment `seq`, as far as they are still current. */
export function segmentChanges(statements: Statements, seq: number, deviceName: string): Change[] {
  return changesWhere(statements, 'published = ?', [seq], deviceName)
}

/** Everything this library knows, for a snapshot: each register's winning change, every note version, every digest. */
export function snapshotChanges(statements: Statements, deviceName: string): Change[] {
  return changesWhere(statements, '1 = 1', [], deviceName)
}
