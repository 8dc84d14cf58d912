// A query that only excludes words (`-survey`) holds the papers without them. As an SQL
// condition that means gathering every match of the excluded words first (30 ms at 100,000
// papers for a common word, ten times that at a million). Instead the newest papers and the
// newest matches of the excluded words are read side by side, newest first, in batches, and the
// papers the matches skip are kept: it stops at `cap` + 1 of them, as a word query does, or
// after `span` papers once it holds `fill` (search.ts's SCAN_FILL: a full answer on its own).
import type { PaperFilter } from '../../shared/model'
import type { Statements } from './connection'
import { filterCondition } from './filters'
import { conditionSql, type SqlCondition } from './search-compile'

const BATCH = 2_048

/** Ids newest first, at most `cap` + 1; `complete` is false when it stopped after `span` papers. */
export function newestWithout(
  statements: Statements,
  exclusion: { exclude: string; conditions: SqlCondition[] },
  filter: PaperFilter,
  bounds: { cap: number; span: number; fill: number }
): { found: number[]; complete: boolean } {
  const own = conditionSql(exclusion.conditions, 'ps.paper_id')
  const list = filterCondition(filter, 'ps.paper_id')
  const papers = statements
    .get(
      `SELECT ps.paper_id FROM paper_state ps WHERE ps.paper_id < ? ${own.sql} ${list.sql} ORDER BY ps.paper_id DESC LIMIT ?`
    )
    .pluck()
  // better-sqlite3 binds JS numbers as REAL, which FTS5 mishandles beside MATCH (see search.ts).
  const matches = statements
    .get(
      `SELECT rowid FROM paper_search WHERE paper_search MATCH ? AND rowid < CAST(? AS INTEGER) ORDER BY rowid DESC LIMIT ?`
    )
    .pluck()
  // The excluded words' matches, fetched a batch at a time below `matchCursor`.
  let excluded: number[] = []
  let next = 0
  let matchCursor = Number.MAX_SAFE_INTEGER
  let matchesDone = false
  /** Whether `id` is a match; ids must come newest first. */
  const isExcluded = (id: number): boolean => {
    for (;;) {
      if (next < excluded.length) {
        if (excluded[next]! <= id) return excluded[next] === id
        next++
      } else if (matchesDone) return false
      else {
        excluded = matches.all(exclusion.exclude, matchCursor, BATCH) as number[]
        next = 0
        matchesDone = excluded.length < BATCH
        if (excluded.length > 0) matchCursor = excluded[excluded.length - 1]!
      }
    }
  }
  const found: number[] = []
  let paperCursor = Number.MAX_SAFE_INTEGER
  const { cap, span, fill } = bounds
  for (let read = 0; read < span || found.length < fill;) {
    const batch = papers.all(paperCursor, ...own.params, ...list.params, BATCH) as number[]
    if (batch.length === 0) return { found, complete: true }
    for (const id of batch) {
      read++
      if (isExcluded(id)) continue
      found.push(id)
      if (found.length > cap) return { found, complete: true }
    }
    paperCursor = batch[batch.length - 1]!
  }
  return { found, complete: false }
}
