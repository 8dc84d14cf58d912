// Electron glue for sync: the folder dialog (the sync folder is chosen in main, never typed in
// by the page) and the service started with the app. The work is in src/main/sync.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { Library } from '../library/contract'
import { createSyncService, type SyncService } from '../sync/service'

export async function chooseSyncFolder(window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Choose Sync Folder',
    message: 'A folder that Syncthing, Dropbox, iCloud Drive or OneDrive keeps in step on your computers',
    properties: ['openDirectory', 'createDirectory']
  }
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return choice.canceled ? null : (choice.filePaths[0] ?? null)
}

/** Starts syncing (at once, after changes, when the folder changes); `onChanged` reloads the window's lists. */
export function startAppSync(library: Library, onChanged: () => void): SyncService {
  const service = createSyncService({ library, onChanged })
  service.start()
  return service
}
