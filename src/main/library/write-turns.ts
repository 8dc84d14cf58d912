// Taking turns at the write lock. SQLite's busy handler polls (sleeping up to 100 ms between
// tries), so a writer that commits chunk after chunk can win the lock again and again before
// a waiting reader wakes up: the reader's mark or note would wait for most of a long import.
// A reader's write therefore leaves a small marker file beside the library while it waits
// and writes; a chunked import looks for markers between chunks and pauses until they are
// gone (at most MAX_PAUSE_MS), so the reader's write waits about one chunk. Files, not memory:
// the app's main thread, the import worker and the command line are different threads and
// processes.
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import type { Db } from './connection'

/** A marker older than this was left by a writer that died: it no longer counts. */
const STALE_MS = 10_000
export const MAX_PAUSE_MS = 400
const POLL_MS = 2

let serial = 0

function prefixOf(path: string): string {
  return `${basename(path)}.waiting-`
}

function isFile(path: string): boolean {
  return path !== ':memory:' && path !== ''
}

/** Runs a reader's write with its marker in place. */
export function withTurn<T>(path: string, write: () => T): T {
  if (!isFile(path)) return write()
  const marker = join(dirname(path), `${prefixOf(path)}${process.pid}-${threadId}-${++serial}`)
  try {
    writeFileSync(marker, '')
  } catch {
    // A folder we cannot write to: the write itself will say what is wrong.
    return write()
  }
  try {
    return write()
  } finally {
    rmSync(marker, { force: true })
  }
}

function someoneWaiting(path: string, now: number): boolean {
  const folder = dirname(path)
  const prefix = prefixOf(path)
  let names: string[]
  try {
    names = readdirSync(folder).filter((name) => name.startsWith(prefix))
  } catch {
    return false
  }
  return names.some((name) => {
    try {
      return now - statSync(join(folder, name)).mtimeMs < STALE_MS
    } catch {
      return false
    }
  })
}

const sleeper = new Int32Array(new SharedArrayBuffer(4))

/** Between two chunks of an import: lets waiting readers' writes go first. Returns the ms paused. */
export function letWaitingWritersGo(path: string): number {
  if (!isFile(path)) return 0
  const started = Date.now()
  while (someoneWaiting(path, Date.now()) && Date.now() - started < MAX_PAUSE_MS) {
    Atomics.wait(sleeper, 0, 0, POLL_MS)
  }
  return Date.now() - started
}

/**
 * A reader's write (a mark, a note, a setting): one transaction that takes the write lock up
 * front (BEGIN IMMEDIATE, so it waits instead of failing) with its turn marker in place.
 */
export function readerWrite<T>(db: Db, work: () => T): T {
  return withTurn(db.name, () => db.transaction(work).immediate())
}
