// What an import added to papers that were in the library before it: subjects the source gave
// and JabRef groups taken as tags. Deleting the digest (the undo of an import) or undoing a
// failed chunked import takes exactly these back out; papers the import created go with it
// anyway. A tag the reader then gives a paper by hand is the reader's: it is no longer counted
// as the import's.
import type { Statements } from './connection'
import { addTag, ensureTag } from './tags'

/** Taken back from a deleted digest, kept in its trash record so a restore can put them back. */
export interface TakenAddition {
  paperId: number
  kind: 'subject' | 'tag'
  /** The subject, or the tag's name. */
  label: string
}

export function recordSubjects(statements: Statements, digestId: number, paperId: number, subjects: string[]): void {
  if (subjects.length === 0) return
  statements
    .get(
      `INSERT INTO digest_additions (digest_id, paper_id, kind, label)
       SELECT ?, ?, 'subject', j.value FROM json_each(?) j WHERE true ON CONFLICT DO NOTHING`
    )
    .run(digestId, paperId, JSON.stringify(subjects))
}

export function recordTag(statements: Statements, digestId: number, paperId: number, tagId: number): void {
  statements
    .get(
      `INSERT INTO digest_additions (digest_id, paper_id, kind, label) VALUES (?, ?, 'tag', ?) ON CONFLICT DO NOTHING`
    )
    .run(digestId, paperId, String(tagId))
}

/** The reader tagged these papers by hand: the tag is theirs now, whatever an import did. */
export function claimTag(statements: Statements, tagId: number, paperIds: readonly number[]): void {
  statements
    .get(
      `DELETE FROM digest_additions WHERE kind = 'tag' AND label = ? AND paper_id IN (SELECT value FROM json_each(?))`
    )
    .run(String(tagId), JSON.stringify(paperIds))
}

/** Removes what the digest added to earlier papers; returns it. Inside the caller's transaction. */
export function takeBackAdditions(statements: Statements, digestId: number): TakenAddition[] {
  const rows = statements
    .get(
      `SELECT a.paper_id AS paperId, a.kind AS kind, coalesce(t.name, a.label) AS label, a.label AS raw
       FROM digest_additions a LEFT JOIN tags t ON a.kind = 'tag' AND t.id = CAST(a.label AS INTEGER)
       WHERE a.digest_id = ? ORDER BY a.paper_id, a.kind, a.label`
    )
    .all(digestId) as (TakenAddition & { raw: string })[]
  const dropSubject = statements.get('DELETE FROM paper_subjects WHERE paper_id = ? AND subject = ?')
  const dropTag = statements.get('DELETE FROM paper_tags WHERE paper_id = ? AND tag_id = ?')
  const taken: TakenAddition[] = []
  for (const row of rows) {
    const changes =
      row.kind === 'subject'
        ? dropSubject.run(row.paperId, row.raw).changes
        : dropTag.run(row.paperId, Number(row.raw)).changes
    if (changes > 0) taken.push({ paperId: row.paperId, kind: row.kind, label: row.label })
  }
  statements.get('DELETE FROM digest_additions WHERE digest_id = ?').run(digestId)
  return taken
}

/** Puts back what takeBackAdditions took, for papers still in the library, as the restored digest's. */
export function putBackAdditions(
  statements: Statements,
  digestId: number,
  taken: readonly TakenAddition[],
  at: string
): void {
  const exists = statements.get('SELECT 1 FROM papers WHERE id = ?')
  for (const addition of taken) {
    if (!exists.get(addition.paperId)) continue
    if (addition.kind === 'subject') {
      const added = statements
        .get('INSERT INTO paper_subjects (paper_id, subject) VALUES (?, ?) ON CONFLICT DO NOTHING')
        .run(addition.paperId, addition.label).changes
      if (added > 0) recordSubjects(statements, digestId, addition.paperId, [addition.label])
    } else {
      const tag = ensureTag(statements, addition.label, at)
      if (addTag(statements, tag.id, [addition.paperId], at).length > 0)
        recordTag(statements, digestId, addition.paperId, tag.id)
    }
  }
}
