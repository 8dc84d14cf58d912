// The app's import door: every file import runs in the import worker (never on the main
// thread), under the size cap the settings hold at the moment of the import.
import { Worker } from 'node:worker_threads'
import type { ImportFileReport } from '../../shared/model'
import { notImported } from '../ingest/import-job'
import { createImportRunner, type ImportRunner, type ImportRunnerOptions } from '../ingest/import-runner'
import type { ImportOptions } from '../ingest/pipeline'
import type { Library } from '../library/contract'

export interface AppImportsOptions {
  library: Library
  dbPath: string
  nativeBinding?: string
  /** The bundled worker script (out/main/import-worker.js). */
  workerPath: string
  onProgress: ImportRunnerOptions['onProgress']
  /** Makes the worker; a real worker_threads Worker unless a test says otherwise. */
  spawn?: ImportRunnerOptions['spawn']
}

export interface AppImports {
  importFiles(paths: string[], options: { date?: string }): Promise<ImportFileReport[]>
  importFile(path: string): Promise<ImportFileReport>
  /** Lets the file being imported finish and cancels the rest. */
  stop(): Promise<void>
}

export function sizeCapOf(library: Library): ImportOptions {
  return { sizeCapBytes: library.getSettings().importSizeCapMb * 1024 * 1024 }
}

export function createAppImports(options: AppImportsOptions): AppImports {
  const runner: ImportRunner = createImportRunner({
    dbPath: options.dbPath,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    spawn: options.spawn ?? ((job) => new Worker(options.workerPath, { workerData: job })),
    onProgress: options.onProgress
  })
  const importFiles = (paths: string[], { date }: { date?: string }) =>
    runner.importFiles(paths, { ...sizeCapOf(options.library), ...(date ? { date } : {}) })
  return {
    importFiles,
    async importFile(path) {
      return (await importFiles([path], {}))[0] ?? notImported(path, 'INTERNAL', 'No report')
    },
    stop: () => runner.stop()
  }
}
