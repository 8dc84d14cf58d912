// Queries that hold most of a library: a one-letter prefix (`b`), which reads the newest papers
// of the rest of the query and checks each for a word the letter begins, and a query that only
// excludes words (`-toast`), which walks the newest papers beside the excluded word's matches.
// The answer must be the one the index would give, whether the newest papers fill the count or
// the rest must be read (a rare letter, a word most papers hold).
import { describe, expect, it } from 'vitest'
import { BROAD_COUNT_CAP } from '../../../src/main/library/search'
import { digest, memoryLibrary, paper, track } from './helpers'

const COUNT = BROAD_COUNT_CAP + 200

/** Papers about bread (a b-word) except every tenth; every 50th also mentions a zither. */
function bakery() {
  const library = track(memoryLibrary())
  const papers = Array.from({ length: COUNT }, (_, i) =>
    paper(`Paper ${i + 1}`, {
      abstract: `${i % 10 === 0 ? 'Plain toast' : 'Crusty bread'} on trays${i % 50 === 0 ? ' near a zither' : ''}.`,
      authors: ['Ann Avery']
    })
  )
  library.importDigest(digest(papers))
  return library
}

const ids = (page: { items: { id: number }[] }) => page.items.map((hit) => hit.id)

describe('a one-letter prefix', () => {
  it('finds the newest papers with a word the letter begins, and says "at least"', () => {
    const library = bakery()
    const page = library.search({ query: 'b', limit: 100, sort: 'date' })
    expect(page).toMatchObject({ total: BROAD_COUNT_CAP, totalIsLowerBound: true })
    for (const hit of page.items) expect(hit.abstract).toContain('bread')
    // The same papers a two-letter prefix of the same word finds (which runs the exact query).
    expect(ids(page)).toEqual(ids(library.search({ query: 'br', limit: 100, sort: 'date' })))
  })

  it('counts a rare letter exactly, and checks it beside other words and states', () => {
    const library = bakery()
    expect(library.search({ query: 'z', limit: 50 })).toMatchObject({ total: COUNT / 50, totalIsLowerBound: false })
    library.setStarred([1, 2, 3, 11], true)
    const starred = library.search({ query: 'is:starred trays c', limit: 50 })
    // Paper 11 (index 10) has toast, not crusty bread: no c-word.
    expect(starred.items.map((hit) => hit.title).sort()).toEqual(['Paper 2', 'Paper 3'])
    expect(library.search({ query: 'toast b', limit: 50 }).total).toBe(0)
    expect(library.search({ query: 'toast a', limit: 50 }).total).toBe(COUNT / 10)
  })
})

describe('a query that only excludes words', () => {
  it('holds the newest papers without them, counted up to the broad cap', () => {
    const library = bakery()
    const page = library.search({ query: '-toast', limit: 100 })
    expect(page).toMatchObject({ total: BROAD_COUNT_CAP, totalIsLowerBound: true })
    expect(page.items.every((hit) => !hit.abstract!.includes('toast'))).toBe(true)
    // Newest first, and the next page goes on from the same list.
    const next = library.search({ query: '-toast', offset: 100, limit: 100 })
    const all = [...ids(page), ...ids(next)]
    expect(all).toEqual([...all].sort((a, b) => b - a))
    expect(new Set(all).size).toBe(200)
  })

  it('counts exactly when few papers are left, beside states and other exclusions', () => {
    const library = bakery()
    expect(library.search({ query: '-bread', limit: 100 })).toMatchObject({
      total: COUNT / 10,
      totalIsLowerBound: false
    })
    expect(library.search({ query: '-bread -zither', limit: 100 }).total).toBe(COUNT / 10 - COUNT / 50)
    library.setStarred([1, 2, 11, 21], true)
    const starred = library.search({ query: 'is:starred -bread', limit: 100 })
    expect(starred.items.map((hit) => hit.title).sort()).toEqual(['Paper 1', 'Paper 11', 'Paper 21'])
    expect(library.search({ query: '-trays', limit: 10 }).total).toBe(0)
  })
})
