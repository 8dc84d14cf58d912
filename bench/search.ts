// Search benchmark: the query language over the benchmark's library (phrases, OR, exclusions,
// fields, states, one- and two-letter prefixes, typos), and the unread counts of 20 saved
// searches brought up to date after each of a few daily imports.
import { join } from 'node:path'
import { importFile } from '../src/main/ingest/pipeline'
import type { Library } from '../src/main/library/contract'
import { median, progress, round, timeMs, timeSpread } from './measure'

export interface SearchBenchContext {
  library: Library
  /** The corpus's vocabulary, commonest first. */
  words: readonly string[]
  /** A folder for the daily digest files. */
  dir: string
  /** Writes a daily digest of 100 new papers for `day` (0, 1, ...) at `path`, dated `date`. */
  writeDailyDigest(path: string, date: string, day: number): void
}

/** A misspelling of a word: two letters swapped in the middle. */
function typo(word: string): string {
  const i = Math.floor(word.length / 2)
  return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1)
}

export function searchSyntaxQueries(words: readonly string[]): { kind: string; query: string }[] {
  const w = (rank: number): string => words[rank]!
  return [
    { kind: 'common word', query: w(0) },
    { kind: 'word', query: w(10) },
    { kind: 'rare word', query: w(12_000) },
    { kind: 'one letter', query: w(1).slice(0, 1) },
    { kind: 'one letter', query: w(40).slice(0, 1) },
    { kind: 'two letters', query: w(2).slice(0, 2) },
    { kind: 'two letters', query: w(300).slice(0, 2) },
    { kind: 'three letters', query: w(3).slice(0, 3) },
    { kind: 'words, last a prefix', query: `${w(30)} ${w(60).slice(0, 4)}` },
    { kind: 'word and one letter', query: `${w(50)} ${w(9).slice(0, 1)}` },
    { kind: 'phrase', query: `"${w(0)} ${w(2)}"` },
    { kind: 'phrase of rarer words', query: `"${w(400)} ${w(900)}"` },
    { kind: 'OR', query: `${w(3)} OR ${w(400)}` },
    { kind: 'OR of rare words', query: `${w(9_000)} OR ${w(15_000)}` },
    { kind: 'exclusion', query: `${w(0)} -${w(1)}` },
    { kind: 'NOT', query: `${w(100)} NOT ${w(5)}` },
    { kind: 'group', query: `(${w(4)} OR ${w(30)}) -${w(8)}` },
    { kind: 'title field', query: `title:${w(7)}` },
    { kind: 'author field', query: `author:${w(20)}` },
    { kind: 'title phrase', query: `title:"${w(1)} ${w(3)}"` },
    { kind: 'is:unread', query: `is:unread ${w(10)}` },
    { kind: 'is:starred', query: `is:starred ${w(0)}` },
    { kind: 'has:note', query: `has:note` },
    { kind: 'state only', query: 'is:unread' },
    { kind: 'year', query: `year:2024 ${w(200)}` },
    { kind: 'exclusion only', query: `-${w(5)}` },
    { kind: 'typo', query: typo(w(1_000)) },
    { kind: 'typo, rare', query: typo(w(8_000)) },
    { kind: 'stray syntax', query: `"${w(4)} AND (` }
  ]
}

export function savedQueries(words: readonly string[]): string[] {
  const w = (rank: number): string => words[rank]!
  return [
    w(0),
    w(5),
    w(50),
    w(500),
    w(5_000),
    `title:${w(7)}`,
    `title:${w(70)}`,
    `author:${w(20)}`,
    `"${w(0)} ${w(2)}"`,
    `${w(3)} OR ${w(400)}`,
    `${w(100)} -${w(5)}`,
    `is:starred`,
    `has:code ${w(30)}`,
    `has:note`,
    `year:2024 ${w(200)}`,
    `${w(1)} ${w(9)}`,
    `abstract:${w(600)}`,
    `(${w(4)} OR ${w(30)}) -${w(8)}`,
    `${w(2_000)} OR ${w(3_000)} OR ${w(4_000)}`,
    `title:${w(11)} is:unread`
  ]
}

