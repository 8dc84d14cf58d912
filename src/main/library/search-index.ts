// Keeping the FTS5 index in step with papers and notes. The index reads its text from the
// view paper_search_source (migration 4) and keeps no copy of it, so FTS5 cannot find the old
// text of a changed row by itself: the old text is removed from the index before the change
// and the new text added after it. No triggers: a bulk import indexes its new rows with one
// INSERT ... SELECT, which is three times faster than a trigger per row.
import type { Db, Statements } from './connection'
import { addTermsOfPapers } from './search-terms'

// A constant column list spliced into the SQL below; every value binds.
const COLUMNS = 'title, authors, abstract, note'

/**
 * The abstracts of papers an import just wrote, as text, until they are indexed: the view reads
 * a stored abstract by inflating it (18 µs), which the import can spare, having the text at
 * hand. A temporary table is part of the transaction: a chunk rolled back takes its rows too.
 */
const NEW_ABSTRACTS = 'temp.new_paper_abstracts'
const withNewAbstracts = new WeakSet<Statements>()

function newAbstracts(statements: Statements): string {
  if (!withNewAbstracts.has(statements)) {
    statements.db.exec(
      `CREATE TEMP TABLE IF NOT EXISTS new_paper_abstracts (id INTEGER PRIMARY KEY, abstract TEXT NOT NULL)`
    )
    withNewAbstracts.add(statements)
  }
  return NEW_ABSTRACTS
}

/** Keeps a new paper's abstract text for indexNewPapers; a paper changed before then is forgotten (null). */
export function rememberNewAbstract(statements: Statements, paperId: number, abstract: string | null): void {
  const table = newAbstracts(statements)
  if (abstract === null) statements.get(`DELETE FROM ${table} WHERE id = ?`).run(paperId)
  else statements.get(`INSERT OR REPLACE INTO ${table} (id, abstract) VALUES (?, ?)`).run(paperId, abstract)
}

/**
 * Indexes every paper with an id above `lastIdBefore` (the papers one import just added). The
 * text is the view's, with an abstract remembered above standing in for its stored form (the
 * same text: coalesce never inflates it then).
 */
export function indexNewPapers(statements: Statements, lastIdBefore: number): void {
  const table = newAbstracts(statements)
  statements
    .get(
      `INSERT INTO paper_search(rowid, ${COLUMNS})
       SELECT s.id, s.title, s.authors, coalesce(t.abstract, s.abstract), s.note
         FROM paper_search_source s LEFT JOIN ${table} t ON t.id = s.id
        WHERE s.id > ?`
    )
    .run(lastIdBefore)
  statements.get(`DELETE FROM ${table}`).run()
}

/**
 * reindexAround for many papers: one statement removes their entries and one adds them back,
 * however many papers (FTS5 writes its pending terms out at every statement, so one pair of
 * statements per paper makes a long transaction several times slower).
 */
export function reindexManyAround<T>(statements: Statements, ids: readonly number[], change: () => T): T {
  if (ids.length === 0) return change()
  const list = JSON.stringify(ids)
  statements
    .get(
      `INSERT INTO paper_search(paper_search, rowid, ${COLUMNS})
       SELECT 'delete', id, ${COLUMNS} FROM paper_search_source WHERE id IN (SELECT value FROM json_each(?))`
    )
    .run(list)
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
  statements
    .get(
      `INSERT INTO paper_search(paper_search, rowid, ${COLUMNS})
       SELECT 'delete', id, ${COLUMNS} FROM paper_search_source WHERE id = ?`
    )
    .run(id)
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
