// A paper a later digest lists again, word for word, joins the paper it is: no merge is kept
// for it (there is nothing to split), while a different record joined by its title still is.
import { describe, expect, it } from 'vitest'
import { digest, memoryLibrary, paper } from './helpers'

const moss = () =>
  paper('Moss Atlas of the Lowlands', { authors: ['Ada Bryophyte'], abstract: 'Mapping mosses by hand.' })

describe('a paper listed again', () => {
  it('is one paper in every digest that lists it, with no merge to split', () => {
    const library = memoryLibrary()
    const digests = ['2024-03-12', '2024-03-13', '2024-03-14'].map(
      (date) => library.importDigest(digest([moss()], { date })).digestId
    )
    const [only] = library.listPapers({ filter: { kind: 'all' } }).items
    expect(library.listPapers({ filter: { kind: 'all' } }).total).toBe(1)
    expect(library.getPaper(only!.id)!.digests).toEqual(digests)
    expect(library.merges.of(only!.id)).toEqual([])
    expect(() => library.merges.split(only!.id)).toThrow(/never merged/)
  })

  it('still keeps the merge of a different record with the same title', () => {
    const library = memoryLibrary()
    library.importDigest(digest([moss()], { date: '2024-03-12' }))
    library.importDigest(digest([moss()], { date: '2024-03-13' }))
    const other = paper('Moss atlas of the lowlands', { authors: ['A. Bryophyte'], abstract: 'Mosses from the air.' })
    const outcome = library.importDigest(digest([other], { date: '2024-03-14', title: 'Colleague list' }))
    expect(outcome).toMatchObject({ added: 0, papers: 1 })
    expect(library.listPapers({ filter: { kind: 'all' } }).total).toBe(1)
    const [only] = library.listPapers({ filter: { kind: 'all' } }).items
    expect(library.merges.of(only!.id).map((m) => [m.digestTitle, m.matchedBy])).toEqual([['Colleague list', 'title']])
  })
})
