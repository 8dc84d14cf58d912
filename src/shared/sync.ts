// What the app shows about sync (Settings > Sync) and `dogear sync --status --json` prints.

export interface SyncDeviceStatus {
  id: string
  name: string
  /** When the device last wrote changes to the folder. */
  wroteAt: string | null
  /** When the device last synced with the folder. */
  syncedAt: string | null
  /** Segments the device wrote that this library has not applied yet. */
  behind: number
  problem: string | null
}

export interface SyncStatus {
  device: { id: string; name: string }
  /** The sync folder; null when sync is off. */
  folder: string | null
  lastSyncAt: string | null
  /** What went wrong in the last sync, for the reader; null when it went well. */
  problem: string | null
  /** Changes made here not yet written to the folder. */
  outbox: number
  /** Other devices' changes about papers whose digest has not arrived yet. */
  waiting: number
  digestsWaiting: number
  /** Notes holding two versions after a sync conflict (editing the note resolves it). */
  conflicts: number
  devices: SyncDeviceStatus[]
}
