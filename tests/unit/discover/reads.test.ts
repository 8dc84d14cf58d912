import { describe, expect, it } from 'vitest'
import { createDiscoverEngine } from '../../../src/main/discover/engine'
import { recommendedPage } from '../../../src/main/discover/lists'
import type { ParsedPaper } from '../../../src/main/import/types'
import { digest, memoryLibrary, paper } from '../library/helpers'

// Kettles of two kinds that share every word but one (enamel, iron), plain ones to star, and
// gravel papers unlike them all.
function kettle(kind: string | null, n: number): ParsedPaper {
  const words = ['copper spout', 'whistle pitch', 'steam resonance', 'kettle acoustics']
  const pick = (k: number): string => words[(n + k) % words.length]!
  const own = kind === null ? '' : ` The ${kind} kettle ${kind} lid.`
  return paper(`${pick(0)} and ${pick(1)} ${kind ?? 'plain'} ${n}`, {
    abstract: `We study ${pick(0)} with ${pick(2)} and ${pick(3)}.${own}`,
    authors: [`Kettle Lab ${n % 3}`]
  })
}

function gravel(n: number): ParsedPaper {
  return paper(`gravel lattice packing ${n}`, {
    abstract: `Pebble jamming and sieve sorting of gravel, trial ${n}.`,
    authors: [`Gravel Lab ${n % 3}`]
  })
}

describe('read papers passed over', () => {
  it('push down the unread papers most like them', async () => {
    const library = memoryLibrary()
    // Plain kettles (starred), then enamel kettles, then iron kettles: newer, so on a tie they go first.
    const plain = Array.from({ length: 4 }, (_, n) => kettle(null, n))
    const enamel = Array.from({ length: 8 }, (_, n) => kettle('enamel', 10 + n))
    const iron = Array.from({ length: 8 }, (_, n) => kettle('iron', 20 + n))
    library.importDigest(digest([...plain, ...Array.from({ length: 12 }, (_, n) => gravel(n))], { date: '2024-03-10' }))
    library.importDigest(digest(enamel, { date: '2024-03-11' }))
    library.importDigest(digest(iron, { date: '2024-03-12' }))
    const ids = (titles: ParsedPaper[]): number[] =>
      library
        .papersByIds(library.filterIds({ kind: 'all' }))
        .filter((p) => titles.some((t) => t.title === p.title))
        .map((p) => p.id)
    library.setStarred(ids(plain), true)
    const page = async () =>
      (
        await recommendedPage(library, createDiscoverEngine(library.discover), {
          filter: { kind: 'recommended' },
          limit: 6
        })
      ).items.map((p) => p.title)
    const unread = await page()
    expect(unread.slice(0, 4).every((title) => title.includes('iron'))).toBe(true)

    library.markRead(ids(iron).slice(0, 6), true)
    const after = await page()
    expect(after.slice(0, 6).every((title) => title.includes('enamel'))).toBe(true)
  })
})
