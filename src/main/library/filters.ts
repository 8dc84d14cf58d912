// The list filters as SQL. The SQL text is fixed per filter kind; only values are bound.
import type { PaperFilter } from '../../shared/model'

export interface SqlPart {
  sql: string
  params: number[]
}

/**
 * `AND ...` on a paper id, for queries driven by another table (search). `idColumn` is a
 * column name from the caller's code, never user text.
 */
export function filterCondition(filter: PaperFilter, idColumn: string): SqlPart {
  switch (filter.kind) {
    case 'all':
      return { sql: '', params: [] }
    case 'unread':
      return {
        sql: `AND EXISTS (SELECT 1 FROM paper_state s WHERE s.paper_id = ${idColumn} AND s.read_at IS NULL)`,
        params: []
      }
    case 'starred':
      return {
        sql: `AND EXISTS (SELECT 1 FROM paper_state s WHERE s.paper_id = ${idColumn} AND s.starred_at IS NOT NULL)`,
        params: []
      }
    case 'hasCode':
      return { sql: `AND EXISTS (SELECT 1 FROM papers p WHERE p.id = ${idColumn} AND p.has_code = 1)`, params: [] }
    case 'digest':
      return {
        sql: `AND EXISTS (SELECT 1 FROM digest_entries e WHERE e.paper_id = ${idColumn} AND e.digest_id = ?)`,
        params: [filter.digestId]
      }
    case 'tag':
      return {
        sql: `AND EXISTS (SELECT 1 FROM paper_tags t WHERE t.paper_id = ${idColumn} AND t.tag_id = ?)`,
        params: [filter.tagId]
      }
  }
}

/** Ids of the unread papers a filter shows: what "mark all read" changes. */
export function unreadIdsQuery(filter: PaperFilter): SqlPart {
  const base = 'SELECT s.paper_id FROM paper_state s'
  switch (filter.kind) {
    case 'all':
    case 'unread':
      return { sql: `${base} WHERE s.read_at IS NULL`, params: [] }
    case 'starred':
      return { sql: `${base} WHERE s.read_at IS NULL AND s.starred_at IS NOT NULL`, params: [] }
    case 'hasCode':
      return {
        sql: `${base} JOIN papers p ON p.id = s.paper_id WHERE s.read_at IS NULL AND p.has_code = 1`,
        params: []
      }
    case 'digest':
      return {
        sql: `SELECT e.paper_id FROM digest_entries e JOIN paper_state s ON s.paper_id = e.paper_id
               WHERE e.digest_id = ? AND s.read_at IS NULL`,
        params: [filter.digestId]
      }
    case 'tag':
      return {
        sql: `SELECT t.paper_id FROM paper_tags t JOIN paper_state s ON s.paper_id = t.paper_id
               WHERE t.tag_id = ? AND s.read_at IS NULL`,
        params: [filter.tagId]
      }
  }
}
