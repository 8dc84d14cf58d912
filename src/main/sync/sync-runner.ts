// How the app runs a sync: in a worker thread (sync-worker.ts) that keeps its own library
// connection between syncs. One sync at a time; a worker that dies is replaced at the next
// sync, and the sync it was running fails with a message (the next one repairs the folder).
import type { SyncOptions, SyncReport } from './folder'

export interface SyncWorkerData {
  dbPath: string
  nativeBinding?: string
}

/** Options that cross the thread: no functions. */
export type PortableSyncOptions = Omit<SyncOptions, 'now'>

export interface SyncWorkerRequest {
  id: number
  folder: string
  options: PortableSyncOptions
}

export type SyncWorkerReply = { id: number; ok: true; report: SyncReport } | { id: number; ok: false; message: string }

/** The parts of worker_threads' Worker used here. */
export interface SyncWorkerLike {
  on(event: 'message', listener: (reply: SyncWorkerReply) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'exit', listener: (exitCode: number) => void): unknown
  postMessage(message: SyncWorkerRequest | 'stop'): void
  terminate(): Promise<number>
}

export type SyncRunner = ((folder: string, options: PortableSyncOptions) => Promise<SyncReport>) & {
  stop?(): Promise<void>
}

export function createWorkerSyncRunner(spawn: () => SyncWorkerLike): SyncRunner {
  let worker: SyncWorkerLike | null = null
  let serial = 0
  const waiting = new Map<number, { resolve(report: SyncReport): void; reject(error: Error): void }>()

  function failAll(message: string): void {
    for (const { reject } of waiting.values()) reject(new Error(message))
    waiting.clear()
  }

  function started(): SyncWorkerLike {
    if (worker) return worker
    const fresh = spawn()
    fresh.on('message', (reply) => {
      const pending = waiting.get(reply.id)
      waiting.delete(reply.id)
      if (!pending) return
      if (reply.ok) pending.resolve(reply.report)
      else pending.reject(new Error(reply.message))
    })
    fresh.on('error', (error) => failAll(`the sync stopped: ${error.message}`))
    fresh.on('exit', (code) => {
      if (worker === fresh) worker = null
      failAll(`the sync stopped (exit code ${code}); it resumes at the next sync`)
    })
    worker = fresh
    return fresh
  }

  const run: SyncRunner = (folder, options) =>
    new Promise<SyncReport>((resolve, reject) => {
      const id = ++serial
      waiting.set(id, { resolve, reject })
      started().postMessage({ id, folder, options })
    })
  run.stop = async () => {
    const current = worker
    worker = null
    if (!current) return
    current.postMessage('stop')
    // A sync in progress finishes its segment's transaction; a stuck one is ended.
    const timer = setTimeout(() => void current.terminate(), 5_000)
    await new Promise<void>((done) => current.on('exit', () => done()))
    clearTimeout(timer)
  }
  return run
}
