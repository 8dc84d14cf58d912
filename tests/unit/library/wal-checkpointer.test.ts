// A large import's checkpoints run on a thread of their own: the pages its commits leave in the
// WAL reach the library file while it writes on, so the WAL stays the size of a commit, and a
// thread that cannot start leaves the checkpoints to SQLite, as before.
import { execFileSync } from 'node:child_process'
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { openConnection, WAL_LIMIT_BYTES } from '../../../src/main/library/connection'
import { CHUNKED_FROM_PAPERS } from '../../../src/main/library/import-write'
import {
  beginCheckpointer,
  type Checkpointer,
  type CheckpointerOptions
} from '../../../src/main/library/wal-checkpointer'
import { digest, paper, rawDatabase, tempFolder, track } from './helpers'

function walBytes(path: string): number {
  return existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0
}

const COMMITS = 30
/** A WAL past this makes a commit wait for the thread here (the import's own limit is larger). */
const WAL_LIMIT = WAL_LIMIT_BYTES
const ROWS_A_COMMIT = 40
/** About 200 KB a commit: 30 of them make a WAL of 6 MB when nothing checkpoints it. */
const ROW = 'gravel '.repeat(700)

/** A connection to a new library that commits about 200 KB at a time into a table of its own. */
function ballastWriter(path: string) {
  openLibrary(path).close()
  const db = openConnection(path)
  db.exec('CREATE TABLE ballast (text TEXT)')
  const insert = db.prepare('INSERT INTO ballast (text) VALUES (?)')
  const commit = db.transaction(() => {
    for (let i = 0; i < ROWS_A_COMMIT; i++) insert.run(ROW)
  })
  return { db, path, commit: () => commit.immediate() }
}

type Writer = ReturnType<typeof ballastWriter>

