// The day's digest arriving in a big library: 100 papers, one in ten already known (half of
// those now with a code link), imported through importFile as the watched folder does.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { importFile } from '../src/main/ingest/pipeline'
import { progress, round, timeMs, timeSpread } from './measure'
import type { BenchContext } from './registry'
import { writeHfDigest, type CorpusPaper } from './corpus'
import { randomSource } from './synthetic'

const DIGESTS = 50
const SIZE = 100

export async function benchDaily(context: BenchContext): Promise<Record<string, unknown>> {
  progress(`daily: ${DIGESTS} digests of ${SIZE}`)
  const random = randomSource(7)
  const times: number[] = []
  const finishTimes: number[] = []
  const counts = { added: 0, merged: 0, unchanged: 0 }
  for (let d = 0; d < DIGESTS; d++) {
    const date = new Date(Date.UTC(2027, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)
    const papers: CorpusPaper[] = []
    for (let i = 0; i < SIZE; i++) {
      if (i % 10 !== 9) {
        papers.push(context.corpus.paper(60_000_000 + d * SIZE + i))
        continue
      }
      const old = context.corpus.paper(1 + Math.floor(random() * context.papers * 0.9))
      papers.push(
        i % 20 === 19 ? { ...old, abstract: `${old.abstract} Code: https://github.com/bench/d${d}i${i}.` } : old
      )
    }
    const path = join(context.dir, `daily-${d}.txt`)
    writeHfDigest(path, date, papers)
    const run = timeMs(() => importFile(context.library, path, { date }))
    rmSync(path)
    if (!run.value.ok) throw new Error(`daily import failed: ${JSON.stringify(run.value)}`)
    counts.added += run.value.added
    counts.merged += run.value.merged
    counts.unchanged += run.value.unchanged
    times.push(run.ms)
    // What the import worker does once it has posted the report: timed apart.
    finishTimes.push(timeMs(() => context.library.finishImports()).ms)
  }
  return {
    digests: DIGESTS,
    papersEach: SIZE,
    ...timeSpread(times),
    ...counts,
    finishImportsMaxMs: round(Math.max(...finishTimes)),
    includes:
      'importFile() per digest file (read, hash, decode, detect, parse, one transaction) into the big library; ' +
      'finishImportsMaxMs: the longest library.finishImports() after one, as the import worker runs it after reporting'
  }
}
