// The benchmark's areas: one line each. An area is an async function of the context that
// returns a JSON-able report (every figure with what it includes); `--only <area>` runs one.
// To add one: write bench/<area>.ts exporting `async function (context: BenchContext)` and
// add `{ name, run }` below (set `needsLibrary: false` if it builds its own files).
import type { Library } from '../src/main/library'
import { benchBulkImport } from './bulk'
import { benchCases } from './cases'
import type { Corpus } from './corpus'
import { benchDaily } from './daily'
import { benchExport } from './export'
import { benchFtsOptions } from './fts-options'
import { benchMemory } from './memory'
import { benchDigests, benchList, benchMarkRead, benchOpen, benchPaper } from './reader'
import { benchRecommend } from './recommend'
import { benchSearch } from './search'
import { benchSearchMix } from './search-mix'
import { writeHfDigest } from './corpus'
import { benchSync } from './sync'
import { benchOrganize } from './organize'
import { benchWriteWait } from './write-wait'

export interface BenchContext {
  /** The library built from the corpus (null for areas with needsLibrary: false). */
  library: Library
  libraryPath: string
  /** The run's temporary folder: write files here. */
  dir: string
  corpus: Corpus
  /** Papers in the library when the area starts. */
  papers: number
  /** What the run was asked for (`--papers`). */
  requestedPapers: number
  /** Reopens the library (an area that closes it to time opening must call this). */
  reopen(): Library
}

export type BenchArea = (context: BenchContext) => Promise<Record<string, unknown>>

export interface AreaEntry {
  name: string
  run: BenchArea
  /** false: the area makes its own files and runs without building the big library. */
  needsLibrary?: boolean
  /** false: only with `--only <name>` (slow comparisons). */
  byDefault?: boolean
}

/**
 * Areas that build libraries of their own (sync, writeWait, recommend, memory) build at most
 * this many papers: at a million they would each take as long as the main build, and the run
 * must stay well under 15 minutes. Their reports say the size they used.
 */
export const SIDE_LIBRARY_PAPERS = 100_000

const sidePapers = (context: BenchContext): number => Math.min(context.requestedPapers, SIDE_LIBRARY_PAPERS)

export const AREAS: AreaEntry[] = [
  { name: 'import', run: benchBulkImport, needsLibrary: false },
  { name: 'open', run: benchOpen },
  { name: 'listPage', run: benchList },
  { name: 'search', run: benchSearchMix },
  {
    name: 'searchSyntax',
    run: (context) =>
      benchSearch({
        library: context.library,
        words: context.corpus.vocabulary.words,
        dir: context.dir,
        writeDailyDigest: (path, date, day) =>
          void writeHfDigest(
            path,
            date,
            Array.from({ length: 100 }, (_, i) => context.corpus.paper(50_000_000 + day * 100 + i))
          )
      })
  },
  { name: 'paper', run: benchPaper },
  { name: 'digests', run: benchDigests },
  { name: 'markRead', run: benchMarkRead },
  { name: 'daily', run: benchDaily },
  { name: 'cases', run: benchCases },
  { name: 'export', run: benchExport },
  { name: 'organize', run: benchOrganize },
  {
    name: 'sync',
    run: async (context) =>
      benchSync({
        papers: sidePapers(context),
        changes: Math.round(sidePapers(context) / 5),
        digestSize: 1000
      }),
    needsLibrary: false
  },
  {
    name: 'memory',
    run: (context) =>
      benchMemory(context.dir, { megabytes: Math.max(4, Math.round((16 * sidePapers(context)) / 100_000)) }),
    needsLibrary: false
  },
  { name: 'writeWait', run: (context) => benchWriteWait({ papers: sidePapers(context) }), needsLibrary: false },
  { name: 'recommend', run: (context) => benchRecommend({ papers: sidePapers(context) }), needsLibrary: false },
  { name: 'ftsOptions', run: benchFtsOptions, needsLibrary: false, byDefault: false }
]
