// The listing counts (listing_counts, migration 8) are kept by triggers, row by row. Each
// trigger's UPDATE cost about 7 µs, and every new paper ran two (its row and its state): 13% of
// a 30,000-paper import. An import counts its own new rows instead and adds them once per
// transaction. The two INSERT triggers (migration 23) skip rows while counted_by_trigger(), a
// function of each connection, says 0: only inside countingNewRows on that connection.
import type { Db, Statements } from './connection'

/** Connections whose import is counting its new rows itself, right now. */
const countingItself = new WeakSet<Db>()

/** counted_by_trigger() in this connection's SQL; every connection that writes papers needs it. */
export function registerImportCounting(db: Db): void {
  db.function('counted_by_trigger', () => (countingItself.has(db) ? 0 : 1))
}

/** What one import transaction's new papers add to the listing counts. */
export class NewRowCounts {
  papers = 0
  withCode = 0
  unread = 0
  starred = 0

  /** As papers_counted_in and paper_state_counted_in would count the paper and its state. */
  added(hasCode: boolean, read: boolean, starred: boolean): void {
    this.papers++
    if (hasCode) this.withCode++
    if (!read) this.unread++
    if (starred) this.starred++
  }
}

/**
 * Runs `write` (inside the caller's transaction) with this connection's INSERT triggers not
 * counting: `write` reports each paper it inserts to `counts`, which are added at its end, in
 * the same transaction (so a write rolled back takes them too).
 */
export function countingNewRows<T>(statements: Statements, write: (counts: NewRowCounts) => T): T {
  const { db } = statements
  const counts = new NewRowCounts()
  countingItself.add(db)
  let result: T
  try {
    result = write(counts)
  } finally {
    countingItself.delete(db)
  }
  const add = statements.get('UPDATE listing_counts SET n = n + ? WHERE kind = ?')
  for (const [kind, n] of [
    ['all', counts.papers],
    ['hasCode', counts.withCode],
    ['unread', counts.unread],
    ['starred', counts.starred]
  ] as const) {
    if (n !== 0) add.run(n, kind)
  }
  return result
}
