// Notes: one per paper, searchable, every save logged as a reading event.
import type { Db, Statements } from './connection'
import { readerWrite } from './write-turns'
import { LibraryError } from './contract'
import { writeNoteText } from './note-text'
import { wellFormed } from '../../shared/well-formed'
import { recordNote } from './sync-outbox'

export function saveNote(db: Db, statements: Statements, id: number, text: string, now: Date): void {
  if (!Number.isSafeInteger(id) || id < 1) throw new LibraryError('INVALID_ARGUMENT', `${String(id)} is not a paper id`)
  const body = text.trim() === '' ? null : wellFormed(text)
  const at = now.toISOString()
  readerWrite(db, () => {
    if (!statements.get('SELECT 1 FROM papers WHERE id = ?').get(id)) {
      throw new LibraryError('NOT_FOUND', `There is no paper with id ${id}`)
    }
    const current = statements.get('SELECT body FROM notes WHERE paper_id = ?').pluck().get(id) as string | undefined
    if ((current ?? null) === body) return
    writeNoteText(statements, id, body, at)
    recordNote(statements, id, body ?? '', now)
  })
}
