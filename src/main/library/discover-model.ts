// The recommender's feature index kept in the library file, so a start loads it instead of
// building it again: a head row (format, generation, counts, the term table) and the vectors
// in chunks (see src/main/discover/index-state.ts for what the blobs hold). It is a cache of
// what the papers say: any doubt (another format, a missing chunk) and the index is rebuilt.
import type { Db, Statements } from './connection'

export interface StoredHead {
  format: number
  /** A rebuild writes its chunks under a new generation; the head names the one in use. */
  generation: number
  /** Moves on every save: a writer that finds another revision than its own lost the race. */
  revision: number
  meta: string
  documentFrequency: Buffer
  featureOf: Buffer
}

export interface StoredChunk {
  chunk: number
  papers: Buffer
  days: Buffer
  lengths: Buffer
  terms: Buffer
  weights: Buffer
}

export interface DiscoverModelStore {
  head(): StoredHead | null
  /** Chunks of a generation from `fromChunk` on, in order, at most `limit`. */
  chunks(generation: number, fromChunk: number, limit: number): StoredChunk[]
  /** Chunks of a generation not yet named by the head (a rebuild writes them in several turns). */
  writeChunks(generation: number, chunks: readonly StoredChunk[]): void
  /**
   * The head, with `chunks` of its generation, in one transaction. `expected`: the revision the
   * writer last saw (null: replace whatever is there, and drop other generations). Returns
   * false, writing nothing, when the stored head moved meanwhile.
   */
  save(
    head: StoredHead,
    chunks: readonly StoredChunk[],
    expected: { generation: number; revision: number } | null
  ): boolean
}

const UPSERT_CHUNK = `INSERT INTO discover_chunks (generation, chunk, papers, days, lengths, terms, weights)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (generation, chunk) DO UPDATE SET papers = excluded.papers, days = excluded.days,
    lengths = excluded.lengths, terms = excluded.terms, weights = excluded.weights`

export function discoverModelStore(db: Db, statements: Statements): DiscoverModelStore {
  const put = (generation: number, chunks: readonly StoredChunk[]): void => {
    const statement = statements.get(UPSERT_CHUNK)
    for (const c of chunks) statement.run(generation, c.chunk, c.papers, c.days, c.lengths, c.terms, c.weights)
  }
  return {
    head: () =>
      (statements
        .get(
          `SELECT format, generation, revision, meta, document_frequency AS documentFrequency,
                  feature_of AS featureOf FROM discover_model WHERE id = 1`
        )
        .get() as StoredHead | undefined) ?? null,
    chunks: (generation, fromChunk, limit) =>
      statements
        .get(
          `SELECT chunk, papers, days, lengths, terms, weights FROM discover_chunks
            WHERE generation = ? AND chunk >= ? ORDER BY chunk LIMIT ?`
        )
        .all(generation, fromChunk, limit) as StoredChunk[],
    writeChunks: (generation, chunks) => db.transaction(() => put(generation, chunks)).immediate(),
    save: (head, chunks, expected) =>
      db
        .transaction((): boolean => {
          const stored = statements.get('SELECT generation, revision FROM discover_model WHERE id = 1').get() as
            { generation: number; revision: number } | undefined
          if (
            expected !== null &&
            (stored?.generation !== expected.generation || stored.revision !== expected.revision)
          )
            return false
          put(head.generation, chunks)
          statements
            .get(
              `INSERT OR REPLACE INTO discover_model
                 (id, format, generation, revision, meta, document_frequency, feature_of)
               VALUES (1, ?, ?, ?, ?, ?, ?)`
            )
            .run(head.format, head.generation, head.revision, head.meta, head.documentFrequency, head.featureOf)
          if (expected === null)
            statements.get('DELETE FROM discover_chunks WHERE generation <> ?').run(head.generation)
          return true
        })
        .immediate()
  }
}
