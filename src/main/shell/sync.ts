// Electron glue for sync: the folder dialog (the sync folder is chosen in main, never typed in
// by the page) and the service started with the app. The work is in src/main/sync.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { Library } from '../library/contract'
import { Worker } from 'node:worker_threads'
import { createSyncService, type SyncService } from '../sync/service'
import { createWorkerSyncRunner, type SyncWorkerData } from '../sync/sync-runner'

export async function chooseSyncFolder(window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Choose Sync Folder',
    message: 'A folder that Syncthing, Dropbox, iCloud Drive or OneDrive keeps in step on your computers',
    properties: ['openDirectory', 'createDirectory']
  }
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return choice.canceled ? null : (choice.filePaths[0] ?? null)
}

/**
 * Starts syncing (at once, after changes, when the folder changes) in the sync worker
 * (out/main/sync-worker.js); `onChanged` reloads the window's lists.
 */
export function startAppSync(
  library: Library,
  worker: SyncWorkerData & { workerPath: string },
  onChanged: () => void
): SyncService {
  const { workerPath, ...workerData } = worker
  const runSync = createWorkerSyncRunner(() => new Worker(workerPath, { workerData }))
  const service = createSyncService({ library, onChanged, runSync })
  service.start()
  return service
}
