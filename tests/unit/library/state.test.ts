import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LibraryError, openLibrary } from '../../../src/main/library'
import { TestClock, digest, memoryLibrary, paper, tempFolder, track } from './helpers'

function threePapers(clock = new TestClock()) {
  const library = memoryLibrary(clock)
  library.importDigest(digest([paper('Gravel Lattices'), paper('Humming Kettles'), paper('Sleepy Robots')]))
  return library
}

describe('read and starred marks', () => {
  it('marks read and unread, returning only the papers that changed', () => {
    const clock = new TestClock(new Date(Date.UTC(2024, 2, 15, 9, 30)))
    const library = threePapers(clock)
    expect(library.markRead([1, 2], true)).toEqual({ changed: [1, 2] })
    expect(library.markRead([2, 3, 3], true)).toEqual({ changed: [3] })
    expect(library.getPaper(2)).toMatchObject({ read: true, readAt: '2024-03-15T09:30:00.000Z' })
    expect(library.markRead([3, 1], false)).toEqual({ changed: [3, 1] })
    expect(library.markRead([3], false)).toEqual({ changed: [] })
    expect(library.listPapers({ filter: { kind: 'unread' } }).items.map((p) => p.id)).toEqual([1, 3])
  })

  it('stars and unstars, returning only the papers that changed', () => {
    const library = threePapers()
    expect(library.setStarred([3], true)).toEqual({ changed: [3] })
    expect(library.setStarred([3, 1], true)).toEqual({ changed: [1] })
    expect(library.getPaper(3)).toMatchObject({ starred: true, read: false })
    expect(library.setStarred([1, 2], false)).toEqual({ changed: [1] })
    expect(library.listPapers({ filter: { kind: 'starred' } }).items.map((p) => p.id)).toEqual([3])
  })

  it('refuses unknown paper ids without changing anything', () => {
    const library = threePapers()
    expect(() => library.markRead([1, 99], true)).toThrow(new LibraryError('NOT_FOUND', 'There is no paper with id 99'))
    expect(() => library.setStarred([98, 99], true)).toThrow('There are no papers with ids 98, 99')
    expect(() => library.markRead([0], true)).toThrow('0 is not a paper id')
    expect(library.stats()).toMatchObject({ read: 0, starred: 0 })
  })

  it('answers a million unknown ids with a short message naming the first few', () => {
    const library = threePapers()
    const unknown = Array.from({ length: 1_000_000 }, (_, i) => i + 100)
    for (const change of [() => library.markRead([1, ...unknown], true), () => library.setStarred(unknown, true)]) {
      expect(change).toThrow(
        new LibraryError('NOT_FOUND', 'There are no papers with ids 100, 101, 102, 103, 104 and 999,995 more')
      )
    }
    expect(library.stats()).toMatchObject({ read: 0, starred: 0 })
  })

  it('marks every paper a filter shows as read, returning them for undo', () => {
    const library = threePapers()
    library.importDigest(
      digest(
        [paper('Sleepy Robots'), paper('Quiet Pianos', { links: [{ url: 'https://github.com/q/p', kind: 'code' }] })],
        {
          date: '2024-03-13'
        }
      )
    )
    library.markRead([3], true)
    expect(library.markAllRead({ kind: 'digest', digestId: 2 })).toEqual({ changed: [4] })
    expect(library.markAllRead({ kind: 'hasCode' })).toEqual({ changed: [] })
    library.setStarred([1], true)
    expect(library.markAllRead({ kind: 'starred' })).toEqual({ changed: [1] })
    expect(library.markAllRead({ kind: 'all' })).toEqual({ changed: [2] })
    expect(library.stats()).toMatchObject({ read: 4, unread: 0 })
    // Undo: the returned ids go back to unread.
    expect(library.markRead([2], false)).toEqual({ changed: [2] })
  })

  it('keeps digest progress in step with read marks', () => {
    const library = threePapers()
    library.importDigest(digest([paper('Humming Kettles'), paper('Quiet Pianos')], { date: '2024-03-13' }))
    library.markRead([2], true)
    expect(library.listDigests().map((d) => [d.id, d.read, d.total])).toEqual([
      [2, 1, 2],
      [1, 1, 3]
    ])
    library.markAllRead({ kind: 'all' })
    expect(library.listDigests().map((d) => [d.id, d.read, d.unread])).toEqual([
      [2, 2, 0],
      [1, 3, 0]
    ])
    library.markRead([2, 4], false)
    expect(library.listDigests().map((d) => [d.id, d.read, d.unread])).toEqual([
      [2, 0, 2],
      [1, 2, 1]
    ])
  })

  it('logs every change as a reading event with its time', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const clock = new TestClock(new Date(Date.UTC(2024, 2, 15, 9, 0)))
    const library = track(openLibrary(path, { now: clock.now }))
    library.importDigest(digest([paper('Gravel Lattices'), paper('Humming Kettles')]))
    library.markRead([1], true)
    library.markRead([1], true)
    clock.advanceMinutes(1)
    library.setStarred([2], true)
    library.markRead([1], false)
    clock.advanceMinutes(1)
    library.saveNote(2, 'Kettles hum in B flat.')
    library.setStarred([2], false)
    library.close()

    const db = new Database(path, { readonly: true })
    const events = db.prepare('SELECT paper_id, kind, at FROM reading_events ORDER BY id').all()
    db.close()
    expect(events).toEqual([
      { paper_id: 1, kind: 'read', at: '2024-03-15T09:00:00.000Z' },
      { paper_id: 2, kind: 'star', at: '2024-03-15T09:01:00.000Z' },
      { paper_id: 1, kind: 'unread', at: '2024-03-15T09:01:00.000Z' },
      { paper_id: 2, kind: 'note', at: '2024-03-15T09:02:00.000Z' },
      { paper_id: 2, kind: 'unstar', at: '2024-03-15T09:02:00.000Z' }
    ])
  })
})

describe('notes', () => {
  it('saves, replaces and removes a note, and search follows', () => {
    const clock = new TestClock(new Date(Date.UTC(2024, 2, 15, 9, 0)))
    const library = threePapers(clock)
    library.saveNote(2, 'Try this with *marmalade* first.')
    expect(library.getPaper(2)).toMatchObject({
      note: 'Try this with *marmalade* first.',
      noteUpdatedAt: '2024-03-15T09:00:00.000Z'
    })
    expect(library.search({ query: 'marmalade' }).items.map((hit) => hit.id)).toEqual([2])

    clock.advanceMinutes(3)
    library.saveNote(2, 'Honey works better.')
    expect(library.getPaper(2)).toMatchObject({
      note: 'Honey works better.',
      noteUpdatedAt: '2024-03-15T09:03:00.000Z'
    })
    expect(library.search({ query: 'marmalade' }).total).toBe(0)
    expect(library.search({ query: 'honey' }).items.map((hit) => hit.id)).toEqual([2])

    library.saveNote(2, '   \n\t ')
    expect(library.getPaper(2)).toMatchObject({ note: null, noteUpdatedAt: null })
    expect(library.search({ query: 'honey' }).total).toBe(0)
    expect(library.stats().noted).toBe(0)
  })

  it('refuses a note for a paper that does not exist', () => {
    const library = threePapers()
    expect(() => library.saveNote(42, 'hello')).toThrow(new LibraryError('NOT_FOUND', 'There is no paper with id 42'))
  })
})
