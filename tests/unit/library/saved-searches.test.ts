import { describe, expect, it } from 'vitest'
import { UNREAD_COUNT_CAP } from '../../../src/main/library/saved-searches'
import { QUERY_SYNTAX_VERSION } from '../../../src/shared/query'
import { digest, memoryLibrary, paper } from './helpers'

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

const counts = (lib: ReturnType<typeof library>) => lib.savedSearches().map((s) => ({ name: s.name, unread: s.unread }))

describe('saved searches', () => {
  it('saves, replaces by name, renames, reorders and deletes', () => {
    const lib = library()
    const kelp = lib.saveSearch('Kelp', 'kelp')
    expect(kelp).toMatchObject({ name: 'Kelp', query: 'kelp', syntaxVersion: QUERY_SYNTAX_VERSION, unread: 2 })
    lib.saveSearch('Pools', 'title:tidal')
    lib.saveSearch('kelp', 'kelp -urchin')
    expect(lib.savedSearches().map((s) => [s.name, s.query])).toEqual([
      ['kelp', 'kelp -urchin'],
      ['Pools', 'title:tidal']
    ])
    lib.renameSearch(kelp.id, 'Forests')
    expect(() => lib.renameSearch(kelp.id, 'pools')).toThrow('already a saved search named "pools"')
    expect(lib.moveSearch(kelp.id, 1).map((s) => s.name)).toEqual(['Pools', 'Forests'])
    expect(lib.savedSearchNamed('FORESTS').id).toBe(kelp.id)
    lib.deleteSearch(kelp.id)
    expect(lib.savedSearches().map((s) => s.name)).toEqual(['Pools'])
    expect(() => lib.savedSearchNamed('Forests')).toThrow('no saved search named "Forests"')
  })

  it('refuses a nameless search or one with nothing to search for', () => {
    const lib = library()
    expect(() => lib.saveSearch('  ', 'kelp')).toThrow('needs a name')
    expect(() => lib.saveSearch('Stars', '"*"')).toThrow('nothing to search for')
    expect(lib.savedSearches()).toEqual([])
  })

  it('keeps unread counts live through imports and reading', () => {
    const lib = library()
    lib.saveSearch('Kelp', 'kelp')
    lib.saveSearch('Unread code', 'is:unread has:code')
    expect(counts(lib)).toEqual([
      { name: 'Kelp', unread: 2 },
      { name: 'Unread code', unread: 0 }
    ])
    lib.importDigest(
      digest(
        [paper('Kelp Genomics', { links: [{ url: 'https://github.com/example/kelp', kind: 'code' }] }), paper('Sand')],
        { date: '2024-03-13' }
      )
    )
    expect(counts(lib)).toEqual([
      { name: 'Kelp', unread: 3 },
      { name: 'Unread code', unread: 1 }
    ])
    lib.markRead([1, 4], true)
    expect(counts(lib)).toEqual([
      { name: 'Kelp', unread: 1 },
      { name: 'Unread code', unread: 0 }
    ])
    lib.markRead([1], false)
    expect(counts(lib)[0]).toEqual({ name: 'Kelp', unread: 2 })
    // Stars and notes change what a search holds, too.
    lib.saveSearch('Starred or noted', 'is:starred OR note:revisit')
    expect(counts(lib)[2]).toEqual({ name: 'Starred or noted', unread: 0 })
    lib.setStarred([2], true)
    lib.saveNote(3, 'revisit this')
    expect(counts(lib)[2]).toEqual({ name: 'Starred or noted', unread: 2 })
    lib.setStarred([2], false)
    expect(counts(lib)[2]).toEqual({ name: 'Starred or noted', unread: 1 })
  })

  it('says "at least" past the count cap', () => {
    const lib = memoryLibrary()
    lib.importDigest(digest(Array.from({ length: UNREAD_COUNT_CAP + 2 }, (_, i) => paper(`Many ${i}`))))
    const saved = lib.saveSearch('Many', 'many')
    expect(saved).toMatchObject({ unread: UNREAD_COUNT_CAP, unreadIsLowerBound: true })
  })
})
