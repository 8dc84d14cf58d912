// Paged, sorted lists of papers. The database sorts and pages; each filter has two plans:
// walk the sort index and skip non-matching rows (cheap when most rows match), or gather the
// matching rows from a small partial index and sort them (cheap when few match).
import type { ListQuery, PaperFilter, PaperPage, PaperSort } from '../../shared/model'
import type { Statements } from './connection'
import { LibraryError } from './contract'
import { loadPapers } from './paper-rows'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

const ORDER: Record<PaperSort, string> = {
  position: 'p.digest_date DESC, p.first_digest_id DESC, p.first_position, p.id',
  date: 'coalesce(p.published_at, p.digest_date) DESC, p.id DESC',
  title: 'p.title_key, p.id'
}

/** For the filters a partial index can gather: the join, the condition and how to count matches. */
const SELECTIVE: Record<'unread' | 'starred' | 'hasCode', { walk: string; gather: string; count: string }> = {
  unread: {
    walk: 'FROM papers p CROSS JOIN paper_state s ON s.paper_id = p.id WHERE s.read_at IS NULL',
    gather: 'FROM paper_state s CROSS JOIN papers p ON p.id = s.paper_id WHERE s.read_at IS NULL',
    count: 'SELECT count(*) FROM paper_state WHERE read_at IS NULL'
  },
  starred: {
    walk: 'FROM papers p CROSS JOIN paper_state s ON s.paper_id = p.id WHERE s.starred_at IS NOT NULL',
    gather: 'FROM paper_state s CROSS JOIN papers p ON p.id = s.paper_id WHERE s.starred_at IS NOT NULL',
    count: 'SELECT count(*) FROM paper_state WHERE starred_at IS NOT NULL'
  },
  hasCode: {
    // The unary + keeps SQLite from picking the partial index when walking is the plan.
    walk: 'FROM papers p WHERE +p.has_code = 1',
    gather: 'FROM papers p INDEXED BY papers_with_code WHERE p.has_code = 1',
    count: 'SELECT count(*) FROM papers WHERE has_code = 1'
  }
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

function countAll(statements: Statements): number {
  return statements.get('SELECT count(*) FROM papers').pluck().get() as number
}

function pageIds(statements: Statements, sql: string, params: readonly number[]): number[] {
  return statements
    .get(sql)
    .pluck()
    .all(...params) as number[]
}

function digestPage(
  statements: Statements,
  digestId: number,
  sort: PaperSort,
  offset: number,
  limit: number
): { ids: number[]; total: number } {
  const total = statements.get('SELECT paper_count FROM digests WHERE id = ?').pluck().get(digestId) as
    number | undefined
  if (total === undefined) throw new LibraryError('NOT_FOUND', `There is no digest with id ${digestId}`)
  // In one digest, "position" is the digest's own order.
  const order = sort === 'position' ? 'e.position' : ORDER[sort]
  const ids = pageIds(
    statements,
    `SELECT p.id FROM digest_entries e CROSS JOIN papers p ON p.id = e.paper_id
      WHERE e.digest_id = ? ORDER BY ${order} LIMIT ? OFFSET ?`,
    [digestId, limit, offset]
  )
  return { ids, total }
}

function tagPage(
  statements: Statements,
  tagId: number,
  sort: PaperSort,
  offset: number,
  limit: number
): { ids: number[]; total: number } {
  if (!statements.get('SELECT 1 FROM tags WHERE id = ?').get(tagId)) {
    throw new LibraryError('NOT_FOUND', `There is no tag with id ${tagId}`)
  }
  const total = statements.get('SELECT count(*) FROM paper_tags WHERE tag_id = ?').pluck().get(tagId) as number
  const ids = pageIds(
    statements,
    `SELECT p.id FROM paper_tags t CROSS JOIN papers p ON p.id = t.paper_id
      WHERE t.tag_id = ? ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`,
    [tagId, limit, offset]
  )
  return { ids, total }
}

function filteredPage(
  statements: Statements,
  filter: PaperFilter,
  sort: PaperSort,
  offset: number,
  limit: number
): { ids: number[]; total: number } {
  if (filter.kind === 'digest') return digestPage(statements, filter.digestId, sort, offset, limit)
  if (filter.kind === 'tag') return tagPage(statements, filter.tagId, sort, offset, limit)
  if (filter.kind === 'all') {
    const ids = pageIds(statements, `SELECT p.id FROM papers p ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`, [
      limit,
      offset
    ])
    return { ids, total: countAll(statements) }
  }
  const plan = SELECTIVE[filter.kind]
  const total = statements.get(plan.count).pluck().get() as number
  if (total === 0 || offset >= total) return { ids: [], total }
  // Walking reads about (offset + limit) * all / matching rows; gathering sorts the matching ones.
  const walked = ((offset + limit) * countAll(statements)) / total
  const from = walked <= 3 * total ? plan.walk : plan.gather
  const ids = pageIds(statements, `SELECT p.id ${from} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`, [limit, offset])
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
