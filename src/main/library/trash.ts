// The trash. A trashed paper leaves papers (and so every list, count, search and digest
// progress) with its rows kept as one JSON record (see trash-rows.ts). A deleted digest is kept
// the same way, with the papers only it listed. Restoring is trash-restore.ts.
import type { DigestDeletion, TrashContents, TrashedDigest, TrashedPaper } from '../../shared/model'
import type { Db, Statements } from './connection'
import { LibraryError } from './contract'
import { requirePapers, uniqueIds } from './state'
import { digestsListing, dropUnusedTags, recountDigests, refreshFirstDigest } from './trash-counts'
import { recordSql, type Row } from './trash-rows'
import { takeBackAdditions } from './import-additions'
import { recordPaperMarks } from './sync-outbox'
import { unindexSql } from './search-backlog'

export { restoreDigest, restorePapers } from './trash-restore'

/** Moves papers to the trash; inside the caller's transaction. */
function moveToTrash(statements: Statements, ids: readonly number[], at: string, via: number | null): void {
  if (ids.length === 0) return
  const list = JSON.stringify(ids)
  const digests = digestsListing(statements, ids)
  statements.get(recordSql(statements)).run({ at, via, ids: list })
  statements.get(unindexSql('IN (SELECT value FROM json_each(?))')).run(list)
  statements.get('DELETE FROM papers WHERE id IN (SELECT value FROM json_each(?))').run(list)
  recountDigests(statements, digests)
  dropUnusedTags(statements)
}

export function trashPapers(db: Db, statements: Statements, ids: readonly number[], now: Date): { changed: number[] } {
  const wanted = uniqueIds(ids)
  if (wanted.length === 0) return { changed: [] }
  return db
    .transaction(() => {
      requirePapers(statements, wanted)
      recordPaperMarks(statements, wanted, 'trashed', true, now)
      moveToTrash(statements, wanted, now.toISOString(), null)
      return { changed: wanted }
    })
    .immediate()
}

/** Deletes a digest: the papers no other digest lists go to the trash, the others stay. */
export function deleteDigest(db: Db, statements: Statements, digestId: number, now: Date): DigestDeletion {
  const at = now.toISOString()
  return db
    .transaction((): DigestDeletion => {
      const digest = statements.get('SELECT * FROM digests WHERE id = ?').get(digestId) as Row | undefined
      if (!digest) throw new LibraryError('NOT_FOUND', `There is no digest with id ${digestId}`)
      const entries = statements
        .get('SELECT position, paper_id FROM digest_entries WHERE digest_id = ? ORDER BY position')
        .all(digestId) as { position: number; paper_id: number }[]
      // What the import added to papers it did not create goes with it (and comes back on restore).
      const additions = takeBackAdditions(statements, digestId)
      const record = JSON.stringify({ digest, entries: entries.map((e) => [e.position, e.paper_id]), additions })
      const serial = Number(
        statements
          .get('INSERT INTO trashed_digests (title, trashed_at, record) VALUES (?, ?, ?)')
          .run(String(digest['title']), at, record).lastInsertRowid
      )
      const onlyHere = statements
        .get(
          `SELECT e.paper_id FROM digest_entries e WHERE e.digest_id = ?
           AND NOT EXISTS (SELECT 1 FROM digest_entries o WHERE o.paper_id = e.paper_id AND o.digest_id <> e.digest_id)
         ORDER BY e.position`
        )
        .pluck()
        .all(digestId) as number[]
      recordPaperMarks(statements, onlyHere, 'trashed', true, now)
      moveToTrash(statements, onlyHere, at, serial)
      const shared = statements
        .get('SELECT paper_id FROM digest_entries WHERE digest_id = ?')
        .pluck()
        .all(digestId) as number[]
      statements.get('DELETE FROM digests WHERE id = ?').run(digestId)
      refreshFirstDigest(statements, shared)
      if (additions.some((addition) => addition.kind === 'tag')) dropUnusedTags(statements)
      return { digestId, trashId: serial, trashed: onlyHere, kept: shared.length }
    })
    .immediate()
}

export function listTrash(statements: Statements): TrashContents {
  const papers = (
    statements
      .get(
        `SELECT paper_id AS id, title, json_extract(record, '$.paper.authors') AS authors, trashed_at AS trashedAt,
                via_digest AS viaDigestId
           FROM trashed_papers ORDER BY trashed_at DESC, serial DESC`
      )
      .all() as (Omit<TrashedPaper, 'authors'> & { authors: string | null })[]
  ).map((row) => ({ ...row, authors: row.authors ? (JSON.parse(row.authors) as string[]) : [] }))
  const digests = statements
    .get(
      `SELECT d.id, d.title, d.trashed_at AS trashedAt,
              (SELECT count(*) FROM trashed_papers p WHERE p.via_digest = d.id) AS papers
         FROM trashed_digests d ORDER BY d.trashed_at DESC, d.id DESC`
    )
    .all() as TrashedDigest[]
  return { papers, digests }
}

/** Removes for good what is in the trash; `before` limits it to what was trashed before that time. */
export function emptyTrash(
  db: Db,
  statements: Statements,
  before: Date | null = null
): { papers: number; digests: number } {
  const cutoff = before?.toISOString() ?? '9999'
  return db
    .transaction(() => {
      const papers = statements.get('DELETE FROM trashed_papers WHERE trashed_at < ?').run(cutoff).changes
      const digests = statements
        .get(
          `DELETE FROM trashed_digests WHERE trashed_at < ?
           AND NOT EXISTS (SELECT 1 FROM trashed_papers p WHERE p.via_digest = trashed_digests.id)`
        )
        .run(cutoff).changes
      return { papers, digests }
    })
    .immediate()
}

/** The automatic purge: what has been in the trash longer than `days` days (0: never). */
export function purgeExpiredTrash(
  db: Db,
  statements: Statements,
  days: number,
  now: Date
): { papers: number; digests: number } {
  if (days <= 0) return { papers: 0, digests: 0 }
  const any = statements.get('SELECT 1 FROM trashed_papers UNION ALL SELECT 1 FROM trashed_digests LIMIT 1').get()
  if (!any) return { papers: 0, digests: 0 }
  return emptyTrash(db, statements, new Date(now.getTime() - days * 86_400_000))
}
