// What sync asks of the library (Library.sync). Changes cross it as the records of
// src/main/sync/change.ts, named by paper keys; the rows behind them stay private.
import type { Change, DigestChange } from '../sync/change'
import type { DeviceCard } from '../sync/segment'
import type { ApplyOutcome } from './sync-apply'
import type { ClaimedSegment } from './sync-log'

export type { ApplyOutcome } from './sync-apply'
export type { ClaimedSegment } from './sync-log'

export interface SyncSelf {
  deviceId: string
  /** Null until named: the host name is used. */
  deviceName: string | null
  folderId: string | null
  folderPath: string | null
  /** Highest segment number this device wrote. */
  seq: number
  /** The segment number of this device's newest snapshot (0: none). */
  snapshotSeq: number
  lastSyncAt: string | null
  lastProblem: string | null
}

export interface SyncDevice {
  id: string
  name: string
  /** Highest segment number the device says it wrote. */
  seq: number
  /** How far this library has applied the device's log without a gap. */
  cursor: number
  /** How far the device has read each other log (from its card). */
  cursors: Record<string, number>
  snapshotSeq: number
  wroteAt: string | null
  syncedAt: string | null
  problem: string | null
}

export interface SyncCounts {
  /** Changes of this device not yet written to the folder. */
  outbox: number
  /** Other devices' changes about papers whose digest has not arrived. */
  waiting: number
  wantedDigests: number
  failedDigests: number
  conflicts: number
}

export interface SegmentToApply {
  device: string
  seq: number
  sum: string
  changes: readonly Change[]
  /** Snapshot parts do not move the device's cursor (startCursor does). */
  snapshot?: boolean
}

export interface SyncStore {
  self(): SyncSelf
  setDeviceName(name: string): void
  /** Ties the library to a folder id (found at `path`); refuses a second, different folder. */
  joinFolder(folderId: string, path: string): void
  claimOutbox(deviceName: string): ClaimedSegment[]
  segmentChanges(seq: number, deviceName: string): Change[]
  snapshotChanges(deviceName: string): Change[]
  unsentDigests(): { hash: string; fileName: string }[]
  digestBytes(hash: string): Uint8Array | null
  markDigestSent(hash: string): void
  wantedDigests(): DigestChange[]
  markDigest(hash: string, status: 'wanted' | 'imported' | 'failed', problem: string | null): void
  /** One transaction per segment; a segment applied before changes nothing. */
  applySegment(segment: SegmentToApply): ApplyOutcome
  retryWaiting(): ApplyOutcome
  hasSegment(device: string, seq: number, sum: string): boolean
  devices(): SyncDevice[]
  /** Remembers what the device's card says (its problem is set apart, by setDeviceProblem). */
  saveDevice(card: DeviceCard): void
  /** Starts a device's cursor at `seq` (its log up to there came in a snapshot). */
  startCursor(device: string, seq: number): number
  setDeviceProblem(device: string, problem: string | null): void
  finishSync(problem: string | null, snapshotSeq?: number): void
  counts(): SyncCounts
  /** Papers whose note holds a sync conflict. */
  conflicts(): number[]
  /** Keeps the note as it is now (markers and all, or as the reader edited it) and clears the flag. */
  resolveConflict(paperId: number): void
}
