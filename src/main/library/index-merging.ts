// When the search index merges its segments around a large import. FTS5 writes one segment
// per commit and, with automerge on, merges segments inside the commits that follow: in a
// chunked import (a commit every 40 ms) that merging was half of each commit's cost, and a
// 10,000-paper file spent as long again merging after its last chunk. So a large import
// pauses the merging while its chunks commit, and the merging is done after the import has
// reported (finishImports: the import worker after posting its reports, the command line
// before it exits), in short steps that let waiting writers go between them.
import type { Statements } from './connection'

/** FTS5's own defaults: merge 4 segments of a level; crisis-merge at 16. */
const AUTOMERGE_DEFAULT = 4
const CRISISMERGE_DEFAULT = 16
/**
 * While paused: no merging in the chunks' commits until a level holds this many segments, which
 * a 64 MB file (the size cap, about 60 chunks) does not reach; FTS5 allows 2,000 in all.
 */
const CRISISMERGE_PAUSED = 64

function setMerging(statements: Statements, automerge: number, crisismerge: number): void {
  // FTS5 takes integer settings only: the CAST keeps a bound JS number from arriving as REAL.
  const set = statements.get('INSERT INTO paper_search(paper_search, rank) VALUES (?, CAST(? AS INTEGER))')
  set.run('automerge', automerge)
  set.run('crisismerge', crisismerge)
}

/** Inside a large import's first transaction. Kept in the index's settings until resumed. */
export function pauseMerging(statements: Statements): void {
  setMerging(statements, 0, CRISISMERGE_PAUSED)
}

/**
 * Lifts the pause once no large import is pending: in the transaction that makes an import
 * final or undoes it, and at open (a process that died between its chunks left its pause).
 */
export function resumeMergingUnlessImporting(statements: Statements): void {
  const pending = statements.get('SELECT count(*) FROM pending_imports').pluck().get() as number
  if (pending > 0) return
  const automerge = statements.get("SELECT v FROM paper_search_config WHERE k = 'automerge'").pluck().get()
  if (automerge === 0) setMerging(statements, AUTOMERGE_DEFAULT, CRISISMERGE_DEFAULT)
}
