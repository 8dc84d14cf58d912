// What the import worker does, as a plain function: open nothing, import each file in turn,
// say how far it is. Tests run it in-process; import-worker.ts runs it in a worker thread.
import type { ImportFileReport } from '../../shared/model'
import type { Library } from '../library/contract'
import type { ImportOptions } from './pipeline'
import { sourceLabel, type ImportSource } from './import-source'
import { notImported } from './reports'

/** Everything a worker needs, passed as workerData (structured clone: plain data only). */
export interface ImportJobData {
  dbPath: string
  sources: ImportSource[]
  options: ImportOptions
  /** The Electron build of better-sqlite3, when main loads one. */
  nativeBinding?: string
}

export type ImportJobMessage =
  | { type: 'progress'; file: string; done: number; total: number }
  /** One source's outcome, posted as soon as it is known (a crash later cannot lose it). */
  | { type: 'report'; index: number; report: ImportFileReport }
  | { type: 'done'; reports: ImportFileReport[] }
  /** After `done`: the papers of large files that waited for the search index are in it. */
  | { type: 'indexed'; papers: number }
  | { type: 'failed'; message: string }

export type ImportOne = (library: Library, source: ImportSource, options: ImportOptions) => ImportFileReport

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Imports the files one by one (each file is its own transaction), posting progress before
 * each file and at the end. Between files it lets messages in, so a stop request is seen;
 * files left when it stops are reported as not imported, never dropped silently.
 */
export async function runImportJob(
  library: Library,
  sources: readonly ImportSource[],
  options: ImportOptions,
  importOne: ImportOne,
  post: (message: ImportJobMessage) => void,
  shouldStop: () => boolean = () => false
): Promise<ImportFileReport[]> {
  const reports: ImportFileReport[] = []
  const total = sources.length
  for (const [index, source] of sources.entries()) {
    await yieldToEvents()
    const label = sourceLabel(source)
    if (shouldStop()) {
      reports.push(
        notImported(label, 'CANCELLED', 'Dogear was closing before this file was imported; import it again.')
      )
      continue
    }
    post({ type: 'progress', file: label, done: index, total })
    const report = importOne(library, source, options)
    reports.push(report)
    post({ type: 'report', index, report })
  }
  post({ type: 'progress', file: sourceLabel(sources[total - 1] ?? ''), done: total, total })
  return reports
}
