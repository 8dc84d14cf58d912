// Writing this device's log: its digest files, its new segments (again when a crash or the
// sync engine lost one), snapshots of the merged state, and the compaction of old segments.
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  DIGESTS_DIR,
  deviceDir,
  digestPath,
  listNames,
  readSegmentName,
  removeQuietly,
  segmentName,
  snapshotDirName,
  snapshotPartName,
  snapshotsOf,
  writeAtomically
} from './folder-files'
import { chunkChanges, encodeSegment, encodeSnapshotPart } from './segment'
import type { Change } from './change'
import type { Run } from './folder-run'

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

export function writeOwnLog(run: Run): void {
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

export function writeSnapshot(run: Run): number {
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
export function compact(run: Run, snapshotSeq: number): void {
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
  const snapshots = snapshotsOf(run.folder, run.self)
  for (const old of snapshots.slice(0, -2)) rmSync(join(dir, old), { recursive: true, force: true })
}
