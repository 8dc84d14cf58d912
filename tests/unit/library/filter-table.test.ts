// Every filter kind of the one filter table, driven through each operation that reads it:
// a new kind gets its example below and is held to the same agreement.
import { describe, expect, it } from 'vitest'
import { paperFilterSchema } from '../../../src/shared/api'
import { FILTER_KIND_NAMES, FIXED_SOURCES, type FilterKind, type PaperFilter } from '../../../src/shared/filters'
import type { PaperSort } from '../../../src/shared/model'
import { LibraryError } from '../../../src/main/library'
import { digest, memoryLibrary, paper } from './helpers'

const CODE = [{ url: 'https://github.com/some/repo', kind: 'code' as const }]

const EXAMPLES: Record<FilterKind, PaperFilter> = {
  all: { kind: 'all' },
  unread: { kind: 'unread' },
  starred: { kind: 'starred' },
  hasCode: { kind: 'hasCode' },
  digest: { kind: 'digest', digestId: 2 },
  tag: { kind: 'tag', tagId: 1 },
  recommended: { kind: 'recommended' },
  revised: { kind: 'revised' },
  savedSearch: { kind: 'savedSearch', savedSearchId: 1 }
}

/** 7 papers in two digests (one paper in both); some read, starred, with code. */
function smallLibrary() {
  const library = memoryLibrary()
  const shared = paper('Pebbles shared by both', { links: CODE })
  library.importDigest(
    digest([paper('Pebbles one'), paper('Pebbles two', { links: CODE }), shared, paper('Pebbles four')], {
      date: '2024-03-12'
    })
  )
  library.importDigest(
    digest([paper('Pebbles five'), shared, paper('Pebbles six', { links: CODE }), paper('Pebbles seven')], {
      date: '2024-03-13'
    })
  )
  library.markRead([1, 3, 6], true)
  library.setStarred([3, 4, 7], true)
  library.tagPapers('Pebbles', [3, 4, 5])
  library.saveSearch('Two or starred', 'title:two OR is:starred')
  return library
}

function everyId(library: ReturnType<typeof memoryLibrary>, filter: PaperFilter, sort: PaperSort): number[] {
  const ids: number[] = []
  for (let offset = 0; ; offset += 2) {
    const page = library.listPapers({ filter, sort, offset, limit: 2 })
    ids.push(...page.items.map((p) => p.id))
    if (page.items.length < 2) return ids
  }
}

describe('the filter table', () => {
  it('has an example for every kind, and the contract accepts exactly those', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...FILTER_KIND_NAMES].sort())
    for (const filter of Object.values(EXAMPLES)) expect(paperFilterSchema.safeParse(filter).success).toBe(true)
    expect(paperFilterSchema.safeParse({ kind: 'nosuch' }).success).toBe(false)
    expect(paperFilterSchema.safeParse({ kind: 'digest' }).success).toBe(false)
    expect(paperFilterSchema.safeParse({ kind: 'unread', digestId: 1 }).success).toBe(false)
  })

  it('lists the same papers in every sort, page by page, as many as it counts; search and mark-all agree', () => {
    const expected: Record<FilterKind, number[]> = {
      all: [1, 2, 3, 4, 5, 6, 7],
      unread: [2, 4, 5, 7],
      starred: [3, 4, 7],
      hasCode: [2, 3, 6],
      digest: [3, 5, 6, 7],
      tag: [3, 4, 5],
      // Unread and unstarred (none dismissed); the recommender orders them, the library lists them.
      recommended: [2, 5],
      // Nothing was revised after it was read.
      revised: [],
      // Its query's papers: one titled "two", and the starred ones.
      savedSearch: [2, 3, 4, 7]
    }
    for (const kind of FILTER_KIND_NAMES) {
      const library = smallLibrary()
      const filter = EXAMPLES[kind]
      for (const sort of ['position', 'date', 'title'] as const) {
        expect([...everyId(library, filter, sort)].sort(), `${kind} by ${sort}`).toEqual(expected[kind])
      }
      expect(library.listPapers({ filter }).total, kind).toBe(expected[kind].length)
      const found = library.search({ query: 'pebbles', filter, limit: 100 }).items.map((hit) => hit.id)
      expect(found.sort(), `search in ${kind}`).toEqual(expected[kind])
      const unread = expected[kind].filter((id) => ![1, 3, 6].includes(id))
      expect(library.markAllRead(filter).changed.sort(), `mark all read in ${kind}`).toEqual(unread)
    }
  })

  it('names a missing digest', () => {
    const library = smallLibrary()
    const list = () => library.listPapers({ filter: { kind: 'digest', digestId: 99 } })
    expect(list).toThrow(LibraryError)
    expect(list).toThrow('There is no digest with id 99')
  })

  it('names a missing saved search', () => {
    const list = () => smallLibrary().listPapers({ filter: { kind: 'savedSearch', savedSearchId: 9 } })
    expect(list).toThrow('There is no saved search with id 9')
  })

  it('gives the sources pane its fixed entries in table order', () => {
    expect(FIXED_SOURCES.map((s) => s.label)).toEqual([
      'All papers',
      'Unread',
      'Starred',
      'Has code',
      'Recommended',
      'Revised since read'
    ])
  })
})
