// When the search index merges its segments around a large import. FTS5 writes one segment
// per commit and, with automerge on, merges segments inside the commits that follow: in a
// chunked import (a commit every 40 ms) that merging was half of each commit's cost, and a
// 10,000-paper file spent as long again merging after its last chunk. So a large import
// pauses the merging while its chunks commit, and the merging is done after the import has
// reported (finishImports: the import worker after posting its reports, the command line
// before it exits), in short steps that let waiting writers go between them.
//
// The crisis threshold stays raised after the pause until that merging is done: a level left
// with more segments than the threshold is merged whole by the next commit, whoever makes it
// (a note saved just after a 100,000-paper import waited 600 ms for it). Automerge, which
// works a few pages a commit, resumes at once.
import type { Db, Statements } from './connection'
import { tidySearchIndex } from './search-index'

/** FTS5's own defaults: merge 4 segments of a level; crisis-merge at 16. */
const AUTOMERGE_DEFAULT = 4
const CRISISMERGE_DEFAULT = 16
/**
 * While paused and until merged: no level is merged whole until it holds this many segments,
 * which a 64 MB file (the size cap, about 60 chunks) is far from; FTS5 allows 2,000 in all.
 */
const CRISISMERGE_PAUSED = 256

// FTS5 takes integer settings only: the CAST keeps a bound JS number from arriving as REAL.
const SET = 'INSERT INTO paper_search(paper_search, rank) VALUES (?, CAST(? AS INTEGER))'

function setting(statements: Statements, key: 'automerge' | 'crisismerge'): unknown {
  return statements.get('SELECT v FROM paper_search_config WHERE k = ?').pluck().get(key)
}

function importPending(statements: Statements): boolean {
  return statements.get('SELECT 1 FROM pending_imports LIMIT 1').get() !== undefined
}

/** Inside a large import's first transaction. Kept in the index's settings until resumed. */
export function pauseMerging(statements: Statements): void {
  statements.get(SET).run('automerge', 0)
  statements.get(SET).run('crisismerge', CRISISMERGE_PAUSED)
}

/**
 * Lifts the pause once no large import is pending: in the transaction that makes an import
 * final or undoes it (a process that died between its chunks is undone at the next open).
 */
export function resumeMergingUnlessImporting(statements: Statements): void {
  if (importPending(statements)) return
  if (setting(statements, 'automerge') === 0) statements.get(SET).run('automerge', AUTOMERGE_DEFAULT)
}

/**
 * The merging a pause left, in steps of `stepPages` pages each its own transaction with
 * `between` after it, at most `maxSteps`; once nothing is left to merge and no import is
 * pending, the crisis threshold is FTS5's own again.
 */
export function mergeAfterImports(db: Db, statements: Statements, maxSteps: number, between: () => void): void {
  const steps = tidySearchIndex(db, statements, maxSteps, between)
  if (steps >= maxSteps || setting(statements, 'crisismerge') !== CRISISMERGE_PAUSED) return
  db.transaction(() => {
    if (!importPending(statements)) statements.get(SET).run('crisismerge', CRISISMERGE_DEFAULT)
  }).immediate()
}
