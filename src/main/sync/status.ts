// What the reader is shown about sync: this device, the folder, the other devices and their lag.
import { hostname } from 'node:os'
import type { Library } from '../library/contract'

export interface SyncDeviceStatus {
  id: string
  name: string
  wroteAt: string | null
  syncedAt: string | null
  /** Segments the device wrote that this library has not applied yet. */
  behind: number
  problem: string | null
}

export interface SyncStatus {
  device: { id: string; name: string }
  folder: string | null
  lastSyncAt: string | null
  problem: string | null
  outbox: number
  waiting: number
  digestsWaiting: number
  conflicts: number
  devices: SyncDeviceStatus[]
}

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
