// Where each digest's file was when it was imported (the full path; `digests.file_name` keeps
// only its name), so the app can show the file in the system's file manager.
import type { Statements } from './connection'

/** Records the file a digest was imported from; the newest import of the same file wins. */
export function recordDigestSource(statements: Statements, digestId: number, path: string, now: Date): void {
  statements
    .get(
      `INSERT INTO digest_sources (digest_id, path, recorded_at)
       SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM digests WHERE id = ?)
       ON CONFLICT (digest_id) DO UPDATE SET path = excluded.path, recorded_at = excluded.recorded_at`
    )
    .run(digestId, path, now.toISOString(), digestId)
}

/** The file of a digest, or of the first digest (oldest first) of a paper that has one; null when none. */
export function sourceFile(statements: Statements, of: { digestId: number } | { paperId: number }): string | null {
  if ('digestId' in of) {
    return (statements.get('SELECT path FROM digest_sources WHERE digest_id = ?').pluck().get(of.digestId) ?? null) as
      string | null
  }
  return (statements
    .get(
      `SELECT s.path FROM digest_entries e JOIN digests d ON d.id = e.digest_id
         JOIN digest_sources s ON s.digest_id = d.id
        WHERE e.paper_id = ? ORDER BY d.day, d.id LIMIT 1`
    )
    .pluck()
    .get(of.paperId) ?? null) as string | null
}
