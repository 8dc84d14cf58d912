// Keeping the FTS5 index in step with papers and notes. The index reads its text from the
// view paper_search_source (migration 4) and keeps no copy of it, so FTS5 cannot find the old
// text of a changed row by itself: the old text is removed from the index before the change
// and the new text added after it. No triggers: a bulk import indexes its new rows with one
// INSERT ... SELECT, which is three times faster than a trigger per row.
import type { Db, Statements } from './connection'
import { addTermsOfPapers } from './search-terms'
import { COLUMNS, deferIndexing, unindexSql, type NewAbstract } from './search-backlog'

/**
 * The abstracts of papers an import just wrote, as text, until they are indexed: the view reads
 * a stored abstract by inflating it (18 µs), which the import can spare, having the text at
 * hand. They are kept in this connection's memory (a temporary table cost 3 µs a paper to
 * write) and read by the fill through the SQL function new_abstract(id). They live for one
 * write only: withNewPapersIndexed forgets them however it ends, so a rolled-back write's ids,
 * which SQLite may give out again, never lend their text to another paper. (A large import's
 * are handed to the backlog instead: see search-backlog.ts.)
 */
const newAbstractsOf = new WeakMap<Statements, Map<number, NewAbstract>>()

function newAbstracts(statements: Statements): Map<number, NewAbstract> {
  let texts = newAbstractsOf.get(statements)
  if (!texts) {
    const own = new Map<number, NewAbstract>()
    statements.db.function('new_abstract', { directOnly: true }, (id: unknown) =>
      typeof id === 'number' || typeof id === 'bigint' ? (own.get(Number(id))?.abstract ?? null) : null
    )
    newAbstractsOf.set(statements, own)
    texts = own
  }
  return texts
}

/** Keeps a new paper's abstract text for the fill; a paper changed before then is forgotten (null). */
export function rememberNewAbstract(
  statements: Statements,
  paperId: number,
  title: string,
  abstract: string | null
): void {
  const texts = newAbstracts(statements)
  if (abstract === null) texts.delete(paperId)
  else texts.set(paperId, { title, abstract })
}

/**
 * Runs `write` (which adds papers, remembering their abstracts), then indexes every paper with
 * an id above `lastIdBefore`. Must run inside the caller's transaction.
 */
export function withNewPapersIndexed<T>(statements: Statements, lastIdBefore: number, write: () => T): T {
  try {
    const result = write()
    indexNewPapers(statements, lastIdBefore)
    return result
  } finally {
    newAbstractsOf.get(statements)?.clear()
  }
}

/**
 * Runs `write` (which adds papers) inside a large import's chunk, then leaves every paper with
 * an id above `lastIdBefore` to the index's backlog (search-backlog.ts).
 */
export function withNewPapersWaiting<T>(statements: Statements, lastIdBefore: number, write: () => T): T {
  try {
    const result = write()
    deferIndexing(statements, lastIdBefore, newAbstracts(statements))
    return result
  } finally {
    newAbstractsOf.get(statements)?.clear()
  }
}

/**
 * Indexes every paper with an id above `lastIdBefore` (the papers one import just added). The
 * text is the view's, with an abstract remembered above standing in for its stored form (the
 * same text: coalesce never inflates it then).
 */
export function indexNewPapers(statements: Statements, lastIdBefore: number): void {
  // Registers new_abstract on this connection, should nothing have been remembered on it yet.
  newAbstracts(statements)
  statements
    .get(
      `INSERT INTO paper_search(rowid, ${COLUMNS})
       SELECT s.id, s.title, s.authors, coalesce(new_abstract(s.id), s.abstract), s.note
         FROM paper_search_source s WHERE s.id > ?`
    )
    .run(lastIdBefore)
}

/**
 * reindexAround for many papers: one statement removes their entries and one adds them back,
 * however many papers (FTS5 writes its pending terms out at every statement, so one pair of
 * statements per paper makes a long transaction several times slower).
 */
export function reindexManyAround<T>(statements: Statements, ids: readonly number[], change: () => T): T {
  if (ids.length === 0) return change()
  const list = JSON.stringify(ids)
  statements.get(unindexSql('IN (SELECT value FROM json_each(?))')).run(list)
  const result = change()
  statements
    .get(
      `INSERT INTO paper_search(rowid, ${COLUMNS})
       SELECT id, ${COLUMNS} FROM paper_search_source WHERE id IN (SELECT value FROM json_each(?))`
    )
    .run(list)
  addTermsOfPapers(statements, ids)
  return result
}

/**
 * Runs `change` (an update of the paper's title, authors, abstract or note) with the paper's
 * index entry replaced around it. Must run inside the caller's transaction.
 */
export function reindexAround<T>(statements: Statements, id: number, change: () => T): T {
  statements.get(unindexSql('= ?')).run(id)
  const result = change()
  statements
    .get(`INSERT INTO paper_search(rowid, ${COLUMNS}) SELECT id, ${COLUMNS} FROM paper_search_source WHERE id = ?`)
    .run(id)
  addTermsOfPapers(statements, [id])
  return result
}

/** FTS5 merge work per step, in pages: one step is one short transaction of its own. */
const MERGE_STEP_PAGES = 200

/**
 * Merges the index's segments the way FTS5's automerge would later (levels with 4 or more), in
 * short steps of their own with `between` (waiting writers' turn) after each: after a large
 * import, that merging then does not land in the next daily import's transaction. Stops when
 * FTS5 finds nothing to merge (total_changes moves by less than 2) or after `maxSteps`.
 */
export function tidySearchIndex(db: Db, statements: Statements, maxSteps: number, between: () => void): number {
  const totalChanges = statements.get('SELECT total_changes()').pluck()
  // FTS5 takes integer settings only: the CAST keeps a bound JS number from arriving as REAL.
  const merge = statements.get("INSERT INTO paper_search(paper_search, rank) VALUES ('merge', CAST(? AS INTEGER))")
  let steps = 0
  while (steps < maxSteps) {
    const before = totalChanges.get() as number
    db.transaction(() => merge.run(MERGE_STEP_PAGES)).immediate()
    steps++
    between()
    if ((totalChanges.get() as number) - before < 2) break
  }
  return steps
}

/**
 * Runs `remake` (which drops and makes the index again, as migration 21 does) keeping the
 * index's merge settings: a large import's chunks pause merging there (index-merging.ts), and
 * that pause must outlive the new table until the import is final.
 */
export function keepingMergeSettings(db: Db, remake: () => void): void {
  const settings = db.prepare("SELECT k, v FROM paper_search_config WHERE k IN ('automerge', 'crisismerge')").all() as {
    k: string
    v: number
  }[]
  remake()
  // FTS5 takes integer settings only: the CAST keeps a bound JS number from arriving as REAL.
  const set = db.prepare('INSERT INTO paper_search(paper_search, rank) VALUES (?, CAST(? AS INTEGER))')
  for (const { k, v } of settings) set.run(k, v)
}
