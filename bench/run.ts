// `npm run bench -- --papers N [--json]`: builds synthetic Hugging Face digests, imports them
// the way `dogear import` does, and times the library's hot paths. One JSON object on stdout
// with --json; progress on stderr.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { importFile } from '../src/main/ingest/pipeline'
import { parserFor } from '../src/main/import/formats'
import type { ParseResult } from '../src/main/import/types'
import { openLibrary } from '../src/main/library'
import type { Library } from '../src/main/library/contract'
import type { PaperSort } from '../src/shared/model'
import { CASES } from './cases'
import { benchMemory } from './memory'
import { benchRecommend } from './recommend'
import { median, percentile, progress, round, timeMs } from './measure'
import { rawBoundInsert } from './raw-bound'
import { PaperFactory, hfDigestText, randomSource, type SyntheticPaper } from './synthetic'

interface Options {
  papers: number
  dailyDigests: number
  dailySize: number
  json: boolean
  keep: boolean
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { papers: 100_000, dailyDigests: 50, dailySize: 100, json: false, keep: false }
  const number = (flag: string, value: string | undefined): number => {
    const parsed = Number(value)
    if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`${flag} needs a positive whole number`)
    return parsed
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--papers') options.papers = number(arg, argv[++i])
    else if (arg === '--daily') options.dailyDigests = number(arg, argv[++i])
    else if (arg === '--daily-size') options.dailySize = number(arg, argv[++i])
    else if (arg === '--json') options.json = true
    else if (arg === '--keep') options.keep = true
    else throw new Error(`unknown option ${arg} (use --papers N, --daily N, --daily-size N, --json, --keep)`)
  }
  return options
}

const BULK_DATE = new Date(Date.UTC(2024, 0, 15))
const SIZE_CAP = 2 ** 31

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
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

function parseHf(text: string, date: Date): ParseResult {
  return parserFor('hf-text').parse(text, { fileName: 'bulk.txt', fileModifiedAt: date, dateOverride: isoDay(date) })
}

function benchImport(dir: string, options: Options, factory: PaperFactory) {
  progress(`generating ${options.papers} papers`)
  const papers = Array.from({ length: options.papers }, () => factory.paper())
  const text = hfDigestText(BULK_DATE, papers)
  const bulkPath = join(dir, 'bulk.txt')
  writeFileSync(bulkPath, text)
  progress(`wrote ${(text.length / 2 ** 20).toFixed(0)} MB; parsing`)

  const parsed = timeMs(() => parseHf(text, BULK_DATE))
  if (parsed.value.entries.length !== options.papers) {
    throw new Error(`the parser read ${parsed.value.entries.length} papers, expected ${options.papers}`)
  }

  progress('raw-bound insert')
  const rawPath = join(dir, 'raw.sqlite')
  openLibrary(rawPath).close()
  const raw = timeMs(() => rawBoundInsert(rawPath, parsed.value.digest, parsed.value.entries))

  progress('library write of the parsed rows')
  const writeOnlyPath = join(dir, 'write-only.sqlite')
  const writeOnlyLibrary = openLibrary(writeOnlyPath)
  const writeOnly = timeMs(() =>
    writeOnlyLibrary.importDigest({
      digest: parsed.value.digest,
      entries: parsed.value.entries,
      format: 'hf-text',
      fileName: 'bulk.txt',
      contentHash: 'e'.repeat(64)
    })
  )
  writeOnlyLibrary.close()
  for (const path of [rawPath, writeOnlyPath]) rmSync(path, { force: true })

  progress('bulk import through importFile')
  const library = openLibrary(join(dir, 'library.sqlite'))
  const bulk = timeMs(() => importFile(library, bulkPath, { date: isoDay(BULK_DATE), sizeCapBytes: SIZE_CAP }))
  if (!bulk.value.ok || bulk.value.added !== options.papers) {
    throw new Error(`bulk import failed: ${JSON.stringify(bulk.value)}`)
  }
  const perSec = (ms: number): number => round((options.papers / ms) * 1000)
  return {
    library,
    papers,
    report: {
      papers: options.papers,
      fileMb: round(text.length / 2 ** 20),
      ms: round(bulk.ms),
      papersPerSec: perSec(bulk.ms),
      rawBoundMs: round(raw.ms),
      rawBoundPapersPerSec: perSec(raw.ms),
      ratio: round(raw.ms / bulk.ms),
      parseMs: round(parsed.ms),
      libraryWriteMs: round(writeOnly.ms),
      libraryWritePapersPerSec: perSec(writeOnly.ms),
      writeRatio: round(raw.ms / writeOnly.ms),
      includes: {
        papersPerSec:
          'importFile(): stat, read, sha256, decode, detect the format, parse, then library.importDigest in one ' +
          'transaction (dedupe lookups, inserts, state rows, entries, bulk FTS fill, digest counters), fresh library',
        rawBoundPapersPerSec:
          'the already-parsed rows only: plain prepared INSERTs of digest, papers, state rows and entries in one ' +
          'transaction, then one INSERT ... SELECT into FTS5; same schema and pragmas; no read, hash or parse',
        ratio: 'papersPerSec / rawBoundPapersPerSec (the left side also reads and parses the file; see parseMs)',
        parseMs: 'the Hugging Face text parser alone on the decoded text',
        libraryWritePapersPerSec:
          'library.importDigest() on the already-parsed rows, fresh library: the same work as raw-bound plus dedupe',
        writeRatio: 'libraryWritePapersPerSec / rawBoundPapersPerSec: the like-for-like write comparison'
      }
    }
  }
}

