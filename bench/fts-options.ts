// FTS5 options side by side (`--only ftsOptions`): the same digests imported into a fresh
// library per option set, then the index's size, the import's speed and the query mix's
// speed. The table keeps its name and columns, so search.ts runs unchanged on each.
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { importFile } from '../src/main/ingest/pipeline'
import { openLibrary } from '../src/main/library'
import { openConnection } from '../src/main/library/connection'
import { planDigests, writeHfDigest } from './corpus'
import { median, percentile, progress, round, timeMs } from './measure'
import type { BenchContext } from './registry'
import { queryMix } from './search-mix'

interface Variant {
  name: string
  /** Extra fts5() options after the columns, content and tokenizer. */
  options: string
  /** FTS5 configuration after the table is made: ('key', value) pairs. */
  config?: [string, number][]
  optimize?: boolean
}

const VARIANTS: Variant[] = [
  // The index has had no prefix index since migration 21; the others vary the one it had before.
  { name: "prefix '3' (before migration 21)", options: "prefix = '3'" },
  { name: "prefix '3' + optimize after import", options: "prefix = '3'", optimize: true },
  { name: 'no prefix index (current)', options: '' },
  { name: "prefix '2 3'", options: "prefix = '2 3'" },
  { name: "prefix '3', columnsize=0", options: "prefix = '3', columnsize = 0" },
  { name: "prefix '3', detail=column", options: "prefix = '3', detail = column" },
  {
    name: "prefix '3', automerge 2, crisismerge 64",
    options: "prefix = '3'",
    config: [
      ['automerge', 2],
      ['crisismerge', 64]
    ]
  },
  {
    name: "prefix '3', automerge 8, crisismerge 32",
    options: "prefix = '3'",
    config: [
      ['automerge', 8],
      ['crisismerge', 32]
    ]
  }
]

/** 100-paper digests imported after the bulk, per variant. */
const DAILY_IMPORTS = 40

function remakeIndex(path: string, variant: Variant): void {
  const db = openConnection(path)
  try {
    const extra = variant.options ? `, ${variant.options}` : ''
    db.exec(`DROP TABLE paper_search;
      CREATE VIRTUAL TABLE paper_search USING fts5(title, authors, abstract, note,
        content = 'paper_search_source', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'${extra});
      INSERT INTO paper_search(paper_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)');
      INSERT INTO paper_search(paper_search, rank) VALUES ('hashsize', 16777216);`)
    for (const [key, value] of variant.config ?? []) {
      // FTS5 takes integer settings only, and better-sqlite3 binds a JS number as REAL.
      db.prepare('INSERT INTO paper_search(paper_search, rank) VALUES (?, CAST(? AS INTEGER))').run(key, value)
    }
  } finally {
    db.close()
  }
}

export async function benchFtsOptions(context: BenchContext): Promise<Record<string, unknown>> {
  const papers = Math.min(context.requestedPapers, 30_000)
  const plans = [...planDigests(papers, new Date(Date.UTC(2026, 10, 30)), 17)]
  const queries = queryMix(context.corpus.vocabulary.words)
  const results = []
  for (const variant of VARIANTS) {
    progress(`fts: ${variant.name}`)
    const path = join(context.dir, 'fts.sqlite')
    openLibrary(path).close()
    remakeIndex(path, variant)
    const library = openLibrary(path)
    const importTimes: number[] = []
    for (const plan of plans) {
      const file = join(context.dir, `fts-${plan.date}.txt`)
      writeHfDigest(
        file,
        plan.date,
        plan.serials.map((serial) => context.corpus.paper(serial))
      )
      const run = timeMs(() => importFile(library, file, { date: plan.date }))
      rmSync(file)
      if (!run.value.ok) throw new Error(`fts ${variant.name}: ${JSON.stringify(run.value)}`)
      importTimes.push(run.ms)
    }
    // The day's digest after the bulk: where a merge inside the import's transaction shows as an outlier.
    const dailyTimes: number[] = []
    for (let day = 0; day < DAILY_IMPORTS; day++) {
      const date = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10)
      const file = join(context.dir, `fts-daily-${day}.txt`)
      writeHfDigest(
        file,
        date,
        Array.from({ length: 100 }, (_, i) => context.corpus.paper(70_000_000 + day * 100 + i))
      )
      dailyTimes.push(timeMs(() => importFile(library, file, { date })).ms)
      rmSync(file)
    }
    const db = openConnection(path)
    const optimizeMs = variant.optimize
      ? timeMs(() => db.prepare("INSERT INTO paper_search(paper_search) VALUES ('optimize')").run()).ms
      : 0
    const indexBytes = db.prepare('SELECT sum(length(block)) FROM paper_search_data').pluck().get() as number
    const segments = db.prepare('SELECT count(*) FROM paper_search_data').pluck().get() as number
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const times: number[] = []
    let failed = 0
    for (const { query, filter } of queries) {
      try {
        const runs = [0, 1, 2].map(
          () => timeMs(() => library.search({ query, limit: 50, ...(filter ? { filter } : {}) })).ms
        )
        times.push(median(runs))
      } catch {
        failed++
      }
    }
    library.close()
    const importMs = importTimes.reduce((a, b) => a + b, 0)
    const result = {
      variant: variant.name,
      indexMb: round(indexBytes / 2 ** 20),
      fileMb: round(statSync(path).size / 2 ** 20),
      indexRows: segments,
      importPapersPerSec: round((papers / importMs) * 1000),
      digestMaxMs: round(Math.max(...importTimes)),
      daily100MedianMs: round(median(dailyTimes)),
      daily100MaxMs: round(Math.max(...dailyTimes)),
      optimizeMs: round(optimizeMs),
      searchMedianMs: round(median(times)),
      searchP95Ms: round(percentile(times, 95)),
      searchMaxMs: round(Math.max(...times)),
      failedQueries: failed
    }
    progress(JSON.stringify(result))
    results.push(result)
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
  }
  return {
    papers,
    digests: plans.length,
    variants: results,
    includes:
      'per variant: a fresh library, the same digests through importFile, the FTS index size (its data blocks), ' +
      'the file size after a checkpoint, digestMaxMs the slowest digest of the build, daily100: ' +
      `${DAILY_IMPORTS} digests of 100 new papers imported after it, ` +
      'then the search query mix (median of 3 runs per query); failedQueries: ' +
      'queries the variant cannot answer (detail=column has no phrase positions)'
  }
}
