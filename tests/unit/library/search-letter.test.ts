// A one-letter prefix (`b`) reads the newest papers of the rest of the query and checks each
// for a word the letter begins; the answer must be the one the index would give, whether the
// letter is common (the newest papers fill the count) or rare (the exact query runs).
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
