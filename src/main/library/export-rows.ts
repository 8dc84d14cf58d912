// The papers an export writes, chosen as the command line and the app choose them (explicit
// ids, a list's filter, a search query) and handed out in batches: a 100,000-paper export
// holds one batch of rows at a time, never the whole library. One read transaction spans the
// batches, so the file is one consistent moment of the library even while others write.
import type { ExportSelection } from '../../shared/export'
import type { PaperFilter } from '../../shared/model'
import { parseQuery, type QueryNode } from '../../shared/query'
import { exportPaperOf } from '../export/from-detail'
import type { ExportPaper } from '../export/types'
import type { Db, Statements } from './connection'
import { filterCondition, filterCount } from './filters'
import { loadPaperDetails } from './paper-rows'
import { compileQuery, conditionSql } from './search-compile'
import { correctTypos } from './search-typos'

export const EXPORT_BATCH = 500

/** The next batch of ids after `afterId` (ascending), at most `limit`. */
type IdWalk = (afterId: number, limit: number) => number[]

/** Calls `onBatch` with the selected papers, oldest first (ids: in the order given); returns how many. */
export function exportPapers(
  db: Db,
  statements: Statements,
  selection: ExportSelection,
  onBatch: (papers: ExportPaper[]) => void
): number {
  return db.transaction(() => {
    if ('ids' in selection) return exportIds(statements, selection.ids, onBatch)
    const filters = [selection.filter, ...(selection.also ?? [])]
    return exportWalk(statements, walkOf(statements, filters, selection.query), onBatch)
  })()
}

function exportIds(statements: Statements, ids: readonly number[], onBatch: (papers: ExportPaper[]) => void): number {
  const unique = [...new Set(ids)]
  let count = 0
  for (let start = 0; start < unique.length; start += EXPORT_BATCH) {
    const papers = loadPaperDetails(statements, unique.slice(start, start + EXPORT_BATCH)).map(exportPaperOf)
    count += papers.length
    if (papers.length > 0) onBatch(papers)
  }
  return count
}

function exportWalk(statements: Statements, walk: IdWalk, onBatch: (papers: ExportPaper[]) => void): number {
  let count = 0
  for (let after = 0; ;) {
    const ids = walk(after, EXPORT_BATCH)
    if (ids.length === 0) return count
    after = ids[ids.length - 1]!
    const papers = loadPaperDetails(statements, ids).map(exportPaperOf)
    count += papers.length
    onBatch(papers)
    if (ids.length < EXPORT_BATCH) return count
  }
}

function walkOf(statements: Statements, filters: readonly PaperFilter[], query: string | undefined): IdWalk {
  // A filter naming a digest or tag that is not there is NOT_FOUND, not an empty file.
  for (const filter of filters) if (filter.kind === 'digest' || filter.kind === 'tag') filterCount(statements, filter)
  const root = query === undefined ? null : parseQuery(query)
  if (root === null) return filterWalk(statements, filters)
  const walk = queryWalk(statements, root, filters)
  if (walk(0, 1).length > 0) return walk
  // As the search field does: a query that finds nothing is read with its typos corrected.
  const corrected = correctTypos(statements, root)
  return corrected ? queryWalk(statements, corrected.root, filters) : walk
}

/** Every filter's condition on one id column, ANDed. */
function filtersCondition(filters: readonly PaperFilter[], idColumn: string): { sql: string; params: unknown[] } {
  const parts = filters.map((filter) => filterCondition(filter, idColumn))
  return { sql: parts.map((part) => part.sql).join(' '), params: parts.flatMap((part) => part.params) }
}

function filterWalk(statements: Statements, filters: readonly PaperFilter[]): IdWalk {
  const condition = filtersCondition(filters, 'p.id')
  const statement = statements.get(`SELECT p.id FROM papers p WHERE p.id > ? ${condition.sql} ORDER BY p.id LIMIT ?`)
  return (after, limit) => statement.pluck().all(after, ...condition.params, limit) as number[]
}

/** The ids a query holds within a filter, ascending, as search.ts's matchingIds finds them. */
function queryWalk(statements: Statements, root: QueryNode, filters: readonly PaperFilter[]): IdWalk {
  const plan = compileQuery(root)
  const column = plan.match === null ? 'ps.paper_id' : '+paper_search.rowid'
  const conditions = conditionSql(plan.conditions, column)
  const list = filtersCondition(filters, column)
  const params = [...conditions.params, ...list.params]
  if (plan.match === null) {
    const statement = statements.get(
      `SELECT ps.paper_id FROM paper_state ps WHERE ps.paper_id > ? ${conditions.sql} ${list.sql}
        ORDER BY ps.paper_id LIMIT ?`
    )
    return (after, limit) => statement.pluck().all(after, ...params, limit) as number[]
  }
  // Rowids bound beside MATCH are cast to INTEGER: see the note in search.ts.
  const statement = statements.get(
    `SELECT rowid FROM paper_search WHERE paper_search MATCH ? AND rowid > CAST(? AS INTEGER) ${conditions.sql} ${list.sql}
      ORDER BY rowid LIMIT ?`
  )
  return (after, limit) => statement.pluck().all(plan.match, after, ...params, limit) as number[]
}
