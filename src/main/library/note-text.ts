// Writing a note's text: the row, the search index around it, and the save logged as a
// reading event. The reader's save (notes.ts) and a merge of another device's version
// (sync-notes.ts) both write through here.
import type { Statements } from './connection'
import { reindexAround } from './search-index'

/**
 * Writes a paper's note (null removes it); inside the caller's transaction. `indexedOutside`:
 * the caller replaces the paper's search entry around a larger change (reindexManyAround).
 */
export function writeNoteText(
  statements: Statements,
  paperId: number,
  body: string | null,
  at: string,
  indexedOutside = false
): void {
  const write = (): void => {
    if (body === null) statements.get('DELETE FROM notes WHERE paper_id = ?').run(paperId)
    else {
      statements
        .get(
          `INSERT INTO notes (paper_id, body, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (paper_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`
        )
        .run(paperId, body, at)
    }
  }
  if (indexedOutside) write()
  else reindexAround(statements, paperId, write)
  statements.get("INSERT INTO reading_events (paper_id, kind, at) VALUES (?, 'note', ?)").run(paperId, at)
}
