// The files in the sync folder, as data: a segment (a slice of one device's log), a snapshot
// part (merged state, for devices that join late) and a device card. Nothing read from the
// folder is trusted: every file is size-capped and checked field by field before use, and a
// file that fails any check is refused whole, with the reason.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Change } from './change'
import { STAMP_PATTERN } from './hlc'

export const SEGMENT_FORMAT_VERSION = 1
/** Cap on one file read from the folder, checked before it is read. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024
/** Writers close a segment at this size, well under the cap. */
export const SEGMENT_TARGET_BYTES = 2 * 1024 * 1024
export const MAX_CHANGES_PER_FILE = 20_000
export const MAX_NOTE_CHARS = 1_000_000

const deviceId = z.string().regex(/^[0-9a-f]{32}$/)
const stamp = z.string().regex(STAMP_PATTERN)
const versionId = z.string().regex(/^\d{15}\.\d{5}@[0-9a-f]{32}$/)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const isoTime = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/)
const oneLine = (max: number): z.ZodString =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\n\r\0]*$/)

const paperKey = z.strictObject({
  arxiv: oneLine(64).optional(),
  doi: oneLine(512).optional(),
  title: z.string().max(2_000)
})

const field = z.union([
  z.literal('read'),
  z.literal('starred'),
  z.literal('trashed'),
  z.string().regex(/^tag:[^\n\r\0]{1,200}$/) as z.ZodType<`tag:${string}`>
])

const stamped = { at: stamp, device: deviceId }

const change: z.ZodType<Change> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mark'), ...stamped, paper: paperKey, field, value: z.boolean() }),
  z.strictObject({
    kind: z.literal('note'),
    ...stamped,
    paper: paperKey,
    version: versionId,
    parents: z.array(versionId).max(64),
    text: z.string().max(MAX_NOTE_CHARS),
    by: oneLine(100)
  }),
  z.strictObject({
    kind: z.literal('digest'),
    ...stamped,
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    fileName: oneLine(255).regex(/^[^/\\]+$/),
    format: z.string().regex(/^[a-z0-9-]{1,40}$/),
    date: isoDate.nullable(),
    modifiedAt: isoTime
  }),
  z.strictObject({
    kind: z.literal('value'),
    ...stamped,
    name: z.string().regex(/^(setting|search):[^\n\r\0]{1,200}$/),
    value: z.string().max(100_000).nullable()
  })
]) as unknown as z.ZodType<Change> // zod's inferred optional fields (`?: T | undefined`) are looser than Change's

const segmentFile = z.strictObject({
  dogear: z.literal('sync-segment'),
  version: z.literal(SEGMENT_FORMAT_VERSION),
  device: deviceId,
  seq: z.number().int().min(1).max(1e12),
  changes: z.array(change).max(MAX_CHANGES_PER_FILE),
  sum: z.string().regex(/^[0-9a-f]{64}$/)
})

const snapshotPart = z.strictObject({
  dogear: z.literal('sync-snapshot'),
  version: z.literal(SEGMENT_FORMAT_VERSION),
  device: deviceId,
  /** The snapshot holds every change of device D up to covers[D]. */
  covers: z.record(deviceId, z.number().int().min(0).max(1e12)),
  part: z.number().int().min(1).max(100_000),
  parts: z.number().int().min(1).max(100_000),
  changes: z.array(change).max(MAX_CHANGES_PER_FILE),
  sum: z.string().regex(/^[0-9a-f]{64}$/)
})

const deviceCard = z.strictObject({
  dogear: z.literal('sync-device'),
  version: z.literal(SEGMENT_FORMAT_VERSION),
  id: deviceId,
  name: oneLine(100),
  /** Highest segment number written. */
  seq: z.number().int().min(0).max(1e12),
  /** How far this device has read each other device's log. */
  cursors: z.record(deviceId, z.number().int().min(0).max(1e12)),
  /** The segment number the device's latest snapshot covers its own log to; 0 when none. */
  snapshot: z.number().int().min(0).max(1e12),
  wroteAt: isoTime.nullable(),
  syncedAt: isoTime
})

