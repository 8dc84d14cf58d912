// Keyset paging: following each page's cursor lists exactly what offsets list, in every sort
// and filter, including ties in the sort key (equal titles, equal dates, one big digest).
import { describe, expect, it } from 'vitest'
import type { PaperFilter, PaperSort } from '../../../src/shared/model'
import type { Library } from '../../../src/main/library'
import { digest, memoryLibrary, paper } from './helpers'

const CODE = [{ url: 'https://github.com/some/repo', kind: 'code' as const }]

/** 30 papers over three digests, two on the same day; repeated titles; some with dates and code. */
function tiedLibrary(): Library {
  const library = memoryLibrary()
  const make = (n: number) =>
    paper(n % 4 === 0 ? 'Same title' : `Paper ${String.fromCharCode(97 + (n % 26))} ${n}`, {
      arxivId: `2403.${String(n).padStart(5, '0')}`,
      publishedAt: n % 3 === 0 ? '2023-06-01' : null,
      links: n % 5 === 0 ? CODE : []
    })
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => make(from + i))
  library.importDigest(digest(range(0, 12), { date: '2024-03-12' }))
  library.importDigest(digest(range(12, 20), { date: '2024-03-12', title: 'Second of the day' }))
  library.importDigest(digest([...range(20, 30), make(3), make(14)], { date: '2024-03-13' }))
  library.markRead([2, 5, 6, 7, 11, 20, 21, 22, 23, 24, 25, 26, 27, 28], true)
  library.setStarred([4, 9], true)
  return library
}

function byOffset(library: Library, filter: PaperFilter, sort: PaperSort, limit: number): number[] {
  const ids: number[] = []
  for (let offset = 0; ; offset += limit) {
    const page = library.listPapers({ filter, sort, offset, limit })
    ids.push(...page.items.map((p) => p.id))
    if (page.items.length < limit) return ids
  }
}

function byCursor(library: Library, filter: PaperFilter, sort: PaperSort, limit: number): number[] {
  const ids: number[] = []
  let after: string | undefined
  for (;;) {
    const page = library.listPapers({ filter, sort, limit, ...(after === undefined ? {} : { after }) })
    ids.push(...page.items.map((p) => p.id))
    if (page.next === null) return ids
    after = page.next
  }
}

const FILTERS: PaperFilter[] = [
  { kind: 'all' },
  { kind: 'unread' },
  { kind: 'starred' },
  { kind: 'hasCode' },
  { kind: 'digest', digestId: 1 },
  { kind: 'digest', digestId: 3 }
]

describe('keyset paging', () => {
  it('lists by cursor exactly what offsets list, for every sort, filter and page size', () => {
    const library = tiedLibrary()
    for (const filter of FILTERS) {
      for (const sort of ['position', 'date', 'title'] as const) {
        const expected = byOffset(library, filter, sort, 500)
        for (const limit of [1, 4, 7]) {
          expect(
            byCursor(library, filter, sort, limit),
            `${JSON.stringify(filter)} by ${sort}, ${limit} a page`
          ).toEqual(expected)
        }
      }
    }
    expect(byOffset(library, { kind: 'all' }, 'title', 500)).toHaveLength(30)
  })

  it('says there is no next page at the end, and keeps the total', () => {
    const library = tiedLibrary()
    const first = library.listPapers({ filter: { kind: 'unread' }, limit: 10 })
    expect(first.total).toBe(16)
    const second = library.listPapers({ filter: { kind: 'unread' }, limit: 10, after: first.next!, offset: 10 })
    expect(second.items).toHaveLength(6)
    expect(second.offset).toBe(10)
    expect(second.next).toBeNull()
  })

  it('refuses a cursor of another sort or a made-up one', () => {
    const library = tiedLibrary()
    const { next } = library.listPapers({ filter: { kind: 'all' }, sort: 'title', limit: 5 })
    expect(() => library.listPapers({ filter: { kind: 'all' }, sort: 'date', after: next! })).toThrow(
      'is not a cursor of the date order'
    )
    for (const after of ['nonsense', '["title", 1, 2]', '["title", "x"]', '["title", "x", 1.5]']) {
      expect(() => library.listPapers({ filter: { kind: 'all' }, sort: 'title', after })).toThrow(
        /is not a cursor of the title order/
      )
    }
  })
})
