// The list filters as SQL: one entry per filter kind, the only place that knows a filter's SQL.
//
// How to add a filter kind: add its entry to FILTER_KINDS (src/shared/filters.ts), then ONE
// entry here (the compiler asks for it). Every `?` in an entry's SQL is the filter's one id
// parameter (see `param` in FILTER_KINDS); a kind without a parameter has no `?`. Listing,
// counts, search and "mark all read" all read this table; nothing else names filter kinds.
//
// The SQL text is fixed per kind (constants below, never user text); only values are bound.
import { FILTER_KINDS, filterParam, type FilterKind, type PaperFilter } from '../../shared/filters'
import type { Statements } from './connection'
import { LibraryError } from './contract'
import { refreshSavedSearchHits } from './saved-search-hits'
import { revisedCondition } from './versions'
import type { SortPlan } from './sorts'

export interface SqlPart {
  sql: string
  params: number[]
}

export interface FilterSql {
  /**
   * `FROM ... WHERE ...` over papers `p`: the matching papers, read by walking the sort index
   * and skipping rows that do not match (cheap when most rows match).
   */
  walk: string
  /** The walk for the title sort, when another reads less in title order. */
  titleWalk?: string
  /**
   * The same rows gathered from a small (partial) index and sorted afterwards (cheap when few
   * match). Absent: walking is always the plan.
   */
  gather?: string
  /** `SELECT <one number>`: how many papers match. No row: the filter's target does not exist. */
  count: string
  /** What the parameter names, for "There is no digest with id 7" when `count` finds no row. */
  target?: string
  /** `AND ...` on a paper id column of the caller's code (never user text), for search. */
  condition: (idColumn: string) => string
  /** `SELECT <paper id>` of the unread papers the filter shows: what "mark all read" changes. */
  unreadIds: string
  /** Replaces the `position` sort for a filter that has an order of its own (a digest's). */
  ownPosition?: SortPlan
  /** `SELECT <0 or 1>`: whether `count` stopped at a bound ("10,000+"). Absent: counts are exact. */
  countIsLowerBound?: string
  /** Brings what the SQL reads up to date before it runs (a saved search's hits). */
  prepare?: (statements: Statements, param: number) => void
}

/** A count the triggers of migration 8 keep (listing_counts): one row read, never a scan. */
const counter = (kind: 'all' | 'unread' | 'starred' | 'hasCode') =>
  `SELECT n FROM listing_counts WHERE kind = '${kind}'`

const stateCondition = (where: string) => (idColumn: string) =>
  `AND EXISTS (SELECT 1 FROM paper_state s WHERE s.paper_id = ${idColumn} AND ${where})`

/** Unread, unstarred and not dismissed: what the recommender may suggest (it orders them itself). */
const SUGGESTIBLE =
  's.read_at IS NULL AND s.starred_at IS NULL AND NOT EXISTS (SELECT 1 FROM dismissals x WHERE x.paper_id = s.paper_id)'

