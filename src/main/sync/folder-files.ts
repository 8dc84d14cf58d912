// The sync folder's layout and its file operations: every file is written whole under a
// temporary name and renamed into place, so a reader sees the old file or the new one, never
// half of one; and files the sync engine leaves around (its temp files, conflicted copies) are
// recognised by name.
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync
} from 'node:fs'
import { join } from 'node:path'
import { MAX_FILE_BYTES } from './segment'

export const MARKER_FILE = 'dogear-sync.json'
export const DEVICES_DIR = 'devices'
export const DIGESTS_DIR = 'digests'
export const DEVICE_CARD = 'device.json'

const DEVICE_ID = /^[0-9a-f]{32}$/

export function deviceDir(folder: string, device: string): string {
  return join(folder, DEVICES_DIR, device)
}

export function segmentName(seq: number): string {
  return `seg-${String(seq).padStart(10, '0')}.json`
}

export function snapshotDirName(seq: number): string {
  return `snapshot-${String(seq).padStart(10, '0')}`
}

export function snapshotPartName(part: number): string {
  return `part-${String(part).padStart(5, '0')}.json`
}

/** The digest file of a hash, keeping the original extension for people browsing the folder. */
export function digestPath(folder: string, hash: string, fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  const extension = dot > 0 ? fileName.slice(dot).toLowerCase() : ''
  return join(folder, DIGESTS_DIR, /^\.[a-z0-9]{1,10}$/.test(extension) ? `${hash}${extension}` : hash)
}

export interface SegmentFileName {
  seq: number
  /** A copy the sync engine made when two versions met ("seg-3 (conflicted copy).json", "seg-3.sync-conflict-...json"). */
  copy: boolean
  name: string
}

/** Reads a segment file name; null for anything else (temp files, strangers). */
export function readSegmentName(name: string): SegmentFileName | null {
  const match = /^seg-(\d{10})(.*)\.json$/.exec(name)
  if (!match) return null
  const rest = match[2]!
  if (rest === '') return { seq: Number(match[1]), copy: false, name }
  return /conflict/i.test(rest) ? { seq: Number(match[1]), copy: true, name } : null
}

/** A device's snapshot folders, oldest first. */
export function snapshotsOf(folder: string, device: string): string[] {
  return listNames(deviceDir(folder, device))
    .filter((name) => /^snapshot-\d{10}$/.test(name))
    .sort()
}

export function isDeviceId(name: string): boolean {
  return DEVICE_ID.test(name)
}

/** Lists a folder; a missing folder is empty. */
export function listNames(path: string): string[] {
  try {
    return readdirSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; problem: string }

/** Reads a folder file up to the cap, checked before reading. */
export function readCapped(path: string, cap = MAX_FILE_BYTES): ReadResult {
  try {
    const size = statSync(path).size
    if (size > cap) return { ok: false, problem: `it is ${size} bytes, over the limit of ${cap}` }
    return { ok: true, bytes: readFileSync(path) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { ok: false, problem: 'it disappeared while being read' }
    return { ok: false, problem: `it could not be read (${code ?? String(error)})` }
  }
}

/** Writes a file whole: a temporary file beside it, flushed to disk, then renamed over it. */
export function writeAtomically(path: string, data: string | Uint8Array): void {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  const temp = `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.${randomBytes(4).toString('hex')}.tmp`
  const fd = openSync(temp, 'w')
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    renameSync(temp, path)
  } catch (error) {
    unlinkSync(temp)
    throw error
  }
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // Already gone (another device compacted first, or the sync engine removed it).
  }
}
