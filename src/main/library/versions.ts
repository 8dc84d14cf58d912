// arXiv version history: each version a digest reported, the first digest that showed it, its
// day and when it arrived. A paper read before a newer version arrived is "revised since read"
// until it is marked read again.
import type { PaperVersion, Revision } from '../../shared/model'
import type { Db, Statements } from './connection'

/**
 * Records the version a record brought for a paper the import just inserted, from values the
 * import holds (reading the new rows back for their versions cost a fifth of a large import).
 */
export function recordNewPaperVersion(
  statements: Statements,
  paperId: number,
  version: number | null,
  digest: { id: number; day: string; importedAt: string }
): void {
  if (version === null) return
  statements
    .get('INSERT OR IGNORE INTO paper_versions (paper_id, version, digest_id, day, seen_at) VALUES (?, ?, ?, ?, ?)')
    .run(paperId, version, digest.id, digest.day, digest.importedAt)
}

/** Records the version a digest reported for a paper already in the library. */
export function recordVersion(statements: Statements, paperId: number, version: number | null, digestId: number): void {
  if (version === null) return
  statements
    .get(
      `INSERT OR IGNORE INTO paper_versions (paper_id, version, digest_id, day, seen_at)
       SELECT ?, ?, d.id, d.day, d.imported_at FROM digests d WHERE d.id = ?`
    )
    .run(paperId, version, digestId)
}

/**
 * The read papers with a version that arrived after they were read and is newer than every
 * version seen by then. `idColumn` is a column name from the caller's code, never user text.
 */
export function revisedCondition(idColumn: string): string {
  return `EXISTS (SELECT 1 FROM paper_state rs JOIN paper_versions rv ON rv.paper_id = rs.paper_id
     WHERE rs.paper_id = ${idColumn} AND rs.read_at IS NOT NULL AND rv.seen_at > rs.read_at
       AND rv.version > coalesce((SELECT max(rw.version) FROM paper_versions rw
                                   WHERE rw.paper_id = rs.paper_id AND rw.seen_at <= rs.read_at), 0))`
}

interface VersionRow {
  version: number
  digest_id: number | null
  digest_title: string | null
  day: string
  seen_at: string
}

export function versionsOf(statements: Statements, paperId: number): PaperVersion[] {
  const rows = statements
    .get(
      `SELECT v.version, v.digest_id, d.title AS digest_title, v.day, v.seen_at FROM paper_versions v
         LEFT JOIN digests d ON d.id = v.digest_id WHERE v.paper_id = ? ORDER BY v.version`
    )
    .all(paperId) as VersionRow[]
  return rows.map((row) => ({
    version: row.version,
    digestId: row.digest_id,
    digestTitle: row.digest_title,
    day: row.day,
    seenAt: row.seen_at
  }))
}

/** What changed since the paper was read: null unless a newer version arrived after the read. */
export function revisionOf(versions: readonly PaperVersion[], readAt: string | null): Revision | null {
  if (readAt === null || versions.length === 0) return null
  const before = versions.filter((v) => v.seenAt <= readAt)
  const readVersion = before.length > 0 ? Math.max(...before.map((v) => v.version)) : null
  const newer = versions.filter((v) => v.seenAt > readAt && v.version > (readVersion ?? 0))
  if (newer.length === 0) return null
  return { readVersion, latestVersion: Math.max(...newer.map((v) => v.version)) }
}

/**
 * "Marking it read again": papers already read whose revision is pending get a fresh read time
 * (no event and no counter change: they were read and stay read).
 */
export function rereadRevised(db: Db, statements: Statements, ids: readonly number[], now: Date): number[] {
  if (ids.length === 0) return []
  return db
    .transaction(
      () =>
        statements
          .get(
            `UPDATE paper_state SET read_at = ? WHERE paper_id IN (SELECT value FROM json_each(?))
             AND ${revisedCondition('paper_state.paper_id')} RETURNING paper_id`
          )
          .pluck()
          .all(now.toISOString(), JSON.stringify(ids)) as number[]
    )
    .immediate()
}
