import { describe, expect, it } from 'vitest'
import { COUNT_CAP, RANK_CAP } from '../../../src/main/library/search'
import { digest, memoryLibrary, paper, titles } from './helpers'

function searchLibrary() {
  const library = memoryLibrary()
  library.importDigest(
    digest([
      paper('Marmalade Kinetics in Cold Kitchens', {
        authors: ['Orla Quince'],
        abstract: 'We measure how toast absorbs spreads at low temperature.'
      }),
      paper('Toast Geometry', {
        abstract: 'A study of bread. Marmalade appears once, marmalade appears twice, marmalade thrice.'
      }),
      paper('Crème Brûlée Thermodynamics', { abstract: 'Caramelised sugar under a blowtorch.' }),
      paper('Sleepy Robots', { abstract: 'Robots that nap between tasks save energy.' })
    ])
  )
  return library
}

describe('search', () => {
  it('ranks a title match above matches in the abstract', () => {
    const page = searchLibrary().search({ query: 'marmalade' })
    expect(titles(page.items)).toEqual(['Marmalade Kinetics in Cold Kitchens', 'Toast Geometry'])
    expect(page.total).toBe(2)
    expect(page.items[0]!.rank).toBeLessThan(page.items[1]!.rank)
  })

  it('treats the last word as a prefix while typing', () => {
    const library = searchLibrary()
    expect(titles(library.search({ query: 'marm' }).items)).toHaveLength(2)
    expect(titles(library.search({ query: 'toast geo' }).items)).toEqual(['Toast Geometry'])
    // Earlier words are whole words.
    expect(library.search({ query: 'toa geometry' }).total).toBe(0)
  })

  it('requires every word, finds authors, and ignores accents', () => {
    const library = searchLibrary()
    expect(titles(library.search({ query: 'toast spreads' }).items)).toEqual(['Marmalade Kinetics in Cold Kitchens'])
    expect(titles(library.search({ query: 'quince' }).items)).toEqual(['Marmalade Kinetics in Cold Kitchens'])
    expect(titles(library.search({ query: 'creme brulee' }).items)).toEqual(['Crème Brûlée Thermodynamics'])
  })

  it('returns the title and a snippet as highlighted parts, never markup', () => {
    const hit = searchLibrary().search({ query: 'robots nap' }).items[0]!
    expect(hit.titleParts).toEqual([
      { text: 'Sleepy ', match: false },
      { text: 'Robots', match: true }
    ])
    expect(hit.snippetParts).toEqual([
      { text: 'Robots', match: true },
      { text: ' that ', match: false },
      { text: 'nap', match: true },
      { text: ' between tasks save energy.', match: false }
    ])
  })

  it('marks the words a prefix of four letters or more begins, accents aside', () => {
    const library = searchLibrary()
    expect(library.search({ query: 'marmal' }).items[0]!.titleParts).toEqual([
      { text: 'Marmalade', match: true },
      { text: ' Kinetics in Cold Kitchens', match: false }
    ])
    expect(library.search({ query: 'thermodynamics brul' }).items[0]!.titleParts).toEqual([
      { text: 'Crème ', match: false },
      { text: 'Brûlée', match: true },
      { text: ' ', match: false },
      { text: 'Thermodynamics', match: true }
    ])
    const phrase = library.search({ query: '"sleepy robo' }).items[0]!
    expect(phrase.titleParts).toEqual([
      { text: 'Sleepy', match: true },
      { text: ' ', match: false },
      { text: 'Robots', match: true }
    ])
  })

  it('shows the note in the snippet when the note is what matched', () => {
    const library = searchLibrary()
    library.saveNote(4, 'Compare with the kettle paper.')
    const hit = library.search({ query: 'kettle' }).items[0]!
    expect(hit.id).toBe(4)
    expect(hit.snippetParts).toContainEqual({ text: 'kettle', match: true })
  })

  it('never fails on hostile input', () => {
    const library = searchLibrary()
    for (const query of [
      '"',
      'AND (',
      '*',
      'NEAR',
      'NEAR(toast',
      'toast OR',
      '^toast',
      'title:toast',
      '-',
      "'",
      '{}',
      '\u0000',
      'a'.repeat(2000)
    ]) {
      expect(() => library.search({ query })).not.toThrow()
    }
    // `AND` before an empty group joins nothing; a stray quote is dropped; NEAR is a word.
    expect(titles(library.search({ query: 'toast AND (' }).items)).toEqual([
      'Toast Geometry',
      'Marmalade Kinetics in Cold Kitchens'
    ])
    expect(titles(library.search({ query: '"toast" geometry"' }).items)).toEqual(['Toast Geometry'])
    expect(titles(library.search({ query: 'NEAR(robots' }).items)).toEqual([])
    const nothing = { items: [], total: 0, totalIsLowerBound: false, offset: 0, corrections: [] }
    expect(library.search({ query: '  "*" ' })).toEqual(nothing)
    expect(library.search({ query: '' })).toEqual(nothing)
  })

  it('pages ranked results with the full total, and filters', () => {
    const library = memoryLibrary()
    library.importDigest(
      digest(
        Array.from({ length: 30 }, (_, i) => paper(`Pebble study ${i + 1}`, { abstract: 'pebbles '.repeat(i + 1) }))
      )
    )
    const first = library.search({ query: 'pebbles', limit: 10 })
    expect(first.total).toBe(30)
    expect(first.items).toHaveLength(10)
    const third = library.search({ query: 'pebbles', limit: 10, offset: 20 })
    expect(third.total).toBe(30)
    expect(third.offset).toBe(20)
    const seen = new Set(
      [...first.items, ...library.search({ query: 'pebbles', limit: 10, offset: 10 }).items, ...third.items].map(
        (hit) => hit.id
      )
    )
    expect(seen.size).toBe(30)

    library.markRead([1, 2, 3], true)
    expect(library.search({ query: 'pebbles', filter: { kind: 'unread' } }).total).toBe(27)
    library.setStarred([5], true)
    expect(library.search({ query: 'pebbles', filter: { kind: 'starred' } }).items.map((hit) => hit.id)).toEqual([5])
    expect(library.search({ query: 'pebbles', filter: { kind: 'digest', digestId: 1 } }).total).toBe(30)
    expect(library.search({ query: 'pebbles', filter: { kind: 'hasCode' } }).total).toBe(0)
  })
})

