// The app's import door: every import (files, pasted text, the sample, the watched folder)
// runs in the import worker, never on the main thread, with the options the handlers give it
// (the size cap the settings hold at the moment of the import: importOptionsFor).
import { Worker } from 'node:worker_threads'
import type { ImportFileReport } from '../../shared/model'
import { notImported } from '../ingest/reports'
import { importOptionsFor, type ImportSource } from '../ingest/import-source'
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
  onIndexed?: ImportRunnerOptions['onIndexed']
  /** Makes the worker; a real worker_threads Worker unless a test says otherwise. */
  spawn?: ImportRunnerOptions['spawn']
}

export interface AppImports {
  runImports(sources: ImportSource[], options: ImportOptions): Promise<ImportFileReport[]>
  /** One file of the watched folder, under the library's size cap. */
  importFile(path: string): Promise<ImportFileReport>
  /** Lets the file being imported finish and cancels the rest. */
  stop(): Promise<void>
  /**
   * Fills the search index with the papers still waiting for it (an app closed right after a
   * large import), in the import worker: an import of no files does that once it has reported.
   */
  indexWaiting(): Promise<void>
}

export function createAppImports(options: AppImportsOptions): AppImports {
  const runner: ImportRunner = createImportRunner({
    dbPath: options.dbPath,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    spawn:
      options.spawn ?? ((job, resourceLimits) => new Worker(options.workerPath, { workerData: job, resourceLimits })),
    onProgress: options.onProgress,
    ...(options.onIndexed ? { onIndexed: options.onIndexed } : {})
  })
  return {
    runImports: (sources, importOptions) => runner.importSources(sources, importOptions),
    async importFile(path) {
      const [report] = await runner.importFiles([path], importOptionsFor(options.library))
      return report ?? notImported(path, 'INTERNAL', 'No report')
    },
    stop: () => runner.stop(),
    indexWaiting: async () => {
      if (options.library.waitingForIndex() > 0) await runner.importSources([], {})
    }
  }
}
