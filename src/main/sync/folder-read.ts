// Reading the other devices' logs: each device's card, its segments past this library's
// cursor (conflicted copies too), or the newest snapshot covering it when the segments are gone.
import { join } from 'node:path'
import {
  DEVICE_CARD,
  deviceDir,
  listNames,
  readCapped,
  readSegmentName,
  snapshotPartName,
  snapshotsOf
} from './folder-files'
import { parseStamp } from './hlc'
import { parseDeviceCard, parseSegment, parseSnapshotPart, type SnapshotPart } from './segment'
import type { Change } from './change'
import type { Run } from './folder-run'

/** Stamps this far ahead of this machine's clock are worth a word: that device's clock is off. */
const CLOCK_AHEAD_MS = 60 * 60 * 1000

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

export function tallyApplied(run: Run, outcome: { applied: boolean; changed: number; conflicts: number }): void {
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

/** Applies the newest complete snapshot covering `device` past `cursor`; returns whether one was found. */
function catchUpFromSnapshot(run: Run, devices: readonly string[], device: string, cursor: number): boolean {
  let best: CompleteSnapshot | null = null
  for (const writer of devices) {
    for (const dirName of snapshotsOf(run.folder, writer).reverse()) {
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

export function readDevice(run: Run, devices: readonly string[], device: string): void {
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
