// What the reader is shown about sync: this device, the folder, the other devices and their lag.
import { hostname } from 'node:os'
import type { Library } from '../library/contract'
import type { SyncStatus } from '../../shared/sync'

export type { SyncStatus } from '../../shared/sync'

export function syncStatus(library: Library): SyncStatus {
  const self = library.sync.self()
  const counts = library.sync.counts()
  return {
    device: { id: self.deviceId, name: self.deviceName ?? hostname() },
    folder: self.folderPath,
    lastSyncAt: self.lastSyncAt,
    problem: self.lastProblem,
    outbox: counts.outbox,
    waiting: counts.waiting,
    digestsWaiting: counts.wantedDigests,
    conflicts: counts.conflicts,
    devices: library.sync.devices().map((device) => ({
      id: device.id,
      name: device.name,
      wroteAt: device.wroteAt,
      syncedAt: device.syncedAt,
      behind: Math.max(0, device.seq - device.cursor),
      problem: device.problem
    }))
  }
}
