// One sync with a folder: copy this device's new digests and changes there, read every other
// device's log, import the digests they added, and tidy up. Plain Node; the library does the
// SQL (Library.sync), src/main/ingest imports the digests. Every problem the folder or the
// sync engine causes ends in a clear message in the report, never in half-applied state.
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync, accessSync, constants } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Library } from '../library/contract'
import type { SyncStore } from '../library/sync-contract'
import { DEFAULT_SIZE_CAP_BYTES, importFile } from '../ingest/pipeline'
import { messageOf } from '../../shared/errors'
import {
  DEVICE_CARD,
  DEVICES_DIR,
  DIGESTS_DIR,
  MARKER_FILE,
  deviceDir,
  digestPath,
  isDeviceId,
  listNames,
  readCapped,
  readSegmentName,
  removeQuietly,
  segmentName,
  snapshotDirName,
  snapshotPartName,
  writeAtomically
} from './folder-files'
import { parseStamp } from './hlc'
import {
  chunkChanges,
  encodeDeviceCard,
  encodeSegment,
  encodeSnapshotPart,
  parseDeviceCard,
  parseSegment,
  parseSnapshotPart,
  type DeviceCard,
  type SnapshotPart
} from './segment'
import type { Change } from './change'

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

const SNAPSHOT_EVERY = 32
/** Stamps this far ahead of this machine's clock are worth a word: that device's clock is off. */
const CLOCK_AHEAD_MS = 60 * 60 * 1000

interface Run {
  library: Library
  store: SyncStore
  folder: string
  self: string
  name: string
  now: () => Date
  report: SyncReport
  writable: boolean
}

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

// ---- writing this device's log ----

function sendDigests(run: Run): void {
  for (const { hash, fileName } of run.store.unsentDigests()) {
    const bytes = run.store.digestBytes(hash)
    if (bytes) writeAtomically(digestPath(run.folder, hash, fileName), bytes)
    run.store.markDigestSent(hash)
    run.report.written.digests++
  }
}

function writeSegment(run: Run, seq: number, changes: Change[]): void {
  writeAtomically(join(deviceDir(run.folder, run.self), segmentName(seq)), encodeSegment(run.self, seq, changes))
}

function writeOwnLog(run: Run): void {
  mkdirSync(join(run.folder, DIGESTS_DIR), { recursive: true })
  mkdirSync(deviceDir(run.folder, run.self), { recursive: true })
  sendDigests(run)
  for (const segment of run.store.claimOutbox(run.name)) {
    writeSegment(run, segment.seq, segment.changes)
    run.report.written.segments++
    run.report.written.changes += segment.changes.length
  }
  // A crash between claiming and writing, or a file the sync engine lost: write it again.
  const { seq, snapshotSeq } = run.store.self()
  const present = new Set(listNames(deviceDir(run.folder, run.self)))
  for (let n = snapshotSeq + 1; n <= seq; n++) {
    if (!present.has(segmentName(n))) writeSegment(run, n, run.store.segmentChanges(n, run.name))
  }
}

// ---- reading other devices ----

function warnAboutClock(run: Run, deviceName: string, changes: readonly Change[]): void {
  const now = run.now().getTime()
  let latest = 0
  for (const change of changes) latest = Math.max(latest, parseStamp(change.at).wall)
  if (latest - now > CLOCK_AHEAD_MS) {
    const hours = Math.round((latest - now) / 3_600_000)
    const message = `${deviceName}'s changes are dated about ${hours} h ahead of this computer's clock: check the clock of one of them (the merge stays correct)`
    if (!run.report.problems.includes(message)) run.report.problems.push(message)
  }
}

function tallyApplied(run: Run, outcome: { applied: boolean; changed: number; conflicts: number }): void {
  if (!outcome.applied) return
  run.report.applied.segments++
  run.report.applied.changes += outcome.changed
  run.report.applied.conflicts += outcome.conflicts
}

