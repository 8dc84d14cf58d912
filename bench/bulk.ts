// Bulk import of one large file into a fresh library, against the raw-insert bound of the same
// rows (the import ratio), and the library write alone. The file stays within the default size
// cap (64 MB), as a reader's largest digest would.
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parserFor } from '../src/main/import/formats'
import { importFile } from '../src/main/ingest/pipeline'
import { openLibrary } from '../src/main/library'
import { progress, round, timeMs } from './measure'
import { timeRawBound } from './raw-bound'
import type { BenchContext } from './registry'
import { writeHfDigest } from './corpus'

export const BULK_PAPERS = 30_000
const BULK_DATE = '2024-01-15'
const SIZE_CAP = 64 * 2 ** 20

export async function benchBulkImport(context: BenchContext): Promise<Record<string, unknown>> {
  const papers = Math.min(BULK_PAPERS, context.requestedPapers)
  const bulkPath = join(context.dir, 'bulk.txt')
  const serials = Array.from({ length: papers }, (_, i) => 50_000_000 + i)
  const bytes = writeHfDigest(
    bulkPath,
    BULK_DATE,
    serials.map((serial) => context.corpus.paper(serial))
  )
  progress(`bulk: ${papers} papers, ${(bytes / 2 ** 20).toFixed(0)} MB; importing`)
  // The import first, as a reader's runs: in a process that does not yet hold the file's text
  // and its 30,000 parsed papers (the raw bound's input). Timed after them, it ran half as fast.
  const libraryPath = join(context.dir, 'bulk.sqlite')
  const library = openLibrary(libraryPath)
  // As the import worker runs it: reported before the papers are in the search index.
  const bulk = timeMs(() =>
    importFile(library, bulkPath, { date: BULK_DATE, sizeCapBytes: SIZE_CAP, indexLater: true })
  )
  // What the import worker does once it has posted the report, each timed apart: the search
  // index of the papers (then main refreshes), and the rest of finishImports.
  const indexed = timeMs(() => library.indexWaiting())
  const finish = timeMs(() => library.finishImports())
  const found = library.search({ query: `"${context.corpus.paper(serials[0]!).title}"` }).total
  library.close()
  if (!bulk.value.ok || bulk.value.added !== papers)
    throw new Error(`bulk import failed: ${JSON.stringify(bulk.value)}`)
  if (found < 1) throw new Error('bulk: the first paper is not found by its title after the import')
  progress('bulk: parsing for the raw bound')
  const text = readFileSync(bulkPath, 'utf8')
  const context_ = { fileName: 'bulk.txt', fileModifiedAt: new Date(), dateOverride: BULK_DATE }
  const parsed = timeMs(() => parserFor('hf-text').parse(text, context_))
  if (parsed.value.entries.length !== papers)
    throw new Error(`bulk: parsed ${parsed.value.entries.length} of ${papers}`)

  const bound = timeRawBound(context.dir, parsed.value.digest, parsed.value.entries)

  const writeOnlyPath = join(context.dir, 'write-only.sqlite')
  const writeOnly = openLibrary(writeOnlyPath)
  const write = timeMs(() =>
    writeOnly.importDigest({
      digest: parsed.value.digest,
      entries: parsed.value.entries,
      format: 'hf-text',
      fileName: 'bulk.txt',
      contentHash: 'e'.repeat(64)
    })
  )
  writeOnly.close()

  for (const path of [writeOnlyPath, libraryPath, bulkPath]) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
  }
  const perSec = (ms: number): number => round((papers / ms) * 1000)
  return {
    papers,
    fileMb: round(bytes / 2 ** 20),
    ms: round(bulk.ms),
    papersPerSec: perSec(bulk.ms),
    indexWaitingMs: round(indexed.ms),
    finishImportsMs: round(finish.ms),
    rawBoundPapersPerSec: perSec(bound.ms),
    ratio: round(bound.ms / bulk.ms),
    rawRowsPapersPerSec: perSec(bound.rowsMs),
    searchIndexShareOfBound: round(1 - bound.rowsMs / bound.ms),
    parseMs: round(parsed.ms),
    libraryWritePapersPerSec: perSec(write.ms),
    writeRatio: round(bound.ms / write.ms),
    includes: {
      papersPerSec:
        'importFile() of one file into a fresh library: stat, read, sha256, decode, detect, parse, then ' +
        'library.importDigest in ~40 ms chunks, each one transaction (dedupe lookups, inserts, state rows, ' +
        'entries, counters) and the closing checkpoint (TRUNCATE), until the report; indexLater, as the ' +
        'import worker imports: the papers wait for the search index',
      indexWaitingMs:
        'library.indexWaiting() after the report, as the import worker runs it before main refreshes: ' +
        'the search index of the papers, in 1,000-paper steps',
      finishImportsMs:
        "library.finishImports() after it, as the import worker runs it next: the index merging, the new papers' words",
      rawBoundPapersPerSec:
        'the already-parsed rows only: plain prepared INSERTs in one transaction, then one INSERT ... SELECT ' +
        'into FTS5; same schema (triggers included) and pragmas; no read, hash or parse',
      ratio: 'papersPerSec / rawBoundPapersPerSec',
      rawRowsPapersPerSec: 'the raw bound without the FTS fill: the rows alone',
      searchIndexShareOfBound: "the FTS fill's share of the raw bound's time (1 - bound / rows alone)",
      parseMs: 'the Hugging Face text parser alone on the decoded text',
      libraryWritePapersPerSec: 'library.importDigest() on the parsed rows, fresh library'
    }
  }
}
