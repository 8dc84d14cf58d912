// Sync speed: a day of triage (200 changes) written by one device and applied by another, and
// a new device joining a large library (every digest imported from the folder, every state
// change applied), with the sizes on disk. `benchSync()` is called from bench/run.ts;
// `tsx bench/sync.ts --papers N` runs it alone.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importFile } from '../src/main/ingest/pipeline'
import { openLibrary } from '../src/main/library'
import type { Library } from '../src/main/library/contract'
import { syncFolder } from '../src/main/sync/folder'
import { median, progress, round, timeMs } from './measure'
import { PaperFactory, hfDigestText } from './synthetic'

export interface SyncBenchOptions {
  papers: number
  /** State changes made on the first device before the second joins. */
  changes: number
  /** Papers per digest file. */
  digestSize: number
}

const SIZE_CAP = 2 ** 31

function folderBytes(path: string): number {
  let total = 0
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name)
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size
  }
  return total
}

function fileBytes(path: string): number {
  let total = 0
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(path + suffix).size
    } catch {
      // No WAL file.
    }
  }
  return total
}

const mb = (bytes: number): number => round(bytes / 2 ** 20)

/** A mix like a day of reading: mostly reads, some stars and unreads, a few notes. */
function triage(library: Library, ids: readonly number[], count: number, offset: number): void {
  for (let i = 0; i < count; i++) {
    const id = ids[(offset + i * 7919) % ids.length]!
    const kind = i % 10
    if (kind < 6) library.markRead([id], true)
    else if (kind < 8) library.setStarred([id], true)
    else if (kind < 9) library.markRead([id], false)
    else library.saveNote(id, `Triage note ${offset + i}: compare with the baseline in section 4.`)
  }
}

export function benchSync(options: SyncBenchOptions): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'dogear-bench-sync-'))
  const folder = join(dir, 'Sync')
  mkdirSync(folder)
  const laptop = openLibrary(join(dir, 'laptop.sqlite'))
  const opened: Library[] = [laptop]
  try {
    syncFolder(laptop, folder, { deviceName: 'laptop' })
    const factory = new PaperFactory(20261201)
    const digests = Math.ceil(options.papers / options.digestSize)
    progress(`sync: laptop imports ${options.papers} papers in ${digests} digests`)
    for (let d = 0; d < digests; d++) {
      const count = Math.min(options.digestSize, options.papers - d * options.digestSize)
      const path = join(dir, `digest-${d}.txt`)
      writeFileSync(
        path,
        hfDigestText(
          new Date(Date.UTC(2024, 0, 1 + d)),
          Array.from({ length: count }, () => factory.paper())
        )
      )
      const report = importFile(laptop, path, { sizeCapBytes: SIZE_CAP })
      if (!report.ok) throw new Error(report.error.message)
      rmSync(path)
    }
    const ids = laptop.exportAll().map((paper) => paper.id)
    progress(`sync: laptop makes ${options.changes} state changes and writes them`)
    triage(laptop, ids, options.changes, 0)
    const firstWrite = timeMs(() => syncFolder(laptop, folder, { deviceName: 'laptop' }))

    progress('sync: a new device joins')
    const desktop = openLibrary(join(dir, 'desktop.sqlite'))
    opened.push(desktop)
    const join_ = timeMs(() => syncFolder(desktop, folder, { deviceName: 'desktop', sizeCapBytes: SIZE_CAP }))
    if (desktop.stats().papers !== laptop.stats().papers) {
      throw new Error(`the new device has ${desktop.stats().papers} papers, not ${laptop.stats().papers}`)
    }
    syncFolder(laptop, folder, { deviceName: 'laptop' })

    progress('sync: days of triage')
    const write: number[] = []
    const apply: number[] = []
    for (let day = 1; day <= 5; day++) {
      triage(laptop, ids, 200, day * 1000)
      write.push(timeMs(() => syncFolder(laptop, folder, { deviceName: 'laptop' })).ms)
      apply.push(timeMs(() => syncFolder(desktop, folder, { deviceName: 'desktop' })).ms)
    }
    const folderSize = folderBytes(folder)
    const digestSize = folderBytes(join(folder, 'digests'))
    return {
      parameters: options,
      includes:
        'join: reading every segment, importing every digest file through importFile (parse, dedupe, FTS) ' +
        'and applying every change; triage: 200 changes (60% read, 20% star, 10% unread, 10% note) per day, ' +
        'write = the laptop syncing them out, apply = the desktop syncing them in; each a whole syncFolder()',
      firstWrite: {
        ms: round(firstWrite.ms),
        changes: firstWrite.value.written.changes,
        segments: firstWrite.value.written.segments
      },
      join: {
        ms: round(join_.ms),
        digestsImported: join_.value.digestsImported,
        changesApplied: join_.value.applied.changes,
        segments: join_.value.applied.segments
      },
      triage: {
        writeMedianMs: round(median(write)),
        applyMedianMs: round(median(apply)),
        totalMedianMs: round(median(write.map((w, i) => w + apply[i]!)))
      },
      sizes: {
        folderMb: mb(folderSize),
        digestsMb: mb(digestSize),
        logsMb: mb(folderSize - digestSize),
        laptopLibraryMb: mb(fileBytes(join(dir, 'laptop.sqlite'))),
        desktopLibraryMb: mb(fileBytes(join(dir, 'desktop.sqlite')))
      },
      targets: {
        triageMs: { target: '< 200 (write + apply)', met: median(write.map((w, i) => w + apply[i]!)) < 200 },
        joinMs: { target: '< 30000', met: join_.ms < 30_000 }
      }
    }
  } finally {
    for (const library of opened) library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('sync.ts')) {
  const papersAt = process.argv.indexOf('--papers')
  const papers = papersAt > 0 ? Number(process.argv[papersAt + 1]) : 100_000
  const result = benchSync({ papers, changes: Math.round(papers / 5), digestSize: 1000 })
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
}
