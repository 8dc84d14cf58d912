// One sync with a folder: copy this device's new digests and changes there, read every other
// device's log, import the digests they added, and tidy up. Plain Node; the library does the
// SQL (Library.sync), src/main/ingest imports the digests. Every problem the folder or the
// sync engine causes ends in a clear message in the report, never in half-applied state.
import { randomBytes } from 'node:crypto'
import { statSync, accessSync, constants } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import type { Library } from '../library/contract'
import type { SyncStore } from '../library/sync-contract'
import { DEFAULT_SIZE_CAP_BYTES } from '../ingest/pipeline'
import { messageOf } from '../../shared/errors'
import {
  DEVICE_CARD,
  DEVICES_DIR,
  MARKER_FILE,
  deviceDir,
  isDeviceId,
  listNames,
  readCapped,
  writeAtomically
} from './folder-files'
import { encodeDeviceCard, parseDeviceCard, type DeviceCard } from './segment'
import { SyncFolderError, type Run, type SyncOptions, type SyncReport } from './folder-run'
import { compact, writeOwnLog, writeSnapshot } from './folder-write'
import { readDevice } from './folder-read'
import { importWantedDigests } from './folder-digests'

export { SyncFolderError, type SyncOptions, type SyncReport } from './folder-run'

const SNAPSHOT_EVERY = 32

function checkFolder(folder: string): void {
  let isDirectory: boolean
  try {
    isDirectory = statSync(folder).isDirectory()
  } catch {
    throw new SyncFolderError(
      `${folder} does not exist (was it moved, renamed or not mounted?). Choose the sync folder again.`
    )
  }
  if (!isDirectory) throw new SyncFolderError(`${folder} is a file, not a folder`)
}

function isWritable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Reads the folder's marker or, for a folder new to Dogear, creates it. */
function folderId(folder: string, store: SyncStore, writable: boolean): string {
  const path = join(folder, MARKER_FILE)
  const read = readCapped(path, 4096)
  if (read.ok) {
    try {
      const marker = JSON.parse(read.bytes.toString('utf8')) as { dogear?: unknown; id?: unknown }
      if (marker.dogear === 'sync-folder' && typeof marker.id === 'string' && /^[0-9a-f]{32}$/.test(marker.id)) {
        return marker.id
      }
    } catch {
      // Reported below.
    }
    throw new SyncFolderError(`${path} is not a Dogear sync folder marker (damaged?)`)
  }
  const known = store.self().folderId
  if (known !== null) {
    throw new SyncFolderError(
      `${folder} holds no ${MARKER_FILE}: this is not the folder this library syncs with, or its Dogear files were deleted`
    )
  }
  if (!writable) throw new SyncFolderError(`${folder} is read-only: Dogear cannot set it up for sync`)
  const id = randomBytes(16).toString('hex')
  writeAtomically(path, JSON.stringify({ dogear: 'sync-folder', version: 1, id }))
  return id
}

function readOwnCard(run: Run): DeviceCard | null {
  const read = readCapped(join(deviceDir(run.folder, run.self), DEVICE_CARD))
  if (!read.ok) return null
  const parsed = parseDeviceCard(read.bytes)
  return parsed.ok ? parsed.value : null
}

export function syncFolder(library: Library, folderAsGiven: string, options: SyncOptions = {}): SyncReport {
  const store = library.sync
  const folder = resolve(folderAsGiven)
  const now = options.now ?? (() => new Date())
  let writable: boolean
  try {
    checkFolder(folder)
    writable = isWritable(folder)
    store.joinFolder(folderId(folder, store, writable), folder)
  } catch (error) {
    store.finishSync(messageOf(error))
    throw error instanceof SyncFolderError ? error : new SyncFolderError(messageOf(error))
  }
  const self = store.self()
  if (options.deviceName !== undefined && options.deviceName !== self.deviceName)
    store.setDeviceName(options.deviceName)
  const name = options.deviceName ?? self.deviceName ?? hostname()
  const report: SyncReport = {
    folder,
    device: { id: self.deviceId, name },
    written: { changes: 0, segments: 0, digests: 0, snapshot: false },
    applied: { segments: 0, changes: 0, conflicts: 0 },
    digestsImported: 0,
    digestsWaiting: 0,
    changesWaiting: 0,
    segmentsRemoved: 0,
    problems: []
  }
  const run: Run = { library, store, folder, self: self.deviceId, name, now, report, writable }
  try {
    const ownCard = readOwnCard(run)
    if (writable) writeOwnLog(run)
    else report.problems.push(`${folder} is read-only: this device's changes wait here until it can write there`)

    const devices = listNames(join(folder, DEVICES_DIR)).filter((id) => isDeviceId(id) && id !== run.self)
    for (const device of devices) readDevice(run, [...devices, run.self], device)
    importWantedDigests(run, options.sizeCapBytes ?? DEFAULT_SIZE_CAP_BYTES)
    const retried = store.retryWaiting()
    report.applied.changes += retried.changed
    report.applied.conflicts += retried.conflicts

    let snapshotSeq: number | undefined
    const current = store.self()
    if (writable && current.seq - current.snapshotSeq >= (options.snapshotEvery ?? SNAPSHOT_EVERY)) {
      snapshotSeq = writeSnapshot(run)
      report.written.snapshot = true
    }
    if (writable) {
      compact(run, snapshotSeq ?? current.snapshotSeq)
      const cursors: Record<string, number> = {}
      for (const device of store.devices()) cursors[device.id] = device.cursor
      const wroteAt = report.written.segments > 0 ? now().toISOString() : (ownCard?.wroteAt ?? null)
      writeAtomically(
        join(deviceDir(folder, run.self), DEVICE_CARD),
        encodeDeviceCard({
          id: run.self,
          name,
          seq: current.seq,
          cursors,
          snapshot: snapshotSeq ?? current.snapshotSeq,
          wroteAt,
          syncedAt: now().toISOString()
        })
      )
    }
    const counts = store.counts()
    report.changesWaiting = counts.waiting
    report.digestsWaiting = counts.wantedDigests
    store.finishSync(report.problems.length > 0 ? report.problems.join('\n') : null, snapshotSeq)
    return report
  } catch (error) {
    const message = folderProblem(folder, error)
    store.finishSync(message)
    throw new SyncFolderError(message)
  }
}

function folderProblem(folder: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `${folder} cannot be written (${code}): this device's changes stay in its outbox until it can`
  }
  if (code === 'ENOENT') return `${folder} changed while syncing (a file or folder vanished): sync again`
  if (code === 'ENOSPC') return `${folder} is full: this device's changes stay in its outbox`
  return `sync with ${folder} failed: ${messageOf(error)}`
}
