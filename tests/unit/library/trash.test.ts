import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { TestClock, digest, memoryLibrary, paper, tempFolder, titles, track } from './helpers'

function setUp(clock = new TestClock()) {
  const library = memoryLibrary(clock)
  library.importDigest(
    digest([paper('Gravel Lattices', { arxivId: '2401.00001' }), paper('Humming Kettles'), paper('Sleepy Robots')], {
      title: 'Monday'
    })
  )
  library.importDigest(
    digest([paper('Sleepy Robots'), paper('Quiet Pianos')], { title: 'Tuesday', date: '2024-03-13' })
  )
  return library
}

describe('the trash', () => {
  it('hides trashed papers from lists, counts, search and digest progress', () => {
    const library = setUp()
    library.markRead([1], true)
    expect(library.trashPapers([1, 3])).toEqual({ changed: [1, 3] })
    expect(titles(library.listPapers({ filter: { kind: 'all' } }).items).sort()).toEqual([
      'Humming Kettles',
      'Quiet Pianos'
    ])
    expect(library.listPapers({ filter: { kind: 'all' } }).total).toBe(2)
    expect(library.search({ query: 'gravel' }).total).toBe(0)
    expect(library.stats()).toMatchObject({ papers: 2, read: 0 })
    expect(library.listDigests().map((d) => [d.title, d.total, d.read])).toEqual([
      ['Tuesday', 1, 0],
      ['Monday', 1, 0]
    ])
    expect(library.getPaper(1)).toBeNull()
    expect(
      library
        .trash()
        .papers.map((p) => [p.id, p.title])
        .sort()
    ).toEqual([
      [1, 'Gravel Lattices'],
      [3, 'Sleepy Robots']
    ])
  })

  it('restores papers with their state, note, tags, subjects and digests', () => {
    const library = setUp()
    library.markRead([1], true)
    library.setStarred([1], true)
    library.saveNote(1, 'lemma 2 is wrong')
    library.tagPapers('Thesis', [1])
    library.trashPapers([1])
    expect(library.tags()).toEqual([])
    expect(library.restorePapers([1])).toEqual({ papers: [{ from: 1, to: 1 }], digests: [] })
    const back = library.getPaper(1)!
    expect(back).toMatchObject({
      title: 'Gravel Lattices',
      read: true,
      starred: true,
      note: 'lemma 2 is wrong',
      tags: ['Thesis']
    })
    expect(back.digestRefs.map((d) => [d.title, d.position])).toEqual([['Monday', 1]])
    expect(library.search({ query: 'lemma' }).items.map((p) => p.id)).toEqual([1])
    expect(library.listDigests().find((d) => d.title === 'Monday')).toMatchObject({ total: 3, read: 1 })
    expect(library.trash().papers).toEqual([])
    expect(() => library.restorePapers([1])).toThrow('The trash holds no paper with id 1')
  })

  it('merges a trashed paper into the same paper imported again meanwhile, keeping the live state', () => {
    const library = setUp()
    library.saveNote(1, 'old note')
    library.setStarred([1], true)
    library.trashPapers([1])
    library.importDigest(digest([paper('Gravel Lattices, revised', { arxivId: '2401.00001' })], { date: '2024-03-14' }))
    const live = library.listPapers({ filter: { kind: 'all' } }).items.find((p) => p.arxivId === '2401.00001')!
    library.markRead([live.id], true)
    const restored = library.restorePapers([1])
    expect(restored.papers).toEqual([{ from: 1, to: live.id }])
    expect(library.getPaper(live.id)).toMatchObject({ read: true, starred: true, note: 'old note' })
    expect(library.stats().papers).toBe(4)
  })

  it('deletes a digest: papers only it listed go to the trash, shared ones stay; restoring brings it all back', () => {
    const library = setUp()
    library.markRead([4], true)
    const tuesday = library.listDigests().find((d) => d.title === 'Tuesday')!
    expect(library.deleteDigest(tuesday.id)).toMatchObject({ digestId: tuesday.id, trashed: [4], kept: 1 })
    expect(library.listDigests().map((d) => d.title)).toEqual(['Monday'])
    expect(library.getPaper(3)?.digestRefs.map((d) => d.title)).toEqual(['Monday'])
    expect(library.stats()).toMatchObject({ papers: 3, read: 0 })
    const trash = library.trash()
    expect(trash.digests).toEqual([expect.objectContaining({ title: 'Tuesday', papers: 1 })])
    expect(trash.papers).toEqual([
      expect.objectContaining({ id: 4, title: 'Quiet Pianos', viaDigestId: trash.digests[0]!.id })
    ])

    expect(library.restoreDigest(trash.digests[0]!.id)).toEqual({ papers: [{ from: 4, to: 4 }], digests: [tuesday.id] })
    expect(library.listDigests().map((d) => [d.title, d.total, d.read])).toEqual([
      ['Tuesday', 2, 1],
      ['Monday', 3, 0]
    ])
    expect(library.getPaper(3)?.digestRefs.map((d) => d.title)).toEqual(['Monday', 'Tuesday'])
    expect(library.trash()).toEqual({ papers: [], digests: [] })
  })

  it('lets a deleted digest be imported again as new', () => {
    const library = memoryLibrary()
    const input = digest([paper('Gravel Lattices')])
    const first = library.importDigest(input)
    library.deleteDigest(first.digestId)
    expect(library.importDigest(input)).toMatchObject({ alreadyImported: false, added: 1 })
  })

  it('empties the trash for good', () => {
    const library = setUp()
    library.trashPapers([2])
    library.deleteDigest(2)
    expect(library.emptyTrash()).toEqual({ papers: 2, digests: 1 })
    expect(library.trash()).toEqual({ papers: [], digests: [] })
    expect(() => library.restorePapers([2])).toThrow('no paper with id 2')
  })

  it('purges what has been in the trash longer than the setting when the library opens', () => {
    const clock = new TestClock(new Date(Date.UTC(2024, 2, 1)))
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path, { now: clock.now }))
    library.importDigest(digest([paper('Gravel Lattices'), paper('Humming Kettles')]))
    library.trashPapers([1])
    clock.set(new Date(Date.UTC(2024, 2, 20)))
    library.trashPapers([2])
    library.close()
    clock.set(new Date(Date.UTC(2024, 3, 5)))
    const reopened = track(openLibrary(path, { now: clock.now }))
    expect(reopened.trash().papers.map((p) => p.id)).toEqual([2])
    reopened.updateSettings({ trashPurgeDays: 0 })
    reopened.close()
    clock.set(new Date(Date.UTC(2025, 3, 5)))
    expect(
      track(openLibrary(path, { now: clock.now }))
        .trash()
        .papers.map((p) => p.id)
    ).toEqual([2])
  })
})
