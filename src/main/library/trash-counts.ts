// What follows papers leaving or coming back: digest totals and read counts, each paper's first
// digest and digest count, and tags no paper carries any more. Inside the caller's transaction.
import type { Statements } from './connection'

/** Digests' totals and read counts recounted from their entries (after papers left or came back). */
export function recountDigests(statements: Statements, digestIds: readonly number[]): void {
  statements
    .get(
      `UPDATE digests SET
         paper_count = (SELECT count(*) FROM digest_entries e WHERE e.digest_id = digests.id),
         read_count = (SELECT count(*) FROM digest_entries e JOIN paper_state s ON s.paper_id = e.paper_id
                        WHERE e.digest_id = digests.id AND s.read_at IS NOT NULL)
       WHERE id IN (SELECT value FROM json_each(?))`
    )
    .run(JSON.stringify(digestIds))
}

export function digestsListing(statements: Statements, ids: readonly number[]): number[] {
  return statements
    .get('SELECT DISTINCT e.digest_id FROM json_each(?) j JOIN digest_entries e ON e.paper_id = j.value')
    .pluck()
    .all(JSON.stringify(ids)) as number[]
}

/**
 * A paper's first digest (its place in the position order) and how many digests list it (the
 * "seen" sort) follow the digests still listing it.
 */
export function refreshFirstDigest(statements: Statements, ids: readonly number[]): void {
  statements
    .get(
      `UPDATE papers SET digest_count = (SELECT count(*) FROM digest_entries e WHERE e.paper_id = papers.id)
        WHERE id IN (SELECT value FROM json_each(?))`
    )
    .run(JSON.stringify(ids))
  statements
    .get(
      `UPDATE papers SET digest_date = f.day, first_digest_id = f.digest_id, first_position = f.position
         FROM (SELECT e.paper_id, d.day, d.id AS digest_id, e.position,
                      row_number() OVER (PARTITION BY e.paper_id ORDER BY d.day, d.id) AS n
                 FROM json_each(?) j JOIN digest_entries e ON e.paper_id = j.value JOIN digests d ON d.id = e.digest_id) f
        WHERE f.n = 1 AND papers.id = f.paper_id`
    )
    .run(JSON.stringify(ids))
}

export function dropUnusedTags(statements: Statements): void {
  statements.get('DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.tag_id = tags.id)').run()
}
