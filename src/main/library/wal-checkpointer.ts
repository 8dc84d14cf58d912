// A large import's checkpoints run on a thread of their own while its chunks commit. SQLite's
// automatic checkpoint runs inside the commit that crosses 1,000 WAL pages: it copies those
// pages into the library file and waits twice for the disk, and the import waited with it
// (half of a 10,000-paper file's commits at a million papers). A checkpoint needs no write
// lock, so a second connection on another thread copies the pages while the import writes on.
// The import's own connection then runs none (wal_autocheckpoint = 0); should the thread not
// start, nothing changes and SQLite's own checkpoints run as before.
import { statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { nativeBindingOf, WAL_LIMIT_BYTES, type Db } from './connection'
import { startingThread, type Starting } from './starting-thread'

/** The thread's checkpoints, asked for once per commit; the connection runs none meanwhile. */
export interface Checkpointer {
  /**
   * Asks for a checkpoint of what has been committed so far. Returns at once, unless the WAL has
   * grown past its limit: then it waits for that checkpoint, so the next commit starts it over.
   * A thread that does not answer in time is let go, and the connection checkpoints again.
   */
  committed(): void
  /** Asks for a checkpoint of what has been committed so far; returns at once. */
  poke(): void
  /** Waits until every checkpoint asked for so far is done (at most `timeoutMs`): true when they are. */
  settle(timeoutMs: number): boolean
  /** Stops the thread, waiting for its checkpoint in progress; the connection checkpoints again. */
  close(): void
}

/** Slots of the shared signal. */
const SLOT = {
  /** How many checkpoints were asked for. */
  pokes: 0,
  /** The thread's state: one of THREAD. */
  state: 1,
  /** The pokes answered: their checkpoint is done. */
  answered: 2,
  /** 1 asks the thread to stop. */
  stop: 3
} as const
const THREAD = { starting: 0, ready: 1, failed: 2, closed: 3 } as const

// Builtins come by import(), which both kinds of eval'd code (CommonJS, or ES modules when the
// process runs with --input-type=module) have; better-sqlite3 by the path this thread resolved.
// The thread blocks on the signal between checkpoints: it has nothing else to do.
const WORKER_SOURCE = `
import('node:worker_threads').then(async ({ workerData }) => {
  const { sqlite, path, nativeBinding, signal } = workerData
  let db
  try {
    const { createRequire } = await import('node:module')
    const Database = createRequire(sqlite)(sqlite)
    db = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    Atomics.store(signal, ${SLOT.state}, ${THREAD.ready})
  } catch {
    Atomics.store(signal, ${SLOT.state}, ${THREAD.failed})
  }
  Atomics.notify(signal, ${SLOT.state})
  if (!db) return
  let seen = 0
  for (;;) {
    Atomics.wait(signal, ${SLOT.pokes}, seen)
    if (Atomics.load(signal, ${SLOT.stop}) === 1) break
    seen = Atomics.load(signal, ${SLOT.pokes})
    try {
      db.pragma('wal_checkpoint(PASSIVE)')
    } catch {}
    Atomics.store(signal, ${SLOT.answered}, seen)
    Atomics.notify(signal, ${SLOT.answered})
  }
  db.close()
  Atomics.store(signal, ${SLOT.state}, ${THREAD.closed})
  Atomics.notify(signal, ${SLOT.state})
})
`

/** How long the thread is waited for to start or to stop. */
const START_MS = 1_000
const STOP_MS = 2_000
/** How long a commit that found the WAL past its limit waits for the thread's checkpoint. */
const SETTLE_MS = 1_000
/**
 * The WAL a large import lets grow before a commit waits for the thread. Each wait lasts one
 * chunk's checkpoint (~30 ms): at the 16 MB that SQLite keeps the file to, a 10,000-paper file
 * (75 MB of WAL at a million papers) waited four times, 120 ms of its 1.6 s.
 */
export const IMPORT_WAL_LIMIT_BYTES = 4 * WAL_LIMIT_BYTES

function fileBytes(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

function waitWhile(signal: Int32Array, slot: number, value: number, timeoutMs: number): number {
  const giveUpAt = performance.now() + timeoutMs
  for (;;) {
    const now = Atomics.load(signal, slot)
    const left = giveUpAt - performance.now()
    if (now !== value || left <= 0) return now
    Atomics.wait(signal, slot, value, left)
  }
}

class ThreadCheckpointer implements Checkpointer {
  private readonly signal = new Int32Array(new SharedArrayBuffer(16))
  private readonly worker: Worker
  private readonly walPath: string
  private closed = false
  /** The connection's own setting while the thread runs its checkpoints (null: it runs them). */
  private autocheckpoint: number | null = null

  constructor(
    private readonly db: Db,
    sqlite: string,
    nativeBinding: string | undefined,
    private readonly walLimitBytes: number
  ) {
    this.walPath = `${db.name}-wal`
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // The thread needs builtins and better-sqlite3 only: none of this process's loaders and flags.
      execArgv: [],
      workerData: { sqlite, path: db.name, nativeBinding, signal: this.signal }
    })
    this.worker.on('error', () => {})
    this.worker.unref()
  }

  /** Waits for the thread to start; once it has, it runs the connection's checkpoints. */
  started(): boolean {
    if (waitWhile(this.signal, SLOT.state, THREAD.starting, START_MS) !== THREAD.ready) return false
    this.autocheckpoint = this.db.pragma('wal_autocheckpoint', { simple: true }) as number
    this.db.pragma('wal_autocheckpoint = 0')
    return true
  }

  committed(): void {
    if (this.autocheckpoint === null) return
    this.poke()
    // The thread's checkpoint runs while the next chunk writes, and SQLite starts the WAL over only
    // when a transaction begins with it copied whole: without this wait it would grow by every
    // chunk. SQLite cuts the file back to 16 MB (WAL_LIMIT_BYTES) whenever it starts over, so
    // past the larger limit here, all of it is in use.
    if (fileBytes(this.walPath) > this.walLimitBytes && !this.settle(SETTLE_MS)) this.handBack()
  }

  private handBack(): void {
    if (this.autocheckpoint === null || !this.db.open) return
    this.db.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`)
    this.autocheckpoint = null
  }

  poke(): void {
    Atomics.add(this.signal, SLOT.pokes, 1)
    Atomics.notify(this.signal, SLOT.pokes)
  }

  settle(timeoutMs: number): boolean {
    const giveUpAt = performance.now() + timeoutMs
    const wanted = Atomics.load(this.signal, SLOT.pokes)
    for (;;) {
      const answered = Atomics.load(this.signal, SLOT.answered)
      const left = giveUpAt - performance.now()
      if (answered >= wanted) return true
      if (left <= 0 || Atomics.load(this.signal, SLOT.state) !== THREAD.ready) return false
      Atomics.wait(this.signal, SLOT.answered, answered, left)
    }
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    Atomics.store(this.signal, SLOT.stop, 1)
    this.poke()
    waitWhile(this.signal, SLOT.state, THREAD.ready, STOP_MS)
    void this.worker.terminate()
    this.handBack()
  }
}

const require = createRequire(import.meta.url)

export interface CheckpointerOptions {
  /** The better-sqlite3 module the thread loads (tests name one that does not exist). */
  sqliteModule?: string
  /** Past this, a commit waits for the thread's checkpoint (IMPORT_WAL_LIMIT_BYTES). */
  walLimitBytes?: number
}

/** A checkpointer's thread while it starts: ready() says null when it could not. */
export type StartingCheckpointer = Starting<Checkpointer | null>

/**
 * Starts the thread and its connection to `db`'s file (with the better-sqlite3 binary `db` was
 * opened with) without waiting for them. Without a thread, SQLite's own checkpoints run.
 */
export function beginCheckpointer(db: Db, options: CheckpointerOptions = {}): StartingCheckpointer {
  return startingThread(
    () =>
      db.memory
        ? null
        : new ThreadCheckpointer(
            db,
            options.sqliteModule ?? require.resolve('better-sqlite3'),
            nativeBindingOf(db),
            options.walLimitBytes ?? IMPORT_WAL_LIMIT_BYTES
          ),
    () => null
  )
}
