// One sync's shared state and report, passed to each of its steps (folder-write.ts,
// folder-read.ts, folder-digests.ts; folder.ts runs them in order).
import type { Library } from '../library/contract'
import type { SyncStore } from '../library/sync-contract'

export interface SyncOptions {
  /** This device's name; defaults to the name stored in the library, else the host name. */
  deviceName?: string
  now?: () => Date
  /** Cap for digest files imported from the folder. */
  sizeCapBytes?: number
  /** Write a snapshot after this many own segments since the last one. */
  snapshotEvery?: number
}

export interface SyncReport {
  folder: string
  device: { id: string; name: string }
  written: { changes: number; segments: number; digests: number; snapshot: boolean }
  applied: { segments: number; changes: number; conflicts: number }
  digestsImported: number
  /** Other devices' digests whose files have not arrived yet. */
  digestsWaiting: number
  /** Other devices' changes about papers not in this library yet. */
  changesWaiting: number
  segmentsRemoved: number
  /** Things the reader should know; the sync still did all it could. */
  problems: string[]
}

/** Refused before anything is read or written: the folder cannot be used at all. */
export class SyncFolderError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SyncFolderError'
  }
}

export interface Run {
  library: Library
  store: SyncStore
  folder: string
  self: string
  name: string
  now: () => Date
  report: SyncReport
  writable: boolean
}
