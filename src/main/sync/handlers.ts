// The sync operations of the contract (Settings > Sync), over the sync service.
import type { Handlers } from '../../shared/api'
import type { Library } from '../library/contract'
import type { SyncService } from './service'

type SyncHandlers = Pick<
  Handlers,
  'syncStatus' | 'syncNow' | 'chooseSyncFolder' | 'setSyncDeviceName' | 'resolveNoteConflict'
>

export function syncHandlers(
  library: Library,
  sync: SyncService,
  chooseFolder: (() => Promise<string | null>) | undefined
): SyncHandlers {
  return {
    syncStatus: () => sync.status(),
    syncNow: () => sync.syncNow(),
    chooseSyncFolder: async () => {
      const folder = chooseFolder ? await chooseFolder() : null
      return folder ? sync.syncNow(folder) : sync.status()
    },
    resolveNoteConflict: ({ id }) => {
      library.sync.resolveConflict(id)
      return null
    },
    setSyncDeviceName: ({ name }) => {
      library.sync.setDeviceName(name)
      return sync.status()
    }
  }
}
