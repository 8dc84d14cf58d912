// The papers a large import wrote before their search-index entries. A chunked import (a file
// of more than CHUNKED_FROM_PAPERS papers) spent about a third of its time on the index: its
// words (FTS5's tokenizer) and the segments each chunk's commit writes. So its chunks store
// the papers and note the ids they added here; the import reports, and the index is filled
// right after (indexWaiting: the import worker, the command line), in short steps that let
// the reader's writes go between them.
//
// Reads never write: a search in that moment finds the papers indexed so far (the list shows
// the new ones at once), and the app refreshes when the fill is done. Counts kept up to date
// by the papers added since they were counted (saved searches) count only up to the first
// waiting paper (indexedThrough), so none is missed. Writes that change a waiting paper's text
// remove index entries only of papers the index holds (unindexSql) and may index it early; the
// fill skips papers already indexed (FTS5 keeps a docsize row per indexed paper), so no paper
// is ever indexed twice or removed while absent.
import type { Db, Statements } from './connection'
import { lastPaperId } from './paper-rows'

/** The index's columns: a constant list spliced into SQL (here and in search-index.ts); every value binds. */
export const COLUMNS = 'title, authors, abstract, note'

/** Papers indexed per step of the fill: one short transaction of its own (about 40 ms here). */
const BACKLOG_STEP = 1_000

const INDEXED = 'SELECT 1 FROM paper_search_docsize d WHERE d.id = s.id'

/**
 * The statement that removes the entries of the papers `idCondition` picks (`s.id ...`, its
 * values bound by the caller) from the index, leaving out papers it does not hold yet.
 */
export function unindexSql(idCondition: string): string {
  return `INSERT INTO paper_search(paper_search, rowid, ${COLUMNS})
          SELECT 'delete', s.id, s.title, s.authors, s.abstract, s.note FROM paper_search_source s
           WHERE s.id ${idCondition} AND EXISTS (${INDEXED})`
}

/** A new paper's abstract as the import had it, and the title it was written with. */
export interface NewAbstract {
  title: string
  abstract: string
}

/**
 * The abstracts of the papers waiting, kept by the connection that wrote them: the fill reads a
 * stored abstract by inflating it (18 µs), which the import's own fill, just after it, can spare.
 * Read through waiting_abstract(id, title), which gives the text only to a paper of the same id
 * and title (another paper may take the id of one undone); an import that fails forgets them.
 * Bounded by the file's size cap (64 MB), and by this count.
 */
const MAX_WAITING_ABSTRACTS = 250_000
const waitingAbstractsOf = new WeakMap<Statements, Map<number, NewAbstract>>()

function waitingAbstracts(statements: Statements): Map<number, NewAbstract> {
  let texts = waitingAbstractsOf.get(statements)
  if (!texts) {
    const own = new Map<number, NewAbstract>()
    statements.db.function('waiting_abstract', { directOnly: true }, (id: unknown, title: unknown) => {
      const known = typeof id === 'number' || typeof id === 'bigint' ? own.get(Number(id)) : undefined
      return known !== undefined && known.title === title ? known.abstract : null
    })
    waitingAbstractsOf.set(statements, own)
    texts = own
  }
  return texts
}

export function forgetWaitingAbstracts(statements: Statements): void {
  waitingAbstractsOf.get(statements)?.clear()
}

/**
 * Inside a chunk's transaction: the papers it added, those above `lastIdBefore`, wait for the
 * index, with the abstracts the import remembered of them.
 */
export function deferIndexing(
  statements: Statements,
  lastIdBefore: number,
  abstracts: ReadonlyMap<number, NewAbstract>
): void {
  const last = lastPaperId(statements)
  if (last <= lastIdBefore) return
  // A chunk that follows the last one's papers extends its range: the fill's steps take one
  // range each, so chunks made small by a slow machine do not make its steps small too.
  const extended = statements
    .get('UPDATE search_backlog SET last_id = ? WHERE last_id = ?')
    .run(last, lastIdBefore).changes
  if (extended === 0) {
    statements.get('INSERT INTO search_backlog (first_id, last_id) VALUES (?, ?)').run(lastIdBefore + 1, last)
  }
  const waiting = waitingAbstracts(statements)
  for (const [id, text] of abstracts) {
    if (waiting.size >= MAX_WAITING_ABSTRACTS) break
    if (id > lastIdBefore) waiting.set(id, text)
  }
}

/** One step: indexes the waiting papers of the lowest range, BACKLOG_STEP ids at most. Inside a transaction. */
function indexStep(statements: Statements): boolean {
  const range = statements
    .get('SELECT rowid, first_id, last_id FROM search_backlog ORDER BY first_id LIMIT 1')
    .get() as { rowid: number; first_id: number; last_id: number } | undefined
  if (range === undefined) return false
  const through = Math.min(range.last_id, range.first_id + BACKLOG_STEP - 1)
  // coalesce reads the view's abstract (inflating it) only when none is remembered.
  statements
    .get(
      `INSERT INTO paper_search(rowid, ${COLUMNS})
       SELECT s.id, s.title, s.authors, coalesce(waiting_abstract(s.id, s.title), s.abstract), s.note
         FROM paper_search_source s
        WHERE s.id BETWEEN ? AND ? AND NOT EXISTS (${INDEXED})`
    )
    .run(range.first_id, through)
  const waiting = waitingAbstracts(statements)
  if (waiting.size > 0) for (let id = range.first_id; id <= through; id++) waiting.delete(id)
  if (through >= range.last_id) statements.get('DELETE FROM search_backlog WHERE rowid = ?').run(range.rowid)
  else statements.get('UPDATE search_backlog SET first_id = ? WHERE rowid = ?').run(through + 1, range.rowid)
  return true
}

/**
 * Indexes every waiting paper, a step at a time, each step its own transaction with `between`
 * after it. Returns how many ids waited.
 */
export function indexWaiting(db: Db, statements: Statements, between: () => void = () => {}): number {
  const waited = waitingCount(statements)
  if (waited === 0) return 0
  // Registers waiting_abstract on this connection, should it have written none of the papers.
  waitingAbstracts(statements)
  const step = db.transaction(() => indexStep(statements))
  while (step.immediate()) between()
  return waited
}

/** SQL for the id up to which every paper is in the index: the last paper's, or the first waiting one's less one. */
export const INDEXED_THROUGH_SQL = `coalesce((SELECT min(first_id) - 1 FROM search_backlog), (SELECT max(id) FROM papers), 0)`

/** Every paper up to this id is in the search index (see INDEXED_THROUGH_SQL). */
export function indexedThrough(statements: Statements): number {
  return statements.get(`SELECT ${INDEXED_THROUGH_SQL}`).pluck().get() as number
}

/** How many ids wait for the index (of papers trashed meanwhile too: the fill drops their range). */
export function waitingCount(statements: Statements): number {
  return statements.get('SELECT coalesce(sum(last_id - first_id + 1), 0) FROM search_backlog').pluck().get() as number
}
