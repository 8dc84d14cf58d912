// Opening the database file: pragmas, recognising files that are not a library, and a
// per-connection cache of prepared statements (preparing costs more than running most queries).
import Database from 'better-sqlite3'
import { LibraryError } from './contract'
import { messageOf } from '../../shared/errors'
import { registerAbstractText } from './abstract-text'

export type Db = Database.Database
export type Statement = Database.Statement

/** Marks the file as a Dogear library ('Doge'), so another app's SQLite file is not migrated by mistake. */
export const APPLICATION_ID = 0x446f6765

/** Prepared statements by SQL text, one cache per connection. */
export class Statements {
  private readonly cache = new Map<string, Statement>()

  constructor(readonly db: Db) {}

  get(sql: string): Statement {
    let statement = this.cache.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.cache.set(sql, statement)
    }
    return statement
  }
}

/** Page cache of a connection: reads and daily imports fit in 64 MB. */
export const CACHE_KIB = 65_536

/**
 * A large import writes a few KB per paper, all in one transaction; when its pages do not fit
 * the cache, SQLite spills them to the WAL mid-transaction and reads them back for every index
 * and FTS merge that touches them again (a third of a 100,000-paper import's time here). The
 * cache grows for such an import and shrinks back after it (SQLite frees the pages).
 */
export function withImportCache<T>(db: Db, papers: number, work: () => T): T {
  const wanted = Math.min(1_048_576, papers * 4)
  if (wanted <= CACHE_KIB) return work()
  db.pragma(`cache_size = -${wanted}`)
  try {
    return work()
  } finally {
    db.pragma(`cache_size = -${CACHE_KIB}`)
  }
}

/**
 * A small import's commit never runs SQLite's automatic checkpoint (every 1,000 pages of WAL, in
 * the commit that crosses it, so the reader waited for it with the import's report): small ones
 * leave the WAL to the connection's close (the app's import worker closes after posting its
 * reports; the command line on exit), except on a connection that imports file after file: it
 * checkpoints once its imports since the last checkpoint reach CHECKPOINT_AFTER_PAPERS, so the
 * WAL stays a few MB. A large import's chunks are checkpointed as they commit, by a thread of
 * their own (wal-checkpointer.ts) or, when it cannot start, by SQLite in the commits (were they
 * not, the reader's writes between its chunks would run them instead), and the import empties
 * the WAL when it is done (TRUNCATE), so the WAL it grew does not stay on disk beside the library.
 */
export function withImportCheckpoint<T>(db: Db, papers: number, work: () => T): T {
  if (db.memory || db.inTransaction) return work()
  if (papers >= LARGE_IMPORT_PAPERS) {
    try {
      return work()
    } finally {
      checkpoint(db, 'TRUNCATE')
    }
  }
  const before = db.pragma('wal_autocheckpoint', { simple: true }) as number
  db.pragma('wal_autocheckpoint = 0')
  try {
    return work()
  } finally {
    db.pragma(`wal_autocheckpoint = ${before}`)
    const since = (papersSinceCheckpoint.get(db) ?? 0) + papers
    if (since >= CHECKPOINT_AFTER_PAPERS) checkpoint(db, 'PASSIVE')
    else papersSinceCheckpoint.set(db, since)
  }
}

/** An import this large empties the WAL when it is done (a chunked import counts as one). */
export const LARGE_IMPORT_PAPERS = 2_000
/** Small imports on one connection checkpoint after this many papers (a WAL of ~10 MB). */
export const CHECKPOINT_AFTER_PAPERS = 1_000
const papersSinceCheckpoint = new WeakMap<Db, number>()

export type CheckpointMode = 'PASSIVE' | 'TRUNCATE'

/** A checkpoint waits for readers at most this long (TRUNCATE); busy, it is left to SQLite's own. */
const CHECKPOINT_WAIT_MS = 200

/**
 * Copies the WAL into the library file (TRUNCATE: and empties it). Only an optimization: a
 * reader in the middle of a read makes it give up, and SQLite's automatic checkpoint (or the
 * next one) does the work later.
 */
export function checkpoint(db: Db, mode: CheckpointMode): void {
  if (db.memory || !db.open || db.inTransaction) return
  const wait = db.pragma('busy_timeout', { simple: true }) as number
  try {
    db.pragma(`busy_timeout = ${CHECKPOINT_WAIT_MS}`)
    // A constant of this file's CheckpointMode type spliced into the pragma; nothing else is.
    db.pragma(`wal_checkpoint(${mode})`)
    papersSinceCheckpoint.set(db, 0)
  } catch {
    // see above
  } finally {
    db.pragma(`busy_timeout = ${wait}`)
  }
}

const NOT_A_DATABASE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT'])

function sqliteCode(error: unknown): string | null {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code
  return null
}

/** Runs `work` and turns "this is not a database" errors into a LibraryError naming the file. */
export function guardCorrupt<T>(path: string, work: () => T): T {
  try {
    return work()
  } catch (error) {
    const code = sqliteCode(error)
    if (code && NOT_A_DATABASE.has(code)) {
      const reason = messageOf(error)
      throw new LibraryError(
        'CORRUPT',
        `${path} is not a Dogear library: it is not a readable SQLite database (${reason})`
      )
    }
    throw error
  }
}

function openFile(path: string, nativeBinding: string | undefined): Db {
  try {
    return guardCorrupt(path, () => new Database(path, nativeBinding ? { nativeBinding } : {}))
  } catch (error) {
    // better-sqlite3 checks the folder itself and throws a plain TypeError without the path.
    if (error instanceof TypeError) throw new LibraryError('NOT_FOUND', `${path} cannot be opened (${error.message})`)
    throw error
  }
}

/** The WAL is cut back to this size when SQLite starts it over after a checkpoint. */
export const WAL_LIMIT_BYTES = 16 * 1024 * 1024

const nativeBindings = new WeakMap<Db, string>()

/** The better-sqlite3 binary the connection was opened with, for another connection to the file. */
export function nativeBindingOf(db: Db): string | undefined {
  return nativeBindings.get(db)
}

/** Opens the file and sets the pragmas every connection needs. */
export function openConnection(path: string, nativeBinding?: string): Db {
  const db = openFile(path, nativeBinding)
  if (nativeBinding) nativeBindings.set(db, nativeBinding)
  try {
    guardCorrupt(path, () => {
      // Reading the schema first makes a non-database file fail here, before anything is written.
      db.prepare('SELECT count(*) FROM sqlite_schema').get()
      if (path !== ':memory:') db.pragma('journal_mode = WAL')
      db.pragma('foreign_keys = ON')
      // The app and the `dogear` command may share the file: wait for the other's write.
      db.pragma('busy_timeout = 5000')
      // Notes are user data: every commit reaches the disk.
      db.pragma('synchronous = FULL')
      db.pragma(`cache_size = -${CACHE_KIB}`)
      db.pragma('temp_store = MEMORY')
      // SQLite reuses the WAL from its start after a checkpoint but keeps the file as large as
      // it ever grew (a reader holding a checkpoint back during a large import: 100+ MB).
      db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`)
      registerAbstractText(db)
    })
  } catch (error) {
    db.close()
    throw error
  }
  return db
}
