// A long prefix is searched as the whole words it begins, read from search_terms: every word of
// the index must be there, or the papers holding the missing word would drop out of the results.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { CATCH_UP_STEP, termsOf } from '../../../src/main/library/search-terms'
import { digest, memoryLibrary, paper, tempFolder, track } from './helpers'

const titles = (page: { items: { title: string }[] }) => page.items.map((hit) => hit.title).sort()

/** Words of 2 or more letters the index holds that search_terms does not. */
function missingTerms(path: string): string[] {
  const db = new Database(path, { readonly: true })
  try {
    return db
      .prepare(
        `SELECT term FROM paper_search_vocab WHERE length(term) >= 2
         EXCEPT SELECT term FROM search_terms`
      )
      .pluck()
      .all() as string[]
  } finally {
    db.close()
  }
}

describe('long prefixes', () => {
  it('find every word they begin, from imports, newer versions and notes', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    library.importDigest(
      digest([
        paper('Kettlebell Dynamics', { arxivId: '2401.00001', arxivVersion: 1, abstract: 'Swinging weights.' }),
        paper('Quiet Rooms', { abstract: 'Soft walls.' }),
        paper('Crème Brûlée Physics', { abstract: 'Caramel crusts.' })
      ])
    )
    // What the import worker does after its report: from here long prefixes are written out,
    // and the words of notes and newer versions must arrive as they are written.
    expect(library.catchUpSearchTerms()).toBe(3)
    library.saveNote(2, 'Compare with the kettlewhistle study.')
    library.importDigest(
      digest(
        [paper('Kettlebell Dynamics', { arxivId: '2401.00001', arxivVersion: 2, abstract: 'Swinging kettledrums.' })],
        {
          date: '2024-03-14'
        }
      )
    )
    expect(titles(library.search({ query: 'kettl' }))).toEqual(['Kettlebell Dynamics', 'Quiet Rooms'])
    expect(titles(library.search({ query: 'kettled' }))).toEqual(['Kettlebell Dynamics'])
    expect(titles(library.search({ query: 'kettlewh' }))).toEqual(['Quiet Rooms'])
    expect(titles(library.search({ query: 'note:kettl' }))).toEqual(['Quiet Rooms'])
    expect(titles(library.search({ query: 'brul' }))).toEqual(['Crème Brûlée Physics'])
    expect(titles(library.search({ query: '"swinging kettle' }))).toEqual(['Kettlebell Dynamics'])
    expect(titles(library.search({ query: '-kettlebell kettl' }))).toEqual(['Quiet Rooms'])
    library.close()
    expect(missingTerms(path)).toEqual([])
  })

  it('keep a word of a note that was edited away, which then matches only where it still is', () => {
    const library = track(memoryLibrary())
    library.importDigest(digest([paper('Quiet Rooms'), paper('Marmalade Jars')]))
    library.saveNote(1, 'marmalade')
    library.saveNote(1, 'marmoset')
    expect(titles(library.search({ query: 'marmal' }))).toEqual(['Marmalade Jars'])
    expect(titles(library.search({ query: 'marm' }))).toEqual(['Marmalade Jars', 'Quiet Rooms'])
  })
})

describe('the words of a text', () => {
  it('are split and folded as the index does, from 2 letters', () => {
    expect([...termsOf(['Crème brûlée, x-ray and GPT-4o; the ÉCOLE à Zü', null])].sort()).toEqual([
      '4o',
      'and',
      'brulee',
      'creme',
      'ecole',
      'gpt',
      'ray',
      'the',
      'zu'
    ])
  })
})

describe('the words of a large import', () => {
  it('are read after it, a step at a time, and until then a long prefix finds every paper the slow way', () => {
    const library = track(memoryLibrary())
    const count = CATCH_UP_STEP + 500
    library.importDigest(
      digest(
        Array.from({ length: count }, (_, i) => paper(`Paper ${i + 1}`, { abstract: `Kelp${i % 7}forest study.` }))
      )
    )
    // The import left its words for later: search_terms knows none, and the prefix is searched as one.
    const before = library.search({ query: 'kelp6for', limit: 500 })
    expect(before.total).toBe(Math.floor((count - 7) / 7) + 1)
    expect(library.catchUpSearchTerms(CATCH_UP_STEP)).toBe(CATCH_UP_STEP)
    expect(library.search({ query: 'kelp6for', limit: 500 }).total).toBe(before.total)
    expect(library.catchUpSearchTerms()).toBe(500)
    expect(library.catchUpSearchTerms()).toBe(0)
    expect(library.search({ query: 'kelp6for', limit: 500 }).total).toBe(before.total)
  })
})
