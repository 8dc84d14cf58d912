// Runs imports in a worker thread so the window never waits on parsing or a big transaction.
// One worker per batch, one batch at a time; main hears progress and gets one report per file.
// The Worker is made by an injected `spawn`, so tests can drive this without threads.
//
// A file that exhausts the worker's memory or its time budget ends that worker, not the app:
// the file gets a report saying so (code IMPORT_CRASHED or TIMED_OUT), files finished before it
// keep their reports, and the files after it are reported as not imported.
import { statSync } from 'node:fs'
import type { ImportFileReport } from '../../shared/model'
import type { ImportOptions } from './pipeline'
import type { ImportJobData, ImportJobMessage } from './import-job'
import { sourceLabel, type ImportSource } from './import-source'
import { notImported } from './reports'
import { messageOf } from '../../shared/errors'

/** The parts of worker_threads' Worker used here. */
export interface WorkerLike {
  on(event: 'message', listener: (message: ImportJobMessage) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'exit', listener: (exitCode: number) => void): unknown
  postMessage(message: 'stop'): void
  terminate(): Promise<number>
}

/** What a worker may use: passed to `new Worker(..., { resourceLimits })`. */
export interface WorkerLimits {
  maxOldGenerationSizeMb: number
}

export interface ImportRunnerOptions {
  spawn(job: ImportJobData, limits: WorkerLimits): WorkerLike
  dbPath: string
  nativeBinding?: string
  onProgress(progress: { file: string; done: number; total: number }): void
  /** After a batch has reported: its large files' papers are in the search index now. */
  onIndexed?(): void
  /** Time one file may take; defaults to 60 s plus 1 s per MB (see budgetMs). */
  budgetMs?(source: ImportSource): number
  limits?: WorkerLimits
}

export interface ImportRunner {
  /** The one door every import of the app goes through: files by path, pasted text by value. */
  importSources(sources: ImportSource[], options: ImportOptions): Promise<ImportFileReport[]>
  importFiles(paths: string[], options: ImportOptions): Promise<ImportFileReport[]>
  /** Lets the file being imported finish, cancels the rest; terminates after `graceMs`. */
  stop(graceMs?: number): Promise<void>
}

const CLOSING = 'Dogear was closing before this file was imported; import it again.'
const MB = 1024 * 1024

/** 60 s plus 1 s per MB: a 100,000-paper file of 160 MB imports in well under a minute here. */
export function budgetMs(source: ImportSource): number {
  let bytes = 0
  try {
    bytes = typeof source === 'string' ? statSync(source).size : source.text.length
  } catch {
    // A missing file fails fast in the worker; the base budget is plenty.
  }
  return 60_000 + Math.ceil(bytes / MB) * 1000
}

/** A worker's heap: room for the largest file the decoder takes, and its parse. */
export const DEFAULT_WORKER_LIMITS: WorkerLimits = { maxOldGenerationSizeMb: 4096 }

export function createImportRunner(options: ImportRunnerOptions): ImportRunner {
  let queue: Promise<unknown> = Promise.resolve()
  let current: WorkerLike | null = null
  let stopping = false
  const budgetOf = options.budgetMs ?? budgetMs

  function runBatch(sources: ImportSource[], importOptions: ImportOptions): Promise<ImportFileReport[]> {
    const labels = sources.map(sourceLabel)
    if (stopping) return Promise.resolve(labels.map((label) => notImported(label, 'CANCELLED', CLOSING)))
    return new Promise((resolve) => {
      const reports: (ImportFileReport | undefined)[] = []
      let inProgress = -1
      let settled = false
      let timer: NodeJS.Timeout | undefined
      const finish = (all: ImportFileReport[]) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        current = null
        resolve(all)
      }
      // Reports already in stay; the file being read is the one that failed; the rest never started.
      const failAll = (code: string, reason: string) => {
        const culprit = labels[inProgress]
        finish(
          labels.map((label, index) => {
            const known = reports[index]
            if (known) return known
            if (index === inProgress) return notImported(label, code, `${label}: ${reason}`)
            const why = culprit === undefined ? reason : `the import stopped at ${culprit}`
            return notImported(label, 'IMPORT_FAILED', `${label}: not imported: ${why}`)
          })
        )
      }
      let worker: WorkerLike
      try {
        worker = options.spawn(
          {
            dbPath: options.dbPath,
            sources,
            options: importOptions,
            ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
          },
          options.limits ?? DEFAULT_WORKER_LIMITS
        )
      } catch (error) {
        failAll('IMPORT_FAILED', `the import could not start (${messageOf(error)})`)
        return
      }
      current = worker
      const startFile = (index: number) => {
        inProgress = index
        clearTimeout(timer)
        const source = sources[index]
        if (source === undefined) return
        const budget = budgetOf(source)
        timer = setTimeout(() => {
          failAll('TIMED_OUT', `reading it took longer than ${Math.round(budget / 1000)} s, so Dogear stopped it`)
          void worker.terminate()
        }, budget)
      }
      worker.on('message', (message) => {
        if (message.type === 'progress') {
          options.onProgress(message)
          startFile(message.done)
        } else if (message.type === 'report') reports[message.index] = message.report
        else if (message.type === 'done') finish(message.reports)
        else if (message.type === 'indexed') options.onIndexed?.()
        else failAll('IMPORT_FAILED', message.message)
      })
      worker.on('error', (error) => failAll('IMPORT_CRASHED', crashReason(error)))
      worker.on('exit', (exitCode) =>
        failAll('IMPORT_CRASHED', `the import worker ended early (exit code ${exitCode})`)
      )
    })
  }

  return {
    importSources(sources, importOptions) {
      const batch = queue.then(() => runBatch(sources, importOptions))
      queue = batch.catch(() => undefined)
      return batch
    },
    importFiles(paths, importOptions) {
      return this.importSources(paths, importOptions)
    },
    async stop(graceMs = 10_000) {
      stopping = true
      current?.postMessage('stop')
      let timer: NodeJS.Timeout | undefined
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          void current?.terminate()
          resolve()
        }, graceMs)
      })
      await Promise.race([queue, grace])
      clearTimeout(timer)
    }
  }
}

function crashReason(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'reading it needed more memory than an import may use'
  return `the import worker failed (${error.message})`
}
