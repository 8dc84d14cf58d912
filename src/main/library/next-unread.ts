// The next unread paper in a list, found by one query instead of paging through the list.
import type { ListQuery, NextUnread, NextUnreadQuery, PaperPage } from '../../shared/model'
import type { Statements } from './connection'
import { FILTER_SQL, filterCount, filterParams } from './filters'
import { listOrder } from './listing'
import { loadPapers } from './paper-rows'

/**
 * The first unread paper after list position `after` (0-based; -1 for the top) in the list
 * `filter` shows in `sort` order; when there is none below, the first one from the top
 * (`wrapped`). Null when the list has no unread paper at all.
 */
export function nextUnread(statements: Statements, query: NextUnreadQuery): NextUnread | null {
  const { filter, after } = query
  filterCount(statements, filter) // NOT_FOUND for a digest that is gone
  const order = listOrder(filter, query.sort ?? 'position')
  // Built from the filter table's constant SQL and a constant ORDER BY: only values bind.
  const sql = `SELECT ranked.id AS id, ranked.position AS position
    FROM (SELECT p.id AS id, row_number() OVER (ORDER BY ${order}) - 1 AS position ${FILTER_SQL[filter.kind].walk}) ranked
    JOIN paper_state st ON st.paper_id = ranked.id
    WHERE st.read_at IS NULL
    ORDER BY ranked.position > ? DESC, ranked.position
    LIMIT 1`
  const found = statements.get(sql).get(...filterParams(filter), after) as { id: number; position: number } | undefined
  if (!found) return null
  const [paper] = loadPapers(statements, [found.id])
  return paper ? { index: found.position, paper, wrapped: found.position <= after } : null
}

/**
 * The same answer for a list whose order is not SQL's (the recommender's): its pages read in
 * main, so the renderer still asks once.
 */
export async function nextUnreadByPages(
  page: (query: ListQuery) => PaperPage | Promise<PaperPage>,
  query: NextUnreadQuery
): Promise<NextUnread | null> {
  const limit = 500
  let fromTop: NextUnread | null = null
  for (let offset = 0; ; offset += limit) {
    const answer = await page({ filter: query.filter, ...(query.sort ? { sort: query.sort } : {}), offset, limit })
    for (const [i, paper] of answer.items.entries()) {
      if (paper.read) continue
      const index = offset + i
      if (index > query.after) return { index, paper, wrapped: false }
      fromTop ??= { index, paper, wrapped: true }
    }
    if (answer.items.length < limit || offset + limit >= answer.total) return fromTop
  }
}
