// The watched folder: an inbox for digests. Every file saved there is imported once, when its
// size has stopped changing, then moved into `done/` (or `failed/`, with the error shown in
// the app). Polling a single folder every few seconds is cheap and behaves the same on every
// platform and network drive, unlike fs.watch. Plain Node: no electron here.
import type { Dirent } from 'node:fs'
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { ImportFileReport } from '../../shared/model'
import { messageOf } from '../../shared/errors'
import { notImported } from './reports'

export const DONE_FOLDER = 'done'
export const FAILED_FOLDER = 'failed'

/**
 * Names the file being imported while its import runs. Found at the next look, it means that
 * import never finished (the app crashed or was killed): the file is moved to failed/ with a
 * note, not tried again, so one bad file cannot stop the app at every start.
 */
export const IMPORTING_MARKER = '.dogear-importing'

/** Codes of imports that ended the worker: their files are quarantined with a note of the error. */
const QUARANTINED_CODES = new Set(['IMPORT_CRASHED', 'TIMED_OUT'])

/** Browsers and editors write to these names first and rename when the file is complete. */
const PARTIAL_SUFFIXES = ['.part', '.partial', '.crdownload', '.download', '.tmp', '.temp', '.swp', '~']

/** Files the watcher leaves alone: hidden files, unfinished downloads, editor leftovers. */
export function isCandidateName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~$')) return false
  const lower = name.toLowerCase()
  return !PARTIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix))
}

const EMPTY_FILE_PATIENCE = 20

export interface FileSighting {
  name: string
  size: number
  mtimeMs: number
}

export interface Observation {
  size: number
  mtimeMs: number
  /** When the file was first seen with this size and time. */
  since: number
}

/**
 * Folds one look at the folder into what was seen before. A file is ready once it has kept
 * the same size and modification time for `stableMs`: a file still being written is not.
 */
export function observe(
  previous: ReadonlyMap<string, Observation>,
  sightings: readonly FileSighting[],
  now: number,
  stableMs: number
): { seen: Map<string, Observation>; ready: string[] } {
  const seen = new Map<string, Observation>()
  const ready: string[] = []
  for (const { name, size, mtimeMs } of sightings) {
    const before = previous.get(name)
    const unchanged = before !== undefined && before.size === size && before.mtimeMs === mtimeMs
    const observation = unchanged ? before : { size, mtimeMs, since: now }
    seen.set(name, observation)
    // An empty file is usually one about to be written; only a long-empty one is taken (and fails).
    const wait = size > 0 ? stableMs : stableMs * EMPTY_FILE_PATIENCE
    if (unchanged && now - observation.since >= wait) ready.push(name)
  }
  return { seen, ready: ready.sort() }
}