interface CompleteSnapshot {
  device: string
  seq: number
  covers: Record<string, number>
  parts: SnapshotPart[]
}

/** A snapshot whose parts are all present and valid; null while any is missing or damaged. */
function readSnapshot(run: Run, device: string, dirName: string): CompleteSnapshot | null {
  const seq = Number(dirName.slice('snapshot-'.length))
  const dir = join(deviceDir(run.folder, device), dirName)
  const first = readCapped(join(dir, snapshotPartName(1)))
  if (!first.ok) return null
  const head = parseSnapshotPart(first.bytes)
  if (!head.ok || head.value.device !== device) return null
  const parts: SnapshotPart[] = [head.value]
  for (let part = 2; part <= head.value.parts; part++) {
    const read = readCapped(join(dir, snapshotPartName(part)))
    if (!read.ok) return null
    const parsed = parseSnapshotPart(read.bytes)
    if (!parsed.ok || parsed.value.device !== device || parsed.value.parts !== head.value.parts) return null
    parts.push(parsed.value)
  }
  return { device, seq, covers: head.value.covers, parts }
}

function snapshotsOf(run: Run, device: string): string[] {
  return listNames(deviceDir(run.folder, device))
    .filter((name) => /^snapshot-\d{10}$/.test(name))
    .sort()
}

/** Applies the newest complete snapshot covering `device` past `cursor`; returns whether one was found. */
function catchUpFromSnapshot(run: Run, devices: readonly string[], device: string, cursor: number): boolean {
  let best: CompleteSnapshot | null = null
  for (const writer of devices) {
    for (const dirName of snapshotsOf(run, writer).reverse()) {
      const snapshot = readSnapshot(run, writer, dirName)
      if (!snapshot) continue
      if ((snapshot.covers[device] ?? 0) > cursor && (!best || snapshot.covers[device]! > best.covers[device]!)) {
        best = snapshot
      }
      break
    }
  }
  if (!best) return false
  for (const part of best.parts) {
    const outcome = run.store.applySegment({
      device: best.device,
      seq: -(best.seq * 100_000 + part.part),
      sum: part.sum,
      changes: part.changes,
      snapshot: true
    })
    tallyApplied(run, outcome)
  }
  // Devices not read yet get their cursor when their turn comes (the snapshot is then applied already).
  for (const [covered, seq] of Object.entries(best.covers)) {
    if (covered !== run.self) run.store.startCursor(covered, seq)
  }
  return true
}

function readDevice(run: Run, devices: readonly string[], device: string): void {
  const dir = deviceDir(run.folder, device)
  const cardRead = readCapped(join(dir, DEVICE_CARD))
  const card = cardRead.ok ? parseDeviceCard(cardRead.bytes) : null
  if (!card?.ok || card.value.id !== device) {
    const why = cardRead.ok ? (card && !card.ok ? card.problem : 'it names another device') : cardRead.problem
    run.report.problems.push(`${join(dir, DEVICE_CARD)} was skipped: ${why}`)
    return
  }
  const name = card.value.name
  run.store.saveDevice(card.value)
  const problems: string[] = []

  const segments = listNames(dir)
    .map(readSegmentName)
    .filter((s) => s !== null)
    .sort((a, b) => a.seq - b.seq || Number(a.copy) - Number(b.copy))
  let cursor = run.store.devices().find((d) => d.id === device)?.cursor ?? 0
  const hasNext = segments.some((s) => s.seq === cursor + 1 && !s.copy)
  if (!hasNext && (card.value.seq > cursor || segments.some((s) => s.seq > cursor))) {
    if (catchUpFromSnapshot(run, devices, device, cursor)) {
      cursor = run.store.devices().find((d) => d.id === device)?.cursor ?? cursor
    }
  }
  for (const file of segments) {
    if (file.seq <= cursor && !file.copy) continue
    const path = join(dir, file.name)
    const read = readCapped(path)
    const parsed = read.ok ? parseSegment(read.bytes) : read
    if (!parsed.ok) {
      problems.push(`${path} was skipped: ${parsed.problem}`)
      continue
    }
    const segment = parsed.value
    if (segment.device !== device || segment.seq !== file.seq) {
      problems.push(`${path} was skipped: it holds segment ${segment.seq} of device ${segment.device}`)
      continue
    }
    if (run.store.hasSegment(device, segment.seq, segment.sum)) continue
    warnAboutClock(run, name, segment.changes)
    tallyApplied(run, run.store.applySegment({ device, seq: segment.seq, sum: segment.sum, changes: segment.changes }))
  }
  cursor = run.store.devices().find((d) => d.id === device)?.cursor ?? cursor
  if (card.value.seq > cursor) {
    problems.push(`${name}: segments ${cursor + 1} to ${card.value.seq} have not all arrived yet`)
  }
  run.store.setDeviceProblem(device, problems.length > 0 ? problems.join('; ') : null)
  run.report.problems.push(...problems)
}

