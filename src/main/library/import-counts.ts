// The listing counts (listing_counts, migration 8) of new rows. Triggers keep them for updates
// and deletes, row by row; new papers and their state are counted by the write that inserts
// them (migration 25 dropped the INSERT triggers: each cost a single-row INSERT 7-9 µs, and an
// import runs two per paper). An import counts in memory and adds once per transaction; the
// rare writes that insert a few papers (a split, a restore) count the rows they inserted.
import type { Statements } from './connection'

/** What one import transaction's new papers add to the listing counts. */
export class NewRowCounts {
  papers = 0
  withCode = 0
  unread = 0
  starred = 0

  /** One new paper and its state. */
  added(hasCode: boolean, read: boolean, starred: boolean): void {
    this.papers++
    if (hasCode) this.withCode++
    if (!read) this.unread++
    if (starred) this.starred++
  }
}

function addToListingCounts(statements: Statements, counts: NewRowCounts): void {
  const add = statements.get('UPDATE listing_counts SET n = n + ? WHERE kind = ?')
  for (const [kind, n] of [
    ['all', counts.papers],
    ['hasCode', counts.withCode],
    ['unread', counts.unread],
    ['starred', counts.starred]
  ] as const) {
    if (n !== 0) add.run(n, kind)
  }
}

/**
 * Runs `write` (inside the caller's transaction): `write` reports each paper it inserts to
 * `counts`, which are added at its end, in the same transaction (so a write rolled back takes
 * them too).
 */
export function countingNewRows<T>(statements: Statements, write: (counts: NewRowCounts) => T): T {
  const counts = new NewRowCounts()
  const result = write(counts)
  addToListingCounts(statements, counts)
  return result
}

/** Counts papers just inserted, with their state, by their rows (inside the inserting transaction). */
export function countInsertedPapers(statements: Statements, paperIds: readonly number[]): void {
  if (paperIds.length === 0) return
  const row = statements
    .get(
      `SELECT count(*) AS papers, coalesce(sum(p.has_code = 1), 0) AS withCode,
              coalesce(sum(s.paper_id IS NOT NULL AND s.read_at IS NULL), 0) AS unread,
              coalesce(sum(s.starred_at IS NOT NULL), 0) AS starred
         FROM papers p LEFT JOIN paper_state s ON s.paper_id = p.id
        WHERE p.id IN (SELECT value FROM json_each(?))`
    )
    .get(JSON.stringify(paperIds)) as Pick<NewRowCounts, 'papers' | 'withCode' | 'unread' | 'starred'>
  addToListingCounts(statements, Object.assign(new NewRowCounts(), row))
}
