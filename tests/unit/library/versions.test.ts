import { describe, expect, it } from 'vitest'
import { digest, memoryLibrary, paper, TestClock } from './helpers'

const arxiv = (version: number) =>
  paper('Humming Kettles at Scale', { arxivId: '2403.01234', arxivVersion: version, abstract: `Version ${version}.` })

describe('arXiv version history', () => {
  it('keeps each version with the first digest that showed it, and flags a revision after reading', () => {
    const clock = new TestClock()
    const library = memoryLibrary(clock)
    const first = library.importDigest(digest([arxiv(1)], { date: '2024-03-12', title: 'Monday' }))
    const id = library.listPapers({ filter: { kind: 'all' } }).items[0]!.id
    clock.advanceMinutes(10)
    library.markRead([id], true)
    expect(library.getPaper(id)!.revision).toBeNull()

    clock.advanceMinutes(10)
    const third = library.importDigest(digest([arxiv(3)], { date: '2024-03-20', title: 'Wednesday' }))
    library.importDigest(digest([arxiv(3)], { date: '2024-03-21', title: 'Thursday' }))
    const detail = library.getPaper(id)!
    expect(detail.versions!.map((v) => [v.version, v.digestId, v.day])).toEqual([
      [1, first.digestId, '2024-03-12'],
      [3, third.digestId, '2024-03-20']
    ])
    expect(detail.revision).toEqual({ readVersion: 1, latestVersion: 3 })
    expect(library.listPapers({ filter: { kind: 'revised' } }).items.map((p) => p.id)).toEqual([id])

    clock.advanceMinutes(10)
    expect(library.markRead([id], true).changed).toEqual([])
    expect(library.getPaper(id)!.revision).toBeNull()
    expect(library.listPapers({ filter: { kind: 'revised' } }).total).toBe(0)
    expect(library.getPaper(id)!.read).toBe(true)
  })

  it('does not flag an older version arriving late, nor a paper never read', () => {
    const clock = new TestClock()
    const library = memoryLibrary(clock)
    library.importDigest(digest([arxiv(2)], { date: '2024-03-12' }))
    const id = library.listPapers({ filter: { kind: 'all' } }).items[0]!.id
    clock.advanceMinutes(5)
    library.importDigest(digest([arxiv(3)], { date: '2024-03-13' }))
    expect(library.getPaper(id)!.revision).toBeNull()
    library.markRead([id], true)
    clock.advanceMinutes(5)
    library.importDigest(digest([arxiv(1)], { date: '2024-03-01' }))
    expect(library.getPaper(id)!.revision).toBeNull()
    expect(library.getPaper(id)!.versions!.map((v) => v.version)).toEqual([1, 2, 3])
  })

  it('clears revisions with "mark all read" on the revised list', () => {
    const clock = new TestClock()
    const library = memoryLibrary(clock)
    library.importDigest(digest([arxiv(1)]))
    const id = library.listPapers({ filter: { kind: 'all' } }).items[0]!.id
    library.markRead([id], true)
    clock.advanceMinutes(5)
    library.importDigest(digest([arxiv(2)], { date: '2024-03-14' }))
    expect(library.listPapers({ filter: { kind: 'revised' } }).total).toBe(1)
    clock.advanceMinutes(5)
    library.markAllRead({ kind: 'revised' })
    expect(library.listPapers({ filter: { kind: 'revised' } }).total).toBe(0)
  })
})

describe('seen in several digests', () => {
  it('sorts by how many digests list a paper, then newest', () => {
    const library = memoryLibrary()
    const a = paper('Gravel Lattices', { publishedAt: '2024-01-01' })
    const b = paper('Moss Maps', { publishedAt: '2024-02-01' })
    const c = paper('Kettle Songs', { publishedAt: '2024-03-01' })
    library.importDigest(digest([a, b, c], { date: '2024-03-12' }))
    library.importDigest(digest([a, b], { date: '2024-03-13' }))
    library.importDigest(digest([a], { date: '2024-03-14' }))
    const page = library.listPapers({ filter: { kind: 'all' }, sort: 'seen' })
    expect(page.items.map((p) => [p.title, p.digests.length])).toEqual([
      ['Gravel Lattices', 3],
      ['Moss Maps', 2],
      ['Kettle Songs', 1]
    ])
    library.importDigest(digest([c, b], { date: '2024-03-15' }))
    // Moss Maps and Gravel Lattices are both in 3 digests now: the newer comes first.
    expect(library.listPapers({ filter: { kind: 'all' }, sort: 'seen' }).items.map((p) => p.title)).toEqual([
      'Moss Maps',
      'Gravel Lattices',
      'Kettle Songs'
    ])
  })
})

describe('preprint and published record', () => {
  it('merges a record that names the arXiv paper only by its arXiv DOI', () => {
    const library = memoryLibrary()
    library.importDigest(digest([arxiv(1)]))
    const published = paper('Humming kettles at scale (journal version)', {
      doi: '10.48550/arXiv.2403.01234',
      venue: 'Journal of Kettles'
    })
    const outcome = library.importDigest(digest([published], { date: '2024-04-01' }))
    expect(outcome.merged + outcome.unchanged).toBe(1)
    expect(library.stats().papers).toBe(1)
    const merged = library.getPaper(1)!
    expect([merged.arxivId, merged.venue]).toEqual(['2403.01234', 'Journal of Kettles'])
  })
})