// ---- digests other devices added ----

function importWantedDigests(run: Run, sizeCap: number): void {
  const wanted = run.store.wantedDigests()
  if (wanted.length === 0) return
  const work = mkdtempSync(join(tmpdir(), 'dogear-sync-'))
  try {
    for (const digest of wanted) {
      const source = digestPath(run.folder, digest.hash, digest.fileName)
      const read = readCapped(source, sizeCap)
      if (!read.ok || createHash('sha256').update(read.bytes).digest('hex') !== digest.hash) {
        run.report.digestsWaiting++
        continue
      }
      // A copy named as on the other device, dated as there: year-less dates read the same.
      const dir = join(work, digest.hash)
      mkdirSync(dir)
      const copy = join(dir, digest.fileName)
      writeFileSync(copy, read.bytes)
      const modified = new Date(digest.modifiedAt)
      utimesSync(copy, modified, modified)
      const result = importFile(run.library, copy, {
        format: digest.format as never,
        date: digest.date,
        sizeCapBytes: sizeCap
      })
      if (result.ok) {
        run.store.markDigest(digest.hash, 'imported', null)
        run.report.digestsImported++
      } else {
        run.store.markDigest(digest.hash, 'failed', result.error.message)
        run.report.problems.push(
          `The digest ${digest.fileName} from another device could not be imported: ${result.error.message}`
        )
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

// ---- snapshots and compaction ----

function writeSnapshot(run: Run): number {
  const { seq } = run.store.self()
  const covers: Record<string, number> = { [run.self]: seq }
  for (const device of run.store.devices()) covers[device.id] = device.cursor
  const chunks = chunkChanges(run.store.snapshotChanges(run.name))
  const dir = join(deviceDir(run.folder, run.self), snapshotDirName(seq))
  mkdirSync(dir, { recursive: true })
  chunks.forEach((changes, index) => {
    writeAtomically(
      join(dir, snapshotPartName(index + 1)),
      encodeSnapshotPart(run.self, covers, index + 1, Math.max(1, chunks.length), changes)
    )
  })
  if (chunks.length === 0) {
    writeAtomically(join(dir, snapshotPartName(1)), encodeSnapshotPart(run.self, covers, 1, 1, []))
  }
  return seq
}

/** Removes own segments every known device has read and a snapshot covers; keeps two snapshots. */
function compact(run: Run, snapshotSeq: number): void {
  const devices = run.store.devices()
  const readByAll = Math.min(snapshotSeq, ...devices.map((d) => d.cursors[run.self] ?? 0))
  const dir = deviceDir(run.folder, run.self)
  for (const name of listNames(dir)) {
    const file = readSegmentName(name)
    if (file && file.seq <= readByAll) {
      removeQuietly(join(dir, name))
      run.report.segmentsRemoved++
    }
  }
  const snapshots = snapshotsOf(run, run.self)
  for (const old of snapshots.slice(0, -2)) rmSync(join(dir, old), { recursive: true, force: true })
}

// ---- the whole sync ----

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