/** Runs `use` with a writer whose checkpoints a started thread runs, then stops both. */
function withCheckpointedWriter(
  options: CheckpointerOptions,
  use: (writer: Writer, checkpointer: Checkpointer) => void,
  before: (writer: Writer) => void = () => {}
): void {
  const writer = ballastWriter(join(tempFolder(), 'library.sqlite'))
  before(writer)
  const starting = beginCheckpointer(writer.db, options)
  try {
    const checkpointer = starting.ready()
    expect(checkpointer).not.toBeNull()
    // While the thread runs, the connection itself checkpoints no more.
    expect(writer.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    use(writer, checkpointer!)
  } finally {
    starting.close()
    writer.db.close()
  }
}

describe('the checkpointer of a large import', () => {
  it('copies every commit into the library file, so the WAL stays the size of one commit', () => {
    withCheckpointedWriter({}, (writer, checkpointer) => {
      let largest = 0
      for (let i = 0; i < COMMITS; i++) {
        writer.commit()
        checkpointer.poke()
        expect(checkpointer.settle(5_000)).toBe(true)
        largest = Math.max(largest, walBytes(writer.path))
      }
      // SQLite starts the WAL over once the thread has copied all of it: two commits at most.
      expect(largest).toBeLessThan(2 * ROWS_A_COMMIT * ROW.length + 200_000)
      const file = rawDatabase(writer.path, { readonly: true })
      try {
        expect(file.prepare('SELECT count(*) FROM ballast').pluck().get()).toBe(COMMITS * ROWS_A_COMMIT)
      } finally {
        file.close()
      }
    })
  })

  it('keeps the WAL near its limit when commits come faster than the thread copies them', () => {
    withCheckpointedWriter({ walLimitBytes: WAL_LIMIT }, (writer, checkpointer) => {
      const commits = Math.ceil((3 * WAL_LIMIT) / (ROWS_A_COMMIT * ROW.length))
      let largest = 0
      for (let i = 0; i < commits; i++) {
        writer.commit()
        checkpointer.committed()
        largest = Math.max(largest, walBytes(writer.path))
      }
      // Past the limit a commit waits for its checkpoint, and the next one starts the WAL over.
      expect(largest).toBeLessThan(WAL_LIMIT + 3 * ROWS_A_COMMIT * ROW.length)
    })
  })

  it('lets the WAL grow when nothing checkpoints it (what the thread saves)', () => {
    const writer = ballastWriter(join(tempFolder(), 'library.sqlite'))
    try {
      writer.db.pragma('wal_autocheckpoint = 0')
      for (let i = 0; i < COMMITS; i++) writer.commit()
      expect(walBytes(writer.path)).toBeGreaterThan(COMMITS * ROWS_A_COMMIT * ROW.length)
    } finally {
      writer.db.close()
    }
  })

  it('says it could not start when its thread cannot open the library, and can be stopped at once', () => {
    const writer = ballastWriter(join(tempFolder(), 'library.sqlite'))
    try {
      const missing = beginCheckpointer(writer.db, { sqliteModule: join(tempFolder(), 'no-sqlite.js') })
      expect(missing.ready()).toBeNull()
      missing.close()
      const unused = beginCheckpointer(writer.db)
      const stoppedAt = performance.now()
      unused.close()
      expect(performance.now() - stoppedAt).toBeLessThan(1_000)
      const memory = openConnection(':memory:')
      expect(beginCheckpointer(memory).ready()).toBeNull()
      memory.close()
    } finally {
      writer.db.close()
    }
  })

  it('is let go when its checkpoint does not come back, and the connection checkpoints again', () => {
    // A module that opens but whose checkpoints never end, as a thread stuck on a dead disk would.
    const stuck = join(tempFolder(), 'stuck-sqlite.cjs')
    writeFileSync(
      stuck,
      'module.exports = class { pragma() { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30000) } close() {} }'
    )
    const options = { sqliteModule: stuck, walLimitBytes: WAL_LIMIT }
    const withOwnCheckpoints = (writer: Writer) => writer.db.pragma('wal_autocheckpoint = 1000')
    withCheckpointedWriter(
      options,
      (writer, checkpointer) => {
        const startedAt = performance.now()
        while (walBytes(writer.path) <= WAL_LIMIT) {
          writer.commit()
          checkpointer.committed()
        }
        writer.commit()
        checkpointer.committed()
        expect(writer.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
        // One wait for the thread, not one a commit.
        for (let i = 0; i < 5; i++) {
          writer.commit()
          checkpointer.committed()
        }
        expect(performance.now() - startedAt).toBeLessThan(4_000)
      },
      withOwnCheckpoints
    )
  }, 20_000)

  it('leaves a large import whole in the library file, its WAL emptied', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    const count = CHUNKED_FROM_PAPERS * 2
    const papers = Array.from({ length: count }, (_, i) =>
      paper(`Lattice of pebbles ${i}`, {
        abstract: `Stacking pebbles, trial ${i}. `.repeat(30),
        arxivId: `2406.${String(i + 1).padStart(5, '0')}`
      })
    )
    expect(library.importDigest(digest(papers)).added).toBe(count)
    expect(walBytes(path)).toBe(0)
    const file = rawDatabase(path, { readonly: true })
    try {
      expect(file.pragma('quick_check', { simple: true })).toBe('ok')
      expect(file.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(count)
    } finally {
      file.close()
    }
    expect(library.search({ query: 'pebbles' }).total).toBe(count)
  })

  it("starts its thread in a process that runs eval'd code as ES modules (the command line under tsx)", () => {
    const module = fileURLToPath(new URL('../../../src/main/library/wal-checkpointer.ts', import.meta.url))
    const connection = fileURLToPath(new URL('../../../src/main/library/connection.ts', import.meta.url))
    const path = join(tempFolder(), 'library.sqlite')
    openLibrary(path).close()
    const script = `
      import { beginCheckpointer } from ${JSON.stringify(module)}
      import { openConnection } from ${JSON.stringify(connection)}
      const db = openConnection(${JSON.stringify(path)})
      const starting = beginCheckpointer(db)
      const checkpointer = starting.ready()
      checkpointer?.poke()
      console.log(JSON.stringify({ started: checkpointer !== null, settled: checkpointer?.settle(5000) ?? false }))
      starting.close()
      db.close()`
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8'
    })
    expect(JSON.parse(output.trim())).toEqual({ started: true, settled: true })
  }, 30_000)
})
