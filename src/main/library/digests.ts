// Digests with their reading progress, read from the counters kept by imports and read marks.
import type { DigestProgress } from '../../shared/model'
import type { Statements } from './connection'

interface DigestRow {
  id: number
  title: string
  format: string
  file_name: string | null
  date_from: string | null
  date_to: string | null
  imported_at: string
  paper_count: number
  read_count: number
}

/** Newest digest first. */
export function listDigests(statements: Statements): DigestProgress[] {
  const rows = statements
    .get(
      `SELECT id, title, format, file_name, date_from, date_to, imported_at, paper_count, read_count
         FROM digests ORDER BY day DESC, id DESC`
    )
    .all() as DigestRow[]
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    format: row.format,
    fileName: row.file_name,
    dateFrom: row.date_from,
    dateTo: row.date_to,
    importedAt: row.imported_at,
    total: row.paper_count,
    read: row.read_count,
    unread: row.paper_count - row.read_count
  }))
}