function benchQueries(library: Library, words: readonly string[]) {
  const perQuery = searchSyntaxQueries(words).map(({ kind, query }) => {
    const runs = [0, 1, 2].map(() => timeMs(() => library.search({ query, limit: 50 })))
    const page = runs[0]!.value
    return {
      kind,
      query,
      total: `${page.total}${page.totalIsLowerBound ? '+' : ''}`,
      corrected: page.corrections.length > 0,
      ms: round(median(runs.map((run) => run.ms)))
    }
  })
  const times = perQuery.map((entry) => entry.ms)
  return {
    queries: perQuery.length,
    ...timeSpread(times),
    perQuery,
    includes:
      'library.search() with limit 50, relevance order: parse, compile, newest matches (bounded), bm25 for the newest ' +
      '2,000, total (exact to 10,000), 50 papers loaded and highlighted, typo correction when nothing matched; median of 3 runs'
  }
}

function benchSavedCounts(context: SearchBenchContext) {
  const { library, dir } = context
  const ids = savedQueries(context.words).map((query, index) => library.saveSearch(`Saved ${index + 1}`, query).id)
  library.savedSearches()
  const firstPage = (id: number) =>
    library.listPapers({ filter: { kind: 'savedSearch', savedSearchId: id }, sort: 'position', limit: 100 })
  const listsOpened = timeMs(() => ids.forEach(firstPage)).ms
  const times: number[] = []
  const listTimes: number[] = []
  for (let day = 0; day < 5; day++) {
    const date = new Date(Date.UTC(2030, 0, 1 + day)).toISOString().slice(0, 10)
    const path = join(dir, `search-daily-${day}.txt`)
    context.writeDailyDigest(path, date, day)
    const imported = importFile(library, path, { date })
    if (!imported.ok) throw new Error(`daily import failed: ${imported.error.message}`)
    // What the app's import worker does once it has reported the import.
    library.finishImports()
    times.push(timeMs(() => library.savedSearches()).ms)
    listTimes.push(timeMs(() => ids.forEach(firstPage)).ms)
  }
  // A reading change makes every saved search count again (each up to 1,000 unread).
  const newest = library.listPapers({ filter: { kind: 'unread' }, sort: 'date', limit: 10 }).items.map((p) => p.id)
  library.markRead(newest, true)
  const afterReading = timeMs(() => library.savedSearches())
  return {
    savedSearches: 20,
    afterReadingChangeMs: round(afterReading.ms),
    afterDailyImportMedianMs: round(median(times)),
    afterDailyImportMaxMs: round(Math.max(...times)),
    listsFirstOpenMs: round(listsOpened),
    listsAfterDailyImportMedianMs: round(median(listTimes)),
    listsAfterDailyImportMaxMs: round(Math.max(...listTimes)),
    includes:
      'library.savedSearches() (all 20 with unread counts) right after importFile() of a 100-paper digest and ' +
      'the catch-up of its words the import worker runs after it, 5 days; ' +
      'afterReadingChangeMs: the same after marking 10 papers read (every search counted again, up to 1,000 unread each); ' +
      'lists*: the first 100-paper page of each of the 20 saved searches as a list (first open: each matched, ' +
      'up to 10,000 papers; after an import: the new papers matched)'
  }
}

export async function benchSearch(context: SearchBenchContext): Promise<Record<string, unknown>> {
  progress('search: the query language')
  const search = benchQueries(context.library, context.words)
  progress('search: saved-search counts after daily imports')
  const savedCounts = benchSavedCounts(context)
  return {
    search,
    savedCounts,
    targets: {
      searchP95Ms: { target: '< 50', met: search.p95Ms < 50 },
      savedCountsAfterImportMs: { target: '< 50', met: savedCounts.afterDailyImportMaxMs < 50 }
    }
  }
}
