// Paged, sorted lists of papers. The database sorts and pages; a filter (FILTER_SQL in
// ./filters) may have two plans: walk the sort index and skip non-matching rows (cheap when
// most rows match), or gather the matching rows from a small partial index and sort them
// (cheap when few match).
import type { ListQuery, PaperFilter, PaperPage, PaperSort } from '../../shared/model'
import type { Statements } from './connection'
import { LibraryError } from './contract'
import { FILTER_SQL, filterCount, filterParams } from './filters'
import { loadPapers } from './paper-rows'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

const ORDER: Record<PaperSort, string> = {
  position: 'p.digest_date DESC, p.first_digest_id DESC, p.first_position, p.id',
  date: 'coalesce(p.published_at, p.digest_date) DESC, p.id DESC',
  title: 'p.title_key, p.id'
}

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

function filteredPage(
  statements: Statements,
  filter: PaperFilter,
  sort: PaperSort,
  offset: number,
  limit: number
): { ids: number[]; total: number } {
  const entry = FILTER_SQL[filter.kind]
  const total = filterCount(statements, filter)
  if (total === 0 || offset >= total) return { ids: [], total }
  // Walking reads about (offset + limit) * all / matching rows; gathering sorts the matching ones.
  const walked = entry.gather === undefined ? 0 : ((offset + limit) * filterCount(statements, { kind: 'all' })) / total
  const from = entry.gather !== undefined && walked > 3 * total ? entry.gather : entry.walk
  const order = sort === 'position' && entry.positionOrder !== undefined ? entry.positionOrder : ORDER[sort]
  const ids = pageIds(statements, `SELECT p.id ${from} ORDER BY ${order} LIMIT ? OFFSET ?`, [
    ...filterParams(filter),
    limit,
    offset
  ])
  return { ids, total }
}

export function listPapers(statements: Statements, query: ListQuery): PaperPage {
  const { offset, limit } = pageBounds(query)
  const { ids, total } = filteredPage(statements, query.filter, query.sort ?? 'position', offset, limit)
  return { items: loadPapers(statements, ids), total, offset }
}

/** Every paper id in the library's default order, for export. */
export function allIds(statements: Statements): number[] {
  return pageIds(statements, `SELECT p.id FROM papers p ORDER BY ${ORDER.position}`, [])
}
