// What the recommender reads from the library (texts, stars, reads, dismissals, the trash)
// and the one thing it writes (dismissals). Reads are keyset-paged by paper id so the caller
// can build its index a page at a time between other work.
import type { Db, Statements } from './connection'
import { discoverModelStore, type DiscoverModelStore } from './discover-model'
import { requirePapers } from './state'

export interface PaperTextRow {
  id: number
  title: string
  authors: string
  body: string | null
  day: string
}

/** Cheap counters that move whenever something the recommender reads changes. */
export interface DiscoverCursor {
  lastPaperId: number
  lastDigestId: number
  lastEventId: number
  dismissalSequence: number
  dismissals: number
  /** Papers and trashed papers: a paper trashed or restored moves one of them. */
  papers: number
  trashed: number
}

export interface DiscoverLabels {
  starred: number[]
  read: number[]
  dismissed: number[]
  hidden: number[]
}

export interface DiscoverData {
  cursor(): DiscoverCursor
  /** Papers with an id above `afterId`, by id, at most `limit`. */
  texts(afterId: number, limit: number): PaperTextRow[]
  /** Every `step`-th paper (by id) above `afterId`, at most `limit`: a sample for word counts. */
  sampleTexts(afterId: number, limit: number, step: number): PaperTextRow[]
  /** Papers up to `upToId` that digests after `afterDigestId` listed again (their text may have changed). */
  relisted(afterDigestId: number, upToId: number): PaperTextRow[]
  labels(): DiscoverLabels
  /** Dismisses papers from the suggestions (or takes that back); returns the ids that changed. */
  dismiss(ids: number[], dismissed: boolean): number[]
  /** Every paper id in the library, and in its trash (an index drops the others: removed for good). */
  libraryIds(): { papers: number[]; trashed: number[] }
  /** The feature index kept in the library file. */
  model: DiscoverModelStore
}

const TEXT_COLUMNS = `p.id, p.title, p.authors, coalesce(abstract_text(p.abstract), p.snippet) AS body,
  coalesce(p.published_at, p.digest_date) AS day`

export function discoverData(db: Db, statements: Statements, now: () => Date): DiscoverData {
  return {
    cursor: () =>
      statements
        .get(
          `SELECT (SELECT coalesce(max(id), 0) FROM papers) AS lastPaperId,
                  (SELECT coalesce(max(id), 0) FROM digests) AS lastDigestId,
                  (SELECT coalesce(max(id), 0) FROM reading_events) AS lastEventId,
                  (SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'dismissals') AS dismissalSequence,
                  (SELECT count(*) FROM dismissals) AS dismissals,
                  (SELECT count(*) FROM papers) AS papers,
                  (SELECT count(*) FROM trashed_papers) AS trashed`
        )
        .get() as DiscoverCursor,
    texts: (afterId, limit) =>
      statements
        .get(`SELECT ${TEXT_COLUMNS} FROM papers p WHERE p.id > ? ORDER BY p.id LIMIT ?`)
        .all(afterId, limit) as PaperTextRow[],
    sampleTexts: (afterId, limit, step) =>
      statements
        .get(`SELECT ${TEXT_COLUMNS} FROM papers p WHERE p.id > ? AND p.id % ? = 0 ORDER BY p.id LIMIT ?`)
        .all(afterId, step, limit) as PaperTextRow[],
    relisted: (afterDigestId, upToId) =>
      statements
        .get(
          `SELECT ${TEXT_COLUMNS} FROM papers p
            WHERE p.id <= ? AND p.id IN (SELECT e.paper_id FROM digest_entries e WHERE e.digest_id > ?)`
        )
        .all(upToId, afterDigestId) as PaperTextRow[],
    labels: () => ({
      starred: ids(statements, 'SELECT paper_id FROM paper_state WHERE starred_at IS NOT NULL'),
      read: ids(statements, 'SELECT paper_id FROM paper_state WHERE read_at IS NOT NULL'),
      dismissed: ids(statements, 'SELECT paper_id FROM dismissals'),
      // A trashed paper leaves papers; its id stays out of every suggestion until restored.
      hidden: ids(
        statements,
        `SELECT t.paper_id FROM trashed_papers t
          WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = t.paper_id)`
      )
    }),
    // Two scans of covering indexes (a UNION would merge them in id order, reading the whole papers table).
    libraryIds: () => ({
      papers: ids(statements, 'SELECT id FROM papers'),
      trashed: ids(statements, 'SELECT paper_id FROM trashed_papers')
    }),
    model: discoverModelStore(db, statements),
    dismiss: (list, dismissed) => {
      const wanted = [...new Set(list)]
      if (wanted.length === 0) return []
      return db
        .transaction((): number[] => {
          requirePapers(statements, wanted)
          const json = JSON.stringify(wanted)
          const changed = dismissed
            ? statements
                .get(
                  `INSERT INTO dismissals (paper_id, dismissed_at) SELECT j.value, ? FROM json_each(?) j
                  WHERE true ON CONFLICT (paper_id) DO NOTHING RETURNING paper_id`
                )
                .pluck()
                .all(now().toISOString(), json)
            : statements
                .get('DELETE FROM dismissals WHERE paper_id IN (SELECT value FROM json_each(?)) RETURNING paper_id')
                .pluck()
                .all(json)
          return changed as number[]
        })
        .immediate()
    }
  }
}

function ids(statements: Statements, sql: string): number[] {
  return statements.get(sql).pluck().all() as number[]
}
