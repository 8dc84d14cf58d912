import { describe, expect, it } from 'vitest'
import type { ParsedPaper } from '../../../src/main/import/types'
import { LibraryError } from '../../../src/main/library'
import { digest, memoryLibrary, paper, titles } from './helpers'

const CODE = [{ url: 'https://github.com/some/repo', kind: 'code' as const }]

/** Two digests: Mar 12 (A1, A2, A3) and Mar 13 (B1, B2); A2 and B2 have code; B2 was published long ago. */
function twoDigests() {
  const library = memoryLibrary()
  library.importDigest(
    digest([paper('Alpha Zero'), paper('alpha One', { links: CODE }), paper('Alpha Two')], { date: '2024-03-12' })
  )
  library.importDigest(
    digest([paper('Beta Zero'), paper('beta One', { links: CODE, publishedAt: '2023-01-01' })], { date: '2024-03-13' })
  )
  return library
}

describe('listing papers', () => {
  it('sorts by digest position: newest digest first, then the order in the digest', () => {
    const library = twoDigests()
    const page = library.listPapers({ filter: { kind: 'all' } })
    expect(titles(page.items)).toEqual(['Beta Zero', 'beta One', 'Alpha Zero', 'alpha One', 'Alpha Two'])
    expect(page.total).toBe(5)
  })

  it('sorts by date, newest first, using the publication date where there is one', () => {
    const library = twoDigests()
    expect(titles(library.listPapers({ filter: { kind: 'all' }, sort: 'date' }).items)).toEqual([
      'Beta Zero',
      'Alpha Two',
      'alpha One',
      'Alpha Zero',
      'beta One'
    ])
  })

  it('sorts by title A-Z ignoring case', () => {
    const library = twoDigests()
    expect(titles(library.listPapers({ filter: { kind: 'all' }, sort: 'title' }).items)).toEqual([
      'alpha One',
      'Alpha Two',
      'Alpha Zero',
      'beta One',
      'Beta Zero'
    ])
  })

  it('filters unread, starred, has code and one digest (in its own order)', () => {
    const library = twoDigests()
    library.markRead([1, 4], true)
    library.setStarred([5, 3], true)
    expect(titles(library.listPapers({ filter: { kind: 'unread' } }).items)).toEqual([
      'beta One',
      'alpha One',
      'Alpha Two'
    ])
    expect(titles(library.listPapers({ filter: { kind: 'starred' } }).items)).toEqual(['beta One', 'Alpha Two'])
    expect(titles(library.listPapers({ filter: { kind: 'hasCode' }, sort: 'title' }).items)).toEqual([
      'alpha One',
      'beta One'
    ])
    const one = library.listPapers({ filter: { kind: 'digest', digestId: 1 } })
    expect(titles(one.items)).toEqual(['Alpha Zero', 'alpha One', 'Alpha Two'])
    expect(one.total).toBe(3)
    expect(titles(library.listPapers({ filter: { kind: 'digest', digestId: 1 }, sort: 'title' }).items)).toEqual([
      'alpha One',
      'Alpha Two',
      'Alpha Zero'
    ])
  })

  it('pages in the database and reports the total of the filter', () => {
    const library = memoryLibrary()
    const entries: ParsedPaper[] = []
    for (let i = 1; i <= 120; i++) entries.push(paper(`Paper ${String(i).padStart(3, '0')}`))
    library.importDigest(digest(entries))
    library.markRead([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true)

    const second = library.listPapers({ filter: { kind: 'unread' }, offset: 50, limit: 50 })
    expect(second.total).toBe(110)
    expect(second.offset).toBe(50)
    expect(second.items).toHaveLength(50)
    expect(second.items[0]!.title).toBe('Paper 061')
    const last = library.listPapers({ filter: { kind: 'unread' }, offset: 100, limit: 50 })
    expect(titles(last.items)).toEqual(entries.slice(110).map((e) => e.title))
    expect(library.listPapers({ filter: { kind: 'unread' }, offset: 500 })).toEqual({
      items: [],
      total: 110,
      offset: 500,
      next: null
    })
    expect(library.listPapers({ filter: { kind: 'all' } }).items).toHaveLength(50)
  })

  it('gives the same pages whether most papers match the filter or few do', () => {
    const library = memoryLibrary()
    const entries: ParsedPaper[] = []
    for (let i = 1; i <= 300; i++) entries.push(paper(`Paper ${String(i).padStart(3, '0')}`))
    library.importDigest(digest(entries))
    const allIds = Array.from({ length: 300 }, (_, i) => i + 1)
    // Few unread papers: the list is gathered from them instead of walking all 300.
    library.markRead(
      allIds.filter((id) => id % 50 !== 0),
      true
    )
    const unread = library.listPapers({ filter: { kind: 'unread' }, sort: 'title', limit: 4, offset: 1 })
    expect(unread.total).toBe(6)
    expect(titles(unread.items)).toEqual(['Paper 100', 'Paper 150', 'Paper 200', 'Paper 250'])
    library.setStarred(allIds.slice(0, 290), true)
    const starred = library.listPapers({ filter: { kind: 'starred' }, sort: 'date', limit: 3 })
    expect(starred.total).toBe(290)
    expect(starred.items.map((p) => p.id)).toEqual([290, 289, 288])
  })

  it('lists the starred papers by title, only they and all of them, page after page', () => {
    const library = memoryLibrary()
    const names = ['Kiln', 'anvil', 'Bellows', 'forge', 'Crucible', 'ember', 'Dross', 'flux', 'Gangue', 'hearth']
    library.importDigest(digest(names.map((name) => paper(`${name} Notes`))))
    const byTitle = library.listPapers({ filter: { kind: 'all' }, sort: 'title', limit: 20 }).items
    const starredIds = byTitle.filter((_, i) => i % 3 !== 1).map((p) => p.id)
    library.setStarred(starredIds, true)
    library.setStarred([starredIds[0]!], false)
    const pages: string[] = []
    let after: string | undefined
    do {
      const page = library.listPapers({
        filter: { kind: 'starred' },
        sort: 'title',
        limit: 2,
        ...(after ? { after } : {})
      })
      expect(page.total).toBe(starredIds.length - 1)
      pages.push(...titles(page.items))
      after = page.next ?? undefined
    } while (after !== undefined)
    expect(pages).toEqual(['Crucible Notes', 'Dross Notes', 'flux Notes', 'forge Notes', 'hearth Notes', 'Kiln Notes'])
  })

  it('shows a paper with its digests, links, note and state', () => {
    const library = twoDigests()
    library.importDigest(
      digest([paper('alpha one', { links: [{ url: 'https://example.org/a1', kind: 'other' }] })], {
        date: '2024-03-14'
      })
    )
    library.saveNote(2, 'Read the appendix.')
    library.setStarred([2], true)
    expect(library.getPaper(2)).toMatchObject({
      id: 2,
      title: 'alpha One',
      digests: [1, 3],
      links: [CODE[0], { url: 'https://example.org/a1', kind: 'other' }],
      note: 'Read the appendix.',
      starred: true,
      read: false,
      hasCode: true,
      digestDate: '2024-03-12',
      digestRefs: [
        { id: 1, position: 2 },
        { id: 3, position: 1 }
      ]
    })
    expect(library.getPaper(999)).toBeNull()
  })

  it('refuses an unknown digest and pages that make no sense', () => {
    const library = twoDigests()
    expect(() => library.listPapers({ filter: { kind: 'digest', digestId: 9 } })).toThrow(
      new LibraryError('NOT_FOUND', 'There is no digest with id 9')
    )
    expect(() => library.listPapers({ filter: { kind: 'all' }, limit: 0 })).toThrow('limit 0 is not between 1 and 500')
    expect(() => library.listPapers({ filter: { kind: 'all' }, offset: -1 })).toThrow('offset -1 is not valid')
  })

  it('exports every paper with its state', () => {
    const library = twoDigests()
    library.markRead([2], true)
    library.saveNote(4, 'noted')
    const exported = library.exportAll()
    expect(titles(exported)).toEqual(['Beta Zero', 'beta One', 'Alpha Zero', 'alpha One', 'Alpha Two'])
    expect(exported.find((p) => p.id === 2)).toMatchObject({ read: true, digestRefs: [{ id: 1, position: 2 }] })
    expect(exported.find((p) => p.id === 4)).toMatchObject({ note: 'noted' })
  })
})
