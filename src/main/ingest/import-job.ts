// What the import worker does, as a plain function: open nothing, import each file in turn,
// say how far it is. Tests run it in-process; import-worker.ts runs it in a worker thread.
import type { ImportFileReport } from '../../shared/model'
import type { Library } from '../library/contract'
import type { ImportOptions } from './pipeline'

/** Everything a worker needs, passed as workerData (structured clone: plain data only). */
export interface ImportJobData {
  dbPath: string
  paths: string[]
  options: ImportOptions
  /** The Electron build of better-sqlite3, when main loads one. */
  nativeBinding?: string
}

export type ImportJobMessage =
  | { type: 'progress'; file: string; done: number; total: number }
  | { type: 'done'; reports: ImportFileReport[] }
  | { type: 'failed'; message: string }

export type ImportOne = (library: Library, path: string, options: ImportOptions) => ImportFileReport

export function notImported(file: string, code: string, message: string): ImportFileReport {
  return { ok: false, file, error: { code, message } }
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Imports the files one by one (each file is its own transaction), posting progress before
 * each file and at the end. Between files it lets messages in, so a stop request is seen;
 * files left when it stops are reported as not imported, never dropped silently.
 */
export async function runImportJob(
  library: Library,
  paths: readonly string[],
  options: ImportOptions,
  importOne: ImportOne,
  post: (message: ImportJobMessage) => void,
  shouldStop: () => boolean = () => false
): Promise<ImportFileReport[]> {
  const reports: ImportFileReport[] = []
  const total = paths.length
  for (const [index, path] of paths.entries()) {
    await yieldToEvents()
    if (shouldStop()) {
      reports.push(notImported(path, 'CANCELLED', 'Dogear was closing before this file was imported; import it again.'))
      continue
    }
    post({ type: 'progress', file: path, done: index, total })
    reports.push(importOne(library, path, options))
  }
  post({ type: 'progress', file: paths[total - 1] ?? '', done: total, total })
  return reports
}