describe('searching a word that nearly every paper has', () => {
  it('ranks the newest matches first and pages through every match once', () => {
    const library = memoryLibrary()
    const count = RANK_CAP + 60
    const entries = Array.from({ length: count }, (_, i) =>
      paper(i === count - 5 ? 'Common Ground' : `Filler ${i}`, { abstract: 'common words' })
    )
    library.importDigest(digest(entries))

    const first = library.search({ query: 'common', limit: 5 })
    expect(first.total).toBe(count)
    expect(first.totalIsLowerBound).toBe(false)
    expect(first.items[0]!.title).toBe('Common Ground')

    const seen = new Set<number>()
    for (let offset = 0; offset < count; offset += 500) {
      const page = library.search({ query: 'common', offset, limit: 500 })
      expect(page.total).toBe(count)
      for (const hit of page.items) seen.add(hit.id)
    }
    expect(seen.size).toBe(count)
  })

  it('says "at least" instead of counting past the cap', () => {
    const library = memoryLibrary()
    library.importDigest(digest(Array.from({ length: COUNT_CAP + 3 }, (_, i) => paper(`Plenty ${i}`))))
    const page = library.search({ query: 'plenty', limit: 3 })
    expect(page.total).toBe(COUNT_CAP)
    expect(page.totalIsLowerBound).toBe(true)
    expect(titles(page.items)).toEqual([`Plenty ${COUNT_CAP + 2}`, `Plenty ${COUNT_CAP + 1}`, `Plenty ${COUNT_CAP}`])
  })
})
