// Extra benchmark cases. Each runs against the library the main benchmark built (100k papers
// plus the daily digests) and returns its own numbers, reported under `cases.<name>`.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodeBytes } from '../src/main/import/decode'
import { parserFor } from '../src/main/import/formats'
import { importFile } from '../src/main/ingest/pipeline'
import type { FormatName } from '../src/main/import/types'
import type { Library } from '../src/main/library/contract'
import { round, timeMs } from './measure'
import { timeRawBound } from './raw-bound'
import type { BenchContext } from './registry'
import { PaperFactory } from './synthetic'
import { arxivListingEmail, markdownTableDigest, syntheticEntries } from './synthetic-formats'

export interface CaseContext {
  library: Library
  /** The benchmark's temporary folder: write files here. */
  dir: string
  factory: PaperFactory
  papers: number
}

export interface BenchCase {
  name: string
  run(context: CaseContext): Record<string, unknown>
}

/**
 * Imports one file through importFile (as `dogear import` does) into the big library, then
 * times the format's parser alone on the same text, after the import so it gets no warm-up
 * the import did not have.
 */
function importCase(
  context: CaseContext,
  fileName: string,
  format: FormatName,
  text: string,
  date: string,
  options: { bound?: boolean } = {}
) {
  const path = join(context.dir, fileName)
  writeFileSync(path, text)
  const papersBefore = context.library.stats().papers
  // As the import worker runs it: a large file reported before its papers are in the search index.
  const run = timeMs(() => importFile(context.library, path, { date, indexLater: true }))
  if (!run.value.ok) throw new Error(`${fileName}: import failed: ${JSON.stringify(run.value)}`)
  if (run.value.format !== format) throw new Error(`${fileName} was read as ${run.value.format}, not ${format}`)
  // What the import worker does once it has posted the report, each timed apart, before the
  // parse: the search index of a large file's papers (then main refreshes), the rest after it.
  const indexed = timeMs(() => context.library.indexWaiting())
  const finish = timeMs(() => context.library.finishImports())
  const decoded = decodeBytes(readFileSync(path), path).text
  const parse = timeMs(() =>
    parserFor(format).parse(decoded, { fileName, fileModifiedAt: new Date(), dateOverride: date })
  )
  const bound = options.bound ? timeRawBound(context.dir, parse.value.digest, parse.value.entries) : null
  return {
    fileMb: round(Buffer.byteLength(text) / 2 ** 20),
    libraryPapersBefore: papersBefore,
    papers: run.value.papers,
    added: run.value.added,
    ms: round(run.ms),
    parseMs: round(parse.ms),
    parseShare: round(parse.ms / run.ms),
    indexWaitingMs: round(indexed.ms),
    finishImportsMs: round(finish.ms),
    ...(bound ? { rawBoundMs: round(bound.ms), rawRowsMs: round(bound.rowsMs), ratio: round(bound.ms / run.ms) } : {}),
    target: { ms: '< 1000', met: run.ms < 1000 },
    includes:
      'importFile(): read, hash, decode, detect, parse and the library write (in chunks from 2,000 papers) ' +
      "into the benchmark library, until its report (indexLater, as the import worker imports: a large file's " +
      'papers wait for the search index); indexWaitingMs: library.indexWaiting() after it, as the import worker ' +
      'runs it before main refreshes (the search index of those papers); finishImportsMs: library.finishImports() ' +
      'after that, as the worker runs it next (the index merging, the new words); ' +
      'parseMs is the parser alone on the same text, timed after the import' +
      (bound
        ? '; rawBoundMs: the parsed rows written as bulk.ts writes its raw bound (plain prepared INSERTs in one ' +
          'transaction, then one INSERT ... SELECT into FTS5, abstracts not deflated) into a fresh library: no read, ' +
          'hash, parse, dedupe or chunks; rawRowsMs: the same without the FTS fill; ratio: rawBoundMs / ms'
        : '')
  }
}

export const CASES: BenchCase[] = [
  {
    name: 'markdownTable10k',
    run: (context) => {
      // ~1 KB a row: a 750-character abstract folded into a <details> cell, ~11 MB in all.
      const entries = syntheticEntries(context.factory, 10_000, {
        yymm: '2405',
        firstSerial: 1,
        abstractLength: 750
      })
      return importCase(
        context,
        'readme-digest.md',
        'markdown',
        markdownTableDigest('2024-05-02', entries),
        '2024-05-02',
        { bound: true }
      )
    }
  },
  {
    name: 'arxivEmail800',
    run: (context) => {
      // ~2.5 KB an entry (wrapped title, authors, comments, a 2,000-character abstract), ~2 MB.
      const entries = syntheticEntries(context.factory, 800, {
        yymm: '2405',
        firstSerial: 20_001,
        abstractLength: 2_000
      })
      const day = new Date(Date.UTC(2024, 4, 3, 18))
      return importCase(context, 'cs-listing.txt', 'arxiv-email', arxivListingEmail(day, entries), '2024-05-03')
    }
  }
]

/** Every case above against the big library, under `cases.<name>`. */
export async function benchCases(context: BenchContext): Promise<Record<string, unknown>> {
  const factory = new PaperFactory()
  const report: Record<string, unknown> = {}
  for (const benchCase of CASES) {
    report[benchCase.name] = benchCase.run({
      library: context.library,
      dir: context.dir,
      factory,
      papers: context.papers
    })
  }
  return report
}