export const FILTER_SQL: Record<FilterKind, FilterSql> = {
  all: {
    walk: 'FROM papers p WHERE true',
    count: counter('all'),
    condition: () => '',
    unreadIds: 'SELECT s.paper_id FROM paper_state s WHERE s.read_at IS NULL'
  },
  unread: {
    walk: 'FROM papers p CROSS JOIN paper_state s ON s.paper_id = p.id WHERE s.read_at IS NULL',
    gather: 'FROM paper_state s CROSS JOIN papers p ON p.id = s.paper_id WHERE s.read_at IS NULL',
    count: counter('unread'),
    condition: stateCondition('s.read_at IS NULL'),
    unreadIds: 'SELECT s.paper_id FROM paper_state s WHERE s.read_at IS NULL'
  },
  starred: {
    walk: 'FROM papers p CROSS JOIN paper_state s ON s.paper_id = p.id WHERE s.starred_at IS NOT NULL',
    // By title the walk visits papers in random id order, and their paper_state rows missed
    // the cache (6-20 ms a page at a million papers); the small starred index does not (2 ms).
    titleWalk: `FROM papers p WHERE EXISTS (SELECT 1 FROM paper_state s INDEXED BY paper_state_starred
                  WHERE s.paper_id = p.id AND s.starred_at IS NOT NULL)`,
    gather: 'FROM paper_state s CROSS JOIN papers p ON p.id = s.paper_id WHERE s.starred_at IS NOT NULL',
    count: counter('starred'),
    condition: stateCondition('s.starred_at IS NOT NULL'),
    unreadIds: 'SELECT s.paper_id FROM paper_state s WHERE s.read_at IS NULL AND s.starred_at IS NOT NULL'
  },
  hasCode: {
    // The unary + keeps SQLite from picking the partial index when walking is the plan.
    walk: 'FROM papers p WHERE +p.has_code = 1',
    gather: 'FROM papers p INDEXED BY papers_with_code WHERE p.has_code = 1',
    count: counter('hasCode'),
    condition: (idColumn) => `AND EXISTS (SELECT 1 FROM papers p WHERE p.id = ${idColumn} AND p.has_code = 1)`,
    unreadIds: `SELECT s.paper_id FROM paper_state s JOIN papers p ON p.id = s.paper_id
                 WHERE s.read_at IS NULL AND p.has_code = 1`
  },
  digest: {
    walk: 'FROM digest_entries e CROSS JOIN papers p ON p.id = e.paper_id WHERE e.digest_id = ?',
    count: 'SELECT paper_count FROM digests WHERE id = ?',
    target: 'digest',
    condition: (idColumn) =>
      `AND EXISTS (SELECT 1 FROM digest_entries e WHERE e.paper_id = ${idColumn} AND e.digest_id = ?)`,
    unreadIds: `SELECT e.paper_id FROM digest_entries e JOIN paper_state s ON s.paper_id = e.paper_id
                 WHERE e.digest_id = ? AND s.read_at IS NULL`,
    // In one digest, "position" is the digest's own order.
    ownPosition: {
      name: 'digest-position',
      order: 'e.position',
      key: ['e.position'],
      keyTypes: ['number'],
      after: 'e.position > ?',
      afterParams: (key) => [...key]
    }
  },
  tag: {
    walk: 'FROM paper_tags t CROSS JOIN papers p ON p.id = t.paper_id WHERE t.tag_id = ?',
    count: 'SELECT (SELECT count(*) FROM paper_tags WHERE tag_id = tags.id) FROM tags WHERE id = ?',
    target: 'tag',
    condition: (idColumn) => `AND EXISTS (SELECT 1 FROM paper_tags t WHERE t.paper_id = ${idColumn} AND t.tag_id = ?)`,
    unreadIds: `SELECT t.paper_id FROM paper_tags t JOIN paper_state s ON s.paper_id = t.paper_id
                 WHERE t.tag_id = ? AND s.read_at IS NULL`
  },
  recommended: {
    walk: `FROM papers p CROSS JOIN paper_state s ON s.paper_id = p.id WHERE ${SUGGESTIBLE}`,
    gather: `FROM paper_state s INDEXED BY paper_state_unread CROSS JOIN papers p ON p.id = s.paper_id WHERE ${SUGGESTIBLE}`,
    count: `SELECT count(*) FROM paper_state s WHERE ${SUGGESTIBLE}`,
    condition: stateCondition(SUGGESTIBLE),
    unreadIds: `SELECT s.paper_id FROM paper_state s WHERE ${SUGGESTIBLE}`
  },
  revised: {
    walk: `FROM papers p WHERE ${revisedCondition('p.id')}`,
    count: `SELECT count(*) FROM paper_state s WHERE ${revisedCondition('s.paper_id')}`,
    condition: (idColumn) => `AND ${revisedCondition(idColumn)}`,
    // Revised papers are read already: "mark all read" marks these read again (see versions.ts).
    unreadIds: `SELECT s.paper_id FROM paper_state s WHERE ${revisedCondition('s.paper_id')}`
  },
  // A saved search's newest 10,000 matches, kept in a TEMP table (saved-search-hits.ts), which
  // names only papers that exist (a paper leaving makes prepare match the search again).
  savedSearch: {
    walk: `FROM papers p WHERE EXISTS (SELECT 1 FROM temp.saved_search_hits h WHERE h.search_id = ? AND h.paper_id = p.id)`,
    gather: 'FROM temp.saved_search_hits h CROSS JOIN papers p ON p.id = h.paper_id WHERE h.search_id = ?',
    count: `SELECT (SELECT count(*) FROM temp.saved_search_hits h WHERE h.search_id = saved_searches.id)
              FROM saved_searches WHERE id = ?`,
    target: 'saved search',
    condition: (idColumn) =>
      `AND EXISTS (SELECT 1 FROM temp.saved_search_hits h WHERE h.search_id = ? AND h.paper_id = ${idColumn})`,
    unreadIds: `SELECT h.paper_id FROM temp.saved_search_hits h JOIN paper_state s ON s.paper_id = h.paper_id
                 WHERE h.search_id = ? AND s.read_at IS NULL`,
    countIsLowerBound: 'SELECT coalesce((SELECT capped FROM temp.saved_search_hits_state WHERE search_id = ?), 0)',
    prepare: (statements, id) => refreshSavedSearchHits(statements, id)
  }
}

/** Brings a filter's tables up to date; every reader of FILTER_SQL calls it before the SQL runs. */
export function prepareFilter(statements: Statements, filter: PaperFilter): void {
  const param = filterParam(filter)
  FILTER_SQL[filter.kind].prepare?.(statements, param ?? 0)
}

/** Whether the filter's count is a lower bound (a saved search of more than 10,000 papers). */
export function filterCountIsLowerBound(statements: Statements, filter: PaperFilter): boolean {
  const sql = FILTER_SQL[filter.kind].countIsLowerBound
  return (
    sql !== undefined &&
    statements
      .get(sql)
      .pluck()
      .get(...filterParams(filter)) === 1
  )
}

/** The values for an entry's `?`: the filter's id parameter, if it has one. */
export function filterParams(filter: PaperFilter): number[] {
  const param = filterParam(filter)
  return param === undefined ? [] : [param]
}

/** `AND ...` on a paper id, for queries driven by another table (search). */
export function filterCondition(filter: PaperFilter, idColumn: string): SqlPart {
  const sql = FILTER_SQL[filter.kind].condition(idColumn)
  return { sql, params: sql ? filterParams(filter) : [] }
}

/** Ids of the unread papers a filter shows: what "mark all read" changes. */
export function unreadIdsQuery(filter: PaperFilter): SqlPart {
  return { sql: FILTER_SQL[filter.kind].unreadIds, params: filterParams(filter) }
}

/** How many papers the filter shows; NOT_FOUND when its digest (or other target) does not exist. */
export function filterCount(statements: Statements, filter: PaperFilter): number {
  prepareFilter(statements, filter)
  const entry = FILTER_SQL[filter.kind]
  const params = filterParams(filter)
  const total = statements
    .get(entry.count)
    .pluck()
    .get(...params) as number | undefined
  if (total === undefined) {
    const target = entry.target ?? FILTER_KINDS[filter.kind].label.toLowerCase()
    throw new LibraryError('NOT_FOUND', `There is no ${target} with id ${params[0]}`)
  }
  return total
}