function benchDaily(library: Library, dir: string, options: Options, factory: PaperFactory, earlier: SyntheticPaper[]) {
  const random = randomSource(7)
  const times: number[] = []
  const counts = { added: 0, merged: 0, unchanged: 0 }
  for (let d = 0; d < options.dailyDigests; d++) {
    const date = new Date(BULK_DATE.getTime() + (d + 30) * 86_400_000)
    const papers: SyntheticPaper[] = []
    for (let i = 0; i < options.dailySize; i++) {
      // One in ten is a paper seen before; half of those now mention a code repository.
      if (i % 10 === 9) {
        const old = earlier[Math.floor(random() * earlier.length)]!
        papers.push(
          i % 20 === 19
            ? { title: old.title, abstract: `${old.abstract} Code: https://github.com/bench/d${d}i${i}.` }
            : old
        )
      } else papers.push(factory.paper())
    }
    const path = join(dir, `daily-${d}.txt`)
    writeFileSync(path, hfDigestText(date, papers))
    const run = timeMs(() => importFile(library, path, { date: isoDay(date) }))
    if (!run.value.ok) throw new Error(`daily import failed: ${JSON.stringify(run.value)}`)
    counts.added += run.value.added
    counts.merged += run.value.merged
    counts.unchanged += run.value.unchanged
    times.push(run.ms)
    earlier.push(...papers)
  }
  return {
    digests: options.dailyDigests,
    papersEach: options.dailySize,
    medianMs: round(median(times)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(Math.max(...times)),
    ...counts,
    includes: 'importFile() per digest file (read, hash, decode, detect, parse, one transaction) into the bulk library'
  }
}

function searchQueries(factory: PaperFactory): string[] {
  const w = factory.vocabulary.words
  return [
    w[0]!,
    w[1]!,
    w[5]!,
    w[10]!,
    w[100]!,
    w[300]!,
    w[1_000]!,
    w[5_000]!,
    w[12_000]!,
    w[19_000]!,
    w[0]!.slice(0, 2),
    w[3]!.slice(0, 3),
    w[50]!.slice(0, 4),
    w[2_000]!.slice(0, 5),
    `${w[0]} ${w[2]}`,
    `${w[2]} ${w[700]}`,
    `${w[400]} ${w[9_000]}`,
    `${w[30]} ${w[60]!.slice(0, 3)}`,
    `${w[8]} ${w[20]} ${w[2_500]}`,
    `"${w[4]} AND (`
  ]
}

function benchQueries(library: Library, factory: PaperFactory, totalPapers: number) {
  const random = randomSource(11)
  const randomId = (): number => 1 + Math.floor(random() * totalPapers)

  progress('marking a fifth read, starring and noting a few')
  const readIds = Array.from({ length: Math.floor(totalPapers / 5) }, randomId)
  const markRead = timeMs(() => library.markRead(readIds, true))
  library.setStarred(Array.from({ length: 500 }, randomId), true)
  for (let i = 0; i < 200; i++)
    library.saveNote(randomId(), `Note ${i}: ${factory.vocabulary.words[i * 7]} matters here.`)

  progress('search')
  const perQuery = searchQueries(factory).map((query) => {
    const runs = [0, 1, 2].map(() => timeMs(() => library.search({ query, limit: 50 })))
    return { query, total: runs[0]!.value.total, ms: round(median(runs.map((run) => run.ms))) }
  })
  const searchTimes = perQuery.map((entry) => entry.ms)

  progress('list pages, digests, papers')
  const listTimes: number[] = []
  for (const sort of ['position', 'date', 'title'] as PaperSort[]) {
    for (const offset of [0, 50, 1_000, 10_000]) {
      for (let rep = 0; rep < 3; rep++) {
        listTimes.push(timeMs(() => library.listPapers({ filter: { kind: 'unread' }, sort, offset, limit: 50 })).ms)
      }
    }
  }
  const digestTimes = Array.from({ length: 30 }, () => timeMs(() => library.listDigests()).ms)
  const paperTimes = Array.from({ length: 300 }, () => timeMs(() => library.getPaper(randomId())).ms)

  return {
    setup: { markReadPapers: readIds.length, markReadMs: round(markRead.ms) },
    search: {
      queries: perQuery.length,
      medianMs: round(median(searchTimes)),
      p95Ms: round(percentile(searchTimes, 95)),
      maxMs: round(Math.max(...searchTimes)),
      perQuery,
      includes:
        'library.search() with limit 50: match, bm25 rank, total, 50 papers loaded and highlighted; median of 3 runs per query'
    },
    listPage: {
      medianMs: round(median(listTimes)),
      p95Ms: round(percentile(listTimes, 95)),
      includes:
        'listPapers({ filter: unread, sort: position|date|title, offset: 0|50|1000|10000, limit: 50 }) with total'
    },
    digests: {
      medianMs: round(median(digestTimes)),
      digests: library.listDigests().length,
      includes: 'digests(): every digest with read/total'
    },
    paper: {
      medianMs: round(median(paperTimes)),
      p95Ms: round(percentile(paperTimes, 95)),
      includes: 'getPaper(id): one paper with digests, links, note, state'
    }
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  const dir = mkdtempSync(join(tmpdir(), 'dogear-bench-'))
  const factory = new PaperFactory()
  let library: Library | null = null
  try {
    const bulk = benchImport(dir, options, factory)
    library = bulk.library
    progress(`daily: ${options.dailyDigests} digests of ${options.dailySize}`)
    const daily = benchDaily(library, dir, options, factory, bulk.papers)
    const totalPapers = library.stats().papers
    const queries = benchQueries(library, factory, totalPapers)
    const cases: Record<string, unknown> = {}
    for (const benchCase of CASES) {
      progress(`case ${benchCase.name}`)
      cases[benchCase.name] = benchCase.run({ library, dir, factory, papers: totalPapers })
    }
    progress('memory: peak RSS per MB of input')
    const memory = await benchMemory(dir)
    const recommend = await benchRecommend({ papers: options.papers })
    const report = {
      machine: machine(),
      parameters: { papers: options.papers, dailyDigests: options.dailyDigests, dailySize: options.dailySize },
      import: bulk.report,
      daily,
      ...queries,
      cases,
      memory,
      recommend,
      targets: {
        importPapersPerSec: { target: '>= 10000', met: bulk.report.papersPerSec >= 10_000 },
        importRatio: { target: '>= 0.5', met: bulk.report.ratio >= 0.5 },
        dailyMedianMs: { target: '< 50', met: daily.medianMs < 50 },
        searchP95Ms: { target: '< 50', met: queries.search.p95Ms < 50 },
        listPageMedianMs: { target: '< 5', met: queries.listPage.medianMs < 5 },
        digestsMedianMs: { target: '< 10', met: queries.digests.medianMs < 10 },
        paperMedianMs: { target: '< 2', met: queries.paper.medianMs < 2 }
      }
    }
    process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${JSON.stringify(report, null, 2)}\n`)
  } finally {
    library?.close()
    if (options.keep) progress(`kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

void main()
