// Builds the benchmark's library the way a reader's grows: digest after digest through
// importFile, each file written to disk first, then a share of the papers read, starred and
// noted through the library's own operations.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { importFile } from '../src/main/ingest/pipeline'
import type { Library } from '../src/main/library'
import { planDigests, writeHfDigest, type Corpus } from './corpus'
import { progress, round, timeMs } from './measure'
import { randomSource } from './synthetic'

const LAST_DAY = new Date(Date.UTC(2026, 10, 30))
export const READ_SHARE = 0.3
export const STARRED_SHARE = 0.02
export const NOTED_SHARE = 0.002
const MAX_NOTES = 2_000

export function buildLibrary(library: Library, dir: string, corpus: Corpus, papers: number, scale = 1) {
  let digests = 0
  let entries = 0
  let repeats = 0
  let megabytes = 0
  let importMs = 0
  let finishMs = 0
  const started = Date.now()
  for (const plan of planDigests(papers, LAST_DAY, 99, scale)) {
    const path = join(dir, `digest-${plan.date}.txt`)
    megabytes +=
      writeHfDigest(
        path,
        plan.date,
        plan.serials.map((serial) => corpus.paper(serial))
      ) /
      2 ** 20
    const run = timeMs(() => importFile(library, path, { date: plan.date }))
    rmSync(path)
    if (!run.value.ok) throw new Error(`${plan.date}: import failed: ${JSON.stringify(run.value)}`)
    importMs += run.ms
    // What the app's import worker does once it has posted the file's report: timed apart.
    finishMs += timeMs(() => library.finishImports()).ms
    digests++
    entries += plan.serials.length
    repeats += plan.repeats
    if (digests % 100 === 0)
      progress(`built ${digests} digests, ${entries - repeats} papers, ${Math.round((Date.now() - started) / 1000)} s`)
  }
  const total = library.stats().papers
  const state = markState(library, total)
  return {
    digests,
    entries,
    repeats,
    papers: total,
    digestMb: round(megabytes),
    importMs: round(importMs),
    papersPerSec: round((total / importMs) * 1000),
    finishImportsMs: round(finishMs),
    ...state,
    includes:
      'importFile() of each digest file in date order (read, hash, decode, detect, parse, one transaction); ' +
      'papersPerSec counts distinct papers over the import time only (not the writing of the files); ' +
      'finishImportsMs: library.finishImports() after each file, as the import worker runs it once it has ' +
      "reported (the index merging a large file's chunks left, and the new papers' words)"
  }
}

function markState(library: Library, papers: number) {
  const random = randomSource(3)
  const some = (share: number, limit = Infinity): number[] => {
    const ids: number[] = []
    for (let id = 1; id <= papers && ids.length < limit; id++) if (random() < share) ids.push(id)
    return ids
  }
  const read = some(READ_SHARE)
  const markMs = timeMs(() => {
    for (let i = 0; i < read.length; i += 50_000) library.markRead(read.slice(i, i + 50_000), true)
  }).ms
  const starred = some(STARRED_SHARE)
  library.setStarred(starred, true)
  const noted = some(NOTED_SHARE, MAX_NOTES)
  for (const id of noted) library.saveNote(id, `Compare with paper ${id + 1}: **why** does it hold here?`)
  return { read: read.length, markAllMs: round(markMs), starred: starred.length, noted: noted.length }
}