/** `digest.txt`, or `digest (2).txt` when done/ already holds one. */
export function freeName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name
  const extension = extname(name)
  const stem = extension ? name.slice(0, -extension.length) : name
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${extension}`
    if (!taken(candidate)) return candidate
  }
}

export interface FolderWatcherOptions {
  folder: string
  /** Imports one file (in the app: through the import worker). */
  importFile(path: string): Promise<ImportFileReport>
  /** Everything one look at the folder did, failures included; never called with nothing. */
  onReports(reports: ImportFileReport[]): void
  intervalMs?: number
  stableMs?: number
  now?: () => number
}

export interface FolderWatcher {
  /** Looks at the folder once and imports what is ready; resolves when done. */
  scan(): Promise<void>
  start(): void
  /** Stops polling and waits for a scan in progress. */
  stop(): Promise<void>
}

const failure = notImported

export function createFolderWatcher(options: FolderWatcherOptions): FolderWatcher {
  const { folder } = options
  const intervalMs = options.intervalMs ?? 2000
  const stableMs = options.stableMs ?? 1500
  const now = options.now ?? Date.now
  let seen = new Map<string, Observation>()
  /** Files that could not be moved away: not imported again while they stay as they are. */
  const stuck = new Map<string, string>()
  let lastFolderError: string | null = null
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null

  async function look(): Promise<FileSighting[]> {
    const entries: Dirent[] = await readdir(folder, { withFileTypes: true })
    const sightings: FileSighting[] = []
    for (const entry of entries) {
      if (!entry.isFile() || !isCandidateName(entry.name)) continue
      try {
        const stats = await stat(join(folder, entry.name))
        sightings.push({ name: entry.name, size: stats.size, mtimeMs: stats.mtimeMs })
      } catch {
        // Gone between readdir and stat: it was moved or deleted; nothing to do.
      }
    }
    return sightings
  }

  async function moveInto(subfolder: string, name: string, note?: string): Promise<void> {
    const target = join(folder, subfolder)
    await mkdir(target, { recursive: true })
    const existing = new Set(await readdir(target))
    const free = freeName(name, (candidate) => existing.has(candidate) || existing.has(`${candidate}.error.txt`))
    await rename(join(folder, name), join(target, free))
    if (note !== undefined) await writeFile(join(target, `${free}.error.txt`), `${note}\n`)
  }

  const marker = join(folder, IMPORTING_MARKER)

  /** The file an import was started on and never finished, moved to failed/ with a note. */
  async function quarantineUnfinished(): Promise<ImportFileReport[]> {
    let name: string
    try {
      name = (await readFile(marker, 'utf8')).trim()
    } catch {
      return []
    }
    await rm(marker, { force: true })
    const path = join(folder, name)
    const message =
      `${path}: Dogear stopped while importing this file (it crashed or was closed), so it was moved to ` +
      `${FAILED_FOLDER}/ and will not be tried again. Import it by hand to see what is wrong with it.`
    try {
      await moveInto(FAILED_FOLDER, name, message)
    } catch {
      return []
    }
    return [failure(path, 'IMPORT_CRASHED', message)]
  }

  async function handle(name: string): Promise<ImportFileReport[]> {
    const path = join(folder, name)
    await writeFile(marker, name)
    const report = await options.importFile(path)
    const subfolder = report.ok ? DONE_FOLDER : FAILED_FOLDER
    const note = !report.ok && QUARANTINED_CODES.has(report.error.code) ? report.error.message : undefined
    try {
      await moveInto(subfolder, name, note)
      await rm(marker, { force: true })
      return [report]
    } catch (error) {
      await rm(marker, { force: true })
      const observation = seen.get(name)
      if (observation) stuck.set(name, `${observation.size}:${observation.mtimeMs}`)
      return [
        report,
        failure(path, 'WATCH_MOVE_FAILED', `Could not move the file into ${subfolder}/: ${messageOf(error)}`)
      ]
    }
  }

  async function scanOnce(): Promise<void> {
    let sightings: FileSighting[]
    try {
      sightings = await look()
      lastFolderError = null
    } catch (error) {
      const message = `Cannot read the watched folder: ${messageOf(error)}`
      // Said once, not every few seconds while the folder stays unavailable.
      if (message !== lastFolderError) options.onReports([failure(folder, 'WATCH_FAILED', message)])
      lastFolderError = message
      return
    }
    const quarantined = await quarantineUnfinished()
    if (quarantined.length > 0) {
      options.onReports(quarantined)
      return
    }
    const result = observe(seen, sightings, now(), stableMs)
    seen = result.seen
    for (const name of stuck.keys()) if (!seen.has(name)) stuck.delete(name)
    const reports: ImportFileReport[] = []
    for (const name of result.ready) {
      const observation = seen.get(name)
      if (observation && stuck.get(name) === `${observation.size}:${observation.mtimeMs}`) continue
      reports.push(...(await handle(name)))
      seen.delete(name)
    }
    if (reports.length > 0) options.onReports(reports)
  }

  function scan(): Promise<void> {
    running ??= scanOnce().finally(() => {
      running = null
    })
    return running
  }

  return {
    scan,
    start() {
      if (timer) return
      void scan()
      timer = setInterval(() => void scan(), intervalMs)
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = null
      await running
    }
  }
}
