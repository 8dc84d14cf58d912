// A saved search as a list of its own (the savedSearch filter kind): what it lists follows
// imports, reading, a changed query, the trash and tags, and a huge one says "at least".
import { describe, expect, it } from 'vitest'
import { HITS_CAP } from '../../../src/main/library/saved-search-hits'
import type { PaperFilter } from '../../../src/shared/model'
import { digest, memoryLibrary, paper, titles } from './helpers'

function library() {
  const lib = memoryLibrary()
  lib.importDigest(
    digest([
      paper('Kelp Forests', { abstract: 'Kelp in warm water.' }),
      paper('Urchin Barrens', { abstract: 'Urchins eat kelp.' }),
      paper('Tidal Pools')
    ])
  )
  return lib
}

type Lib = ReturnType<typeof library>

const listed = (lib: Lib, filter: PaperFilter) => titles(lib.listPapers({ filter, sort: 'title', limit: 500 }).items)

describe('a saved search as a list', () => {
  it('lists what its query holds, in the list orders, and takes new papers as they arrive', () => {
    const lib = library()
    const kelp = { kind: 'savedSearch', savedSearchId: lib.saveSearch('Kelp', 'kelp').id } as const
    expect(listed(lib, kelp)).toEqual(['Kelp Forests', 'Urchin Barrens'])
    expect(lib.listPapers({ filter: kelp }).total).toBe(2)
    lib.importDigest(digest([paper('Kelp Genomics'), paper('Sand')], { date: '2024-03-13' }))
    expect(listed(lib, kelp)).toEqual(['Kelp Forests', 'Kelp Genomics', 'Urchin Barrens'])
    expect(titles(lib.listPapers({ filter: kelp, sort: 'position' }).items)[0]).toBe('Kelp Genomics')
    expect(lib.savedSearches()[0]).toMatchObject({ unread: 3 })
  })

  it('follows reading for a query of states, and a replaced query', () => {
    const lib = library()
    const unread = { kind: 'savedSearch', savedSearchId: lib.saveSearch('Unread kelp', 'kelp is:unread').id } as const
    expect(listed(lib, unread)).toEqual(['Kelp Forests', 'Urchin Barrens'])
    lib.markRead([1], true)
    expect(listed(lib, unread)).toEqual(['Urchin Barrens'])
    lib.markRead([1], false)
    expect(listed(lib, unread)).toEqual(['Kelp Forests', 'Urchin Barrens'])
    lib.saveSearch('Unread kelp', 'title:tidal')
    expect(listed(lib, unread)).toEqual(['Tidal Pools'])
  })

  it('searches within it, marks it read, and forgets trashed papers and untagged ones', () => {
    const lib = library()
    const kelp = { kind: 'savedSearch', savedSearchId: lib.saveSearch('Kelp', 'kelp').id } as const
    expect(titles(lib.search({ query: 'urchins', filter: kelp }).items)).toEqual(['Urchin Barrens'])
    expect(titles(lib.search({ query: 'tidal', filter: kelp }).items)).toEqual([])
    expect(lib.markAllRead(kelp).changed.sort()).toEqual([1, 2])
    lib.trashPapers([2])
    expect(listed(lib, kelp)).toEqual(['Kelp Forests'])
    expect(lib.listPapers({ filter: kelp }).total).toBe(1)

    const tagged = { kind: 'savedSearch', savedSearchId: lib.saveSearch('Tagged', 'tag:coast').id } as const
    expect(listed(lib, tagged)).toEqual([])
    lib.tagPapers('Coast', [3])
    expect(listed(lib, tagged)).toEqual(['Tidal Pools'])
    lib.untagPapers('Coast', [3])
    expect(listed(lib, tagged)).toEqual([])
  })

  it('lists the newest matches of a huge search and says the total is at least that', () => {
    const lib = memoryLibrary()
    lib.importDigest(digest(Array.from({ length: HITS_CAP + 2 }, (_, i) => paper(`Plenty ${i}`))))
    const plenty = { kind: 'savedSearch', savedSearchId: lib.saveSearch('Plenty', 'plenty').id } as const
    const page = lib.listPapers({ filter: plenty, sort: 'date', limit: 2 })
    expect(page).toMatchObject({ total: HITS_CAP, totalIsLowerBound: true })
    expect(titles(page.items)).toEqual([`Plenty ${HITS_CAP + 1}`, `Plenty ${HITS_CAP}`])
    lib.importDigest(digest([paper('Plenty more')], { date: '2024-03-13' }))
    const after = lib.listPapers({ filter: plenty, sort: 'date', limit: 1 })
    expect(after).toMatchObject({ total: HITS_CAP, totalIsLowerBound: true })
    expect(titles(after.items)).toEqual(['Plenty more'])
    expect(lib.listPapers({ filter: { kind: 'all' } }).totalIsLowerBound).toBeUndefined()
  })

  it('is gone with its saved search', () => {
    const lib = library()
    const id = lib.saveSearch('Kelp', 'kelp').id
    lib.deleteSearch(id)
    expect(() => lib.listPapers({ filter: { kind: 'savedSearch', savedSearchId: id } })).toThrow(
      `There is no saved search with id ${id}`
    )
  })
})
