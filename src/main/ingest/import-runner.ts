// Runs imports in a worker thread so the window never waits on parsing or a big transaction.
// One worker per batch, one batch at a time; main hears progress and gets one report per file.
// The Worker is made by an injected `spawn`, so tests can drive this without threads.
import type { ImportFileReport } from '../../shared/model'
import type { ImportOptions } from './pipeline'
import { notImported, type ImportJobData, type ImportJobMessage } from './import-job'
import { messageOf } from '../../shared/errors'

/** The parts of worker_threads' Worker used here. */
export interface WorkerLike {
  on(event: 'message', listener: (message: ImportJobMessage) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'exit', listener: (exitCode: number) => void): unknown
  postMessage(message: 'stop'): void
  terminate(): Promise<number>
}

export interface ImportRunnerOptions {
  spawn(job: ImportJobData): WorkerLike
  dbPath: string
  nativeBinding?: string
  onProgress(progress: { file: string; done: number; total: number }): void
}

export interface ImportRunner {
  importFiles(paths: string[], options: ImportOptions): Promise<ImportFileReport[]>
  /** Lets the file being imported finish, cancels the rest; terminates after `graceMs`. */
  stop(graceMs?: number): Promise<void>
}

const CLOSING = 'Dogear was closing before this file was imported; import it again.'

export function createImportRunner(options: ImportRunnerOptions): ImportRunner {
  let queue: Promise<unknown> = Promise.resolve()
  let current: WorkerLike | null = null
  let stopping = false

  function runBatch(paths: string[], importOptions: ImportOptions): Promise<ImportFileReport[]> {
    if (stopping) return Promise.resolve(paths.map((path) => notImported(path, 'CANCELLED', CLOSING)))
    return new Promise((resolve) => {
      let settled = false
      const finish = (reports: ImportFileReport[]) => {
        if (settled) return
        settled = true
        current = null
        resolve(reports)
      }
      const failAll = (reason: string) =>
        finish(paths.map((path) => notImported(path, 'IMPORT_FAILED', `The import stopped: ${reason}`)))
      let worker: WorkerLike
      try {
        worker = options.spawn({
          dbPath: options.dbPath,
          paths,
          options: importOptions,
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
        })
      } catch (error) {
        failAll(messageOf(error))
        return
      }
      current = worker
      worker.on('message', (message) => {
        if (message.type === 'progress') options.onProgress(message)
        else if (message.type === 'done') finish(message.reports)
        else failAll(message.message)
      })
      worker.on('error', (error) => failAll(error.message))
      worker.on('exit', (exitCode) => failAll(`the import worker ended early (exit code ${exitCode})`))
    })
  }

  return {
    importFiles(paths, importOptions) {
      const batch = queue.then(() => runBatch(paths, importOptions))
      queue = batch.catch(() => undefined)
      return batch
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
