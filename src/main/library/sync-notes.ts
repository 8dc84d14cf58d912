// Note versions as stored, and the note text they add up to (see src/main/sync/note-versions.ts).
import { noteState, type NoteState, type NoteVersion } from '../sync/note-versions'
import type { Statements } from './connection'
import { writeNoteText } from './note-text'

export interface StoredNoteVersion extends NoteVersion {
  device: string
  published: number
}

/** A row of sync_note_versions. */
export interface VersionRow {
  version: string
  parents: string
  body: string
  at: string
  device: string
  by: string
  published: number
}

export function loadNoteVersions(statements: Statements, paperId: number): Map<string, StoredNoteVersion> {
  const rows = statements
    .get('SELECT version, parents, body, at, device, by, published FROM sync_note_versions WHERE paper_id = ?')
    .all(paperId) as VersionRow[]
  return new Map(
    rows.map((row) => [
      row.version,
      {
        version: row.version,
        parents: JSON.parse(row.parents) as string[],
        text: row.body,
        at: row.at,
        device: row.device,
        by: row.by || 'this device',
        published: row.published
      }
    ])
  )
}

/** Writes the merged note (or removes it when empty) and its conflict flag; returns the state. */
export function settleNote(
  statements: Statements,
  paperId: number,
  updatedAt: string,
  indexedOutside = false
): NoteState {
  const state = noteState(loadNoteVersions(statements, paperId))
  const current = statements.get('SELECT body FROM notes WHERE paper_id = ?').pluck().get(paperId) as string | undefined
  const wanted = state.text.trim() === '' ? null : state.text
  if ((current ?? null) !== wanted) writeNoteText(statements, paperId, wanted, updatedAt, indexedOutside)
  if (state.conflict) {
    statements.get('INSERT OR IGNORE INTO sync_conflicts (paper_id, since) VALUES (?, ?)').run(paperId, updatedAt)
  } else statements.get('DELETE FROM sync_conflicts WHERE paper_id = ?').run(paperId)
  return state
}