export type Segment = Omit<z.infer<typeof segmentFile>, 'changes'> & { changes: Change[] }
export type SnapshotPart = Omit<z.infer<typeof snapshotPart>, 'changes'> & { changes: Change[] }
export type DeviceCard = z.infer<typeof deviceCard>

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string }

function checksum(changes: readonly Change[]): string {
  return createHash('sha256').update(JSON.stringify(changes)).digest('hex')
}

function parseJson(bytes: Uint8Array): Parsed<unknown> {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, problem: `it is ${bytes.length} bytes, over the limit of ${MAX_FILE_BYTES}` }
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown }
  } catch {
    return { ok: false, problem: 'it is not complete JSON (a file still being copied, or damaged)' }
  }
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  return `it is not a valid sync file${where}: ${issue?.message ?? 'unknown problem'}`
}

function parseWith<T extends { version: number; changes?: Change[]; sum?: string }>(
  schema: z.ZodType<T>,
  bytes: Uint8Array
): Parsed<T> {
  const json = parseJson(bytes)
  if (!json.ok) return json
  const value = json.value
  if (typeof value === 'object' && value !== null && 'version' in value && typeof value.version === 'number') {
    if (value.version > SEGMENT_FORMAT_VERSION) {
      return { ok: false, problem: `it was written by a newer Dogear (sync format ${value.version})` }
    }
  }
  const result = schema.safeParse(value)
  if (!result.success) return { ok: false, problem: describe(result.error) }
  const parsed = result.data
  if (parsed.changes && parsed.sum !== checksum(parsed.changes)) {
    return { ok: false, problem: 'its checksum does not match its content' }
  }
  return { ok: true, value: parsed }
}

export function parseSegment(bytes: Uint8Array): Parsed<Segment> {
  const parsed = parseWith(segmentFile as unknown as z.ZodType<Segment>, bytes)
  if (!parsed.ok) return parsed
  const foreign = parsed.value.changes.find((c) => c.device !== parsed.value.device)
  if (foreign) return { ok: false, problem: `it holds a change by device ${foreign.device}, not by its writer` }
  return parsed
}

export function parseSnapshotPart(bytes: Uint8Array): Parsed<SnapshotPart> {
  return parseWith(snapshotPart as unknown as z.ZodType<SnapshotPart>, bytes)
}

export function parseDeviceCard(bytes: Uint8Array): Parsed<DeviceCard> {
  const json = parseJson(bytes)
  if (!json.ok) return json
  const result = deviceCard.safeParse(json.value)
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: describe(result.error) }
}

export function encodeSegment(device: string, seq: number, changes: Change[]): string {
  const segment: Segment = {
    dogear: 'sync-segment',
    version: SEGMENT_FORMAT_VERSION,
    device,
    seq,
    changes,
    sum: checksum(changes)
  }
  return JSON.stringify(segment)
}

export function encodeSnapshotPart(
  device: string,
  covers: Record<string, number>,
  part: number,
  parts: number,
  changes: Change[]
): string {
  const snapshot: SnapshotPart = {
    dogear: 'sync-snapshot',
    version: SEGMENT_FORMAT_VERSION,
    device,
    covers,
    part,
    parts,
    changes,
    sum: checksum(changes)
  }
  return JSON.stringify(snapshot)
}

export function encodeDeviceCard(card: Omit<DeviceCard, 'dogear' | 'version'>): string {
  return JSON.stringify({ dogear: 'sync-device', version: SEGMENT_FORMAT_VERSION, ...card })
}

/** Splits changes into groups that each encode to about `targetBytes` or fewer changes than the cap. */
export function chunkChanges(changes: readonly Change[], targetBytes = SEGMENT_TARGET_BYTES): Change[][] {
  const chunks: Change[][] = []
  let current: Change[] = []
  let size = 0
  for (const change of changes) {
    const bytes = Buffer.byteLength(JSON.stringify(change)) + 1
    if (current.length > 0 && (size + bytes > targetBytes || current.length >= MAX_CHANGES_PER_FILE)) {
      chunks.push(current)
      current = []
      size = 0
    }
    current.push(change)
    size += bytes
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}
