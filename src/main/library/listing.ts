// Paged, sorted lists of papers. The database sorts and pages; a filter (FILTER_SQL in
// ./filters) may have two plans: walk the sort index and skip non-matching rows (cheap when
// most rows match), or gather the matching rows from a small partial index and sort them
// (cheap when few match).
import type { ListQuery, PaperFilter, PaperPage, PaperSort } from '../../shared/model'
import type { Statements } from './connection'
import { LibraryError } from './contract'
import { FILTER_SQL, filterCount, filterCountIsLowerBound, filterParams, prepareFilter } from './filters'
import { loadPapers } from './paper-rows'
import { SORTS, decodeCursor, encodeCursor, type KeyValue, type SortPlan } from './sorts'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

export function pageBounds(query: { offset?: number; limit?: number }): { offset: number; limit: number } {
  const offset = query.offset ?? 0
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new LibraryError('INVALID_ARGUMENT', `offset ${offset} is not valid`)
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new LibraryError('INVALID_ARGUMENT', `limit ${limit} is not between 1 and ${MAX_PAGE_SIZE}`)
  }
  return { offset, limit }
}

function pageIds(statements: Statements, sql: string, params: readonly number[]): number[] {
  return statements
    .get(sql)
    .pluck()
    .all(...params) as number[]
}

function sortPlan(filter: PaperFilter, sort: PaperSort): SortPlan {
  const own = FILTER_SQL[filter.kind].ownPosition
  return sort === 'position' && own !== undefined ? own : SORTS[sort]
}

/** The ORDER BY of a filter's list in this sort: next-unread counts list positions in it. */
export function listOrder(filter: PaperFilter, sort: PaperSort): string {
  return sortPlan(filter, sort).order
}

/** Walk the sort index, or gather the few matching rows and sort them: whichever reads less. */
function source(filter: PaperFilter, sort: PaperSort, statements: Statements, rowsRead: number, total: number): string {
  const entry = FILTER_SQL[filter.kind]
  const walk = (sort === 'title' ? entry.titleWalk : undefined) ?? entry.walk
  if (entry.gather === undefined) return walk
  // Walking reads about rowsRead * all / matching rows; gathering sorts the matching ones.
  const walked = (rowsRead * filterCount(statements, { kind: 'all' })) / total
  return walked > 3 * total ? entry.gather : walk
}

export function listPapers(statements: Statements, query: ListQuery): PaperPage {
  const { offset, limit } = pageBounds(query)
  const filter = query.filter
  const sort = query.sort ?? 'position'
  const plan = sortPlan(filter, sort)
  const after = query.after === undefined ? null : decodeCursor(plan, query.after)
  const total = filterCount(statements, filter)
  const bounded = filterCountIsLowerBound(statements, filter) ? { totalIsLowerBound: true } : {}
  const skip = after === null ? offset : 0
  if (total === 0 || skip >= total) return { items: [], total, offset, next: null, ...bounded }
  const from = source(filter, sort, statements, skip + limit, total)
  const seek = after === null ? '' : ` AND ${plan.after}`
  // Every fragment comes from the FILTER_SQL and SORTS constants; values are bound.
  const sql = `SELECT p.id, ${plan.key.join(', ')} ${from}${seek} ORDER BY ${plan.order} LIMIT ? OFFSET ?`
  const rows = statements
    .get(sql)
    .raw(true)
    .all(...filterParams(filter), ...(after === null ? [] : plan.afterParams(after)), limit, skip) as KeyValue[][]
  const last = rows.at(-1)
  const next = last !== undefined && rows.length === limit ? encodeCursor(plan, last.slice(1)) : null
  return {
    items: loadPapers(
      statements,
      rows.map((row) => row[0] as number),
      { abstracts: query.abstracts !== false }
    ),
    total,
    offset,
    next,
    ...bounded
  }
}

/** Every paper id matching a filter, unordered (for orders the database cannot sort by). */
export function filterIds(statements: Statements, filter: PaperFilter): number[] {
  prepareFilter(statements, filter)
  return pageIds(statements, `SELECT p.id ${FILTER_SQL[filter.kind].walk}`, filterParams(filter))
}

/** Every paper id in the library's default order, for export. */
export function allIds(statements: Statements): number[] {
  return pageIds(statements, `SELECT p.id FROM papers p ORDER BY ${SORTS.position.order}`, [])
}
