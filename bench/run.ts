// `npm run bench -- --papers N [--only AREA[,AREA]] [--digest-scale K] [--json] [--keep]`: builds a library from
// years of invented digests (streamed to disk, imported one by one as a reader's grows), then
// runs each area of bench/registry.ts against it. One JSON object on stdout; progress on stderr.
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openLibrary } from '../src/main/library'
import type { Library } from '../src/main/library/contract'
import { buildLibrary } from './build'
import { Corpus } from './corpus'
import { progress, round, timeMs } from './measure'
import { AREAS, type BenchContext } from './registry'
import { sizeOnDisk } from './storage'

interface Options {
  papers: number
  only: string[] | null
  /** Digest sizes times this (default 1: daily files of 150-800 papers). */
  digestScale: number
  json: boolean
  keep: boolean
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { papers: 100_000, only: null, digestScale: 1, json: false, keep: false }
  const names = AREAS.map((area) => area.name)
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--papers') {
      const parsed = Number(argv[++i])
      if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error('--papers needs a positive whole number')
      options.papers = parsed
    } else if (arg === '--only') {
      options.only = (argv[++i] ?? '').split(',').filter(Boolean)
      const unknown = options.only.filter((name) => !names.includes(name))
      if (unknown.length > 0 || options.only.length === 0) {
        throw new Error(`--only takes areas of ${names.join(', ')}; not "${unknown.join(', ')}"`)
      }
    } else if (arg === '--digest-scale') {
      options.digestScale = Number(argv[++i])
      if (!(options.digestScale >= 1 && options.digestScale <= 100)) throw new Error('--digest-scale takes 1 to 100')
    } else if (arg === '--json') options.json = true
    else if (arg === '--keep') options.keep = true
    else throw new Error(`unknown option ${arg} (use --papers N, --only AREA[,AREA], --digest-scale K, --json, --keep)`)
  }
  return options
}

function machine(): Record<string, unknown> {
  const db = new Database(':memory:')
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get()
  db.close()
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGb: round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    sqlite
  }
}

type Report = Record<string, Record<string, unknown> | undefined>

function targets(report: Report) {
  const figure = (area: string, key: string): number => (report[area]?.[key] as number | undefined) ?? Number.NaN
  const check = (target: string, value: number, met: (v: number) => boolean) =>
    Number.isNaN(value) ? undefined : { target, value, met: met(value) }
  return {
    searchP95Ms: check('< 50', figure('search', 'p95Ms'), (v) => v < 50),
    listPageP95Ms: check('< 10', figure('listPage', 'p95Ms'), (v) => v < 10),
    openMs: check('< 500', figure('open', 'firstMs'), (v) => v < 500),
    dailyMedianMs: check('< 50', figure('daily', 'medianMs'), (v) => v < 50),
    dailyMaxMs: check('< 250', figure('daily', 'maxMs'), (v) => v < 250),
    paperMs: check('< 2', figure('paper', 'p95Ms'), (v) => v < 2),
    bulkPapersPerSec: check('>= 10000', figure('import', 'papersPerSec'), (v) => v >= 10_000),
    bytesPerPaper: check('<= 2560', figure('sizeOnDisk', 'bytesPerPaper'), (v) => v <= 2_560)
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  const areas = AREAS.filter((area) =>
    options.only === null ? area.byDefault !== false : options.only.includes(area.name)
  )
  const dir = mkdtempSync(join(tmpdir(), 'dogear-bench-'))
  const libraryPath = join(dir, 'library.sqlite')
  const corpus = new Corpus()
  let library: Library | null = null
  const report: Report = {}
  /** Each area's wall time: what a run at a million spends where. */
  const areaWallMs: Record<string, number> = {}
  try {
    const needsLibrary = areas.some((area) => area.needsLibrary !== false)
    library = openLibrary(libraryPath)
    if (needsLibrary) {
      progress(`building a library of ${options.papers} papers`)
      const built = timeMs(() => buildLibrary(library!, dir, corpus, options.papers, options.digestScale))
      report.build = { ...built.value, wallMs: round(built.ms) }
    }
    for (const area of areas) {
      progress(`area ${area.name}`)
      const context: BenchContext = {
        library: library,
        libraryPath,
        dir,
        corpus,
        papers: library.stats().papers,
        requestedPapers: options.papers,
        reopen: () => {
          library = openLibrary(libraryPath)
          context.library = library
          return library
        }
      }
      const started = performance.now()
      const run = await area.run(context)
      report[area.name] = run
      areaWallMs[area.name] = round(performance.now() - started)
    }
    if (needsLibrary) report.sizeOnDisk = sizeOnDisk(libraryPath, library.stats().papers)
    const full = {
      machine: machine(),
      parameters: { papers: options.papers, digestScale: options.digestScale, areas: areas.map((area) => area.name) },
      loadAverage: loadavg().map(round),
      ...report,
      areaWallMs,
      peakRssMb: round(process.resourceUsage().maxRSS / 1024),
      targets: targets(report)
    }
    process.stdout.write(options.json ? `${JSON.stringify(full)}\n` : `${JSON.stringify(full, null, 2)}\n`)
  } finally {
    library?.close()
    if (options.keep) progress(`kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
