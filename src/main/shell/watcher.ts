// The watched folder as the shell runs it: at most one watcher, restarted when the folder
// setting changes, imports going through the app's import worker. createFolderWatcher comes
// in as an option so a test can see what is started and stopped.
import type { ImportFileReport } from '../../shared/model'
import { createFolderWatcher, type FolderWatcher, type FolderWatcherOptions } from '../ingest/watch-folder'

export interface WatchControlOptions {
  importFile(path: string): Promise<ImportFileReport>
  onReports(reports: ImportFileReport[]): void
  createWatcher?: (options: FolderWatcherOptions) => FolderWatcher
}

export interface WatchControl {
  /** Stops the current watcher (waiting for its scan), then watches `folder`; null only stops. */
  watch(folder: string | null): Promise<void>
  folder(): string | null
}

export function createWatchControl(options: WatchControlOptions): WatchControl {
  const create = options.createWatcher ?? createFolderWatcher
  let current: { folder: string; watcher: FolderWatcher } | null = null
  // Changes run one after another, so a quick off-on-off never leaves two watchers running.
  let queue: Promise<void> = Promise.resolve()
  return {
    watch(folder) {
      queue = queue.then(async () => {
        await current?.watcher.stop()
        current = null
        if (!folder) return
        const watcher = create({ folder, importFile: options.importFile, onReports: options.onReports })
        current = { folder, watcher }
        watcher.start()
      })
      return queue
    },
    folder: () => current?.folder ?? null
  }
}
