// Keeping the FTS5 table in step with papers and notes. No triggers: a bulk import fills the
// index for its new rows with one INSERT ... SELECT, and single changes update one FTS row.
import type { Statements } from './connection'
import { MARKERS } from './search-query'

/** Indexes every paper with an id above `lastIdBefore` (the papers one import just added). */
export function indexNewPapers(statements: Statements, lastIdBefore: number): void {
  statements
    .get(
      `INSERT INTO paper_search(rowid, title, authors, abstract, note)
       SELECT p.id, p.title,
              (SELECT group_concat(a.value, ', ') FROM json_each(p.authors) a),
              coalesce(p.abstract, p.snippet),
              NULL
         FROM papers p WHERE p.id > ?`
    )
    .run(lastIdBefore)
}

/** Re-indexes the paper's own text after an import changed it. */
export function reindexPaperText(
  statements: Statements,
  id: number,
  text: { title: string; authors: readonly string[]; abstract: string | null; snippet: string | null }
): void {
  statements
    .get('UPDATE paper_search SET title = ?, authors = ?, abstract = ? WHERE rowid = CAST(? AS INTEGER)')
    .run(text.title, text.authors.length > 0 ? text.authors.join(', ') : null, text.abstract ?? text.snippet, id)
}

export function reindexNote(statements: Statements, id: number, body: string | null): void {
  statements
    .get('UPDATE paper_search SET note = ? WHERE rowid = CAST(? AS INTEGER)')
    .run(body?.replace(MARKERS, '') ?? null, id)
}
