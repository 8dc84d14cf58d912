// Search over a query mix a reader types: the commonest words, rare ones, one- to three-letter
// prefixes (search as you type), several words, phrases, OR, exclusions, fields, states and a
// typo. Calls library.search as the app does and reports; how it searches is search.ts's.
import type { PaperFilter } from '../src/shared/model'
import { median, progress, round, timeMs, timeSpread } from './measure'
import type { BenchContext } from './registry'

export function queryMix(words: readonly string[]): { query: string; filter?: PaperFilter }[] {
  const w = (rank: number): string => words[rank]!
  const plain = [
    w(0),
    w(1),
    w(4),
    w(20),
    w(200),
    w(2_000),
    w(20_000),
    w(45_000),
    w(0).slice(0, 1),
    w(7).slice(0, 1),
    w(0).slice(0, 2),
    w(30).slice(0, 2),
    w(3).slice(0, 3),
    w(500).slice(0, 4),
    `${w(0)} ${w(2)}`,
    `${w(2)} ${w(700)}`,
    `${w(400)} ${w(9_000)}`,
    `${w(30)} ${w(60).slice(0, 3)}`,
    `${w(8)} ${w(20)} ${w(2_500)}`,
    `"${w(0)} ${w(1)}"`,
    `"${w(40)} ${w(41)}"`,
    `${w(3)} OR ${w(3_000)}`,
    `${w(10)} -${w(1)}`,
    `title:${w(15)}`,
    `is:unread ${w(6)}`,
    `has:code ${w(100)}`,
    `${w(2_000).slice(0, -1)}x`,
    `"${w(4)} AND (`
  ]
  return [
    ...plain.map((query) => ({ query })),
    { query: w(0), filter: { kind: 'unread' } },
    { query: w(50), filter: { kind: 'starred' } }
  ]
}

export async function benchSearchMix(context: BenchContext): Promise<Record<string, unknown>> {
  progress('search')
  const perQuery = queryMix(context.corpus.vocabulary.words).map(({ query, filter }) => {
    const runs = [0, 1, 2].map(() => {
      try {
        return timeMs(() => context.library.search({ query, limit: 50, ...(filter ? { filter } : {}) }))
      } catch (error) {
        return { ms: Number.NaN, value: { total: -1, error: String(error) } }
      }
    })
    return {
      query,
      ...(filter ? { filter: filter.kind } : {}),
      total: runs[0]!.value.total,
      ms: round(median(runs.map((run) => run.ms)))
    }
  })
  const times = perQuery.map((q) => q.ms).filter(Number.isFinite)
  return {
    queries: perQuery.length,
    failed: perQuery.length - times.length,
    ...timeSpread(times),
    perQuery,
    includes:
      'library.search({ query, limit: 50 }) as the app calls it (match, rank, total, 50 papers with highlights); ' +
      'median of 3 runs per query; a query that throws counts as failed'
  }
}
