import { describe, expect, it } from 'vitest'
import type { PaperFilter } from '../../../src/shared/model'
import { digest, memoryLibrary, paper } from './helpers'

function library(count = 8) {
  const lib = memoryLibrary()
  lib.importDigest(digest(Array.from({ length: count }, (_, i) => paper(`Invented paper ${i + 1}`))))
  return lib
}

/** The list as the reader sees it, to check that `index` points at the right row. */
function listed(lib: ReturnType<typeof library>, filter: PaperFilter) {
  return lib.listPapers({ filter, limit: 500 }).items
}

describe('the next unread paper', () => {
  it('is the first unread paper below the position, with its position in the list', () => {
    const lib = library()
    const rows = listed(lib, { kind: 'all' })
    lib.markRead(
      rows.slice(2, 5).map((p) => p.id),
      true
    )
    const found = lib.nextUnread({ filter: { kind: 'all' }, after: 1 })
    expect(found).toMatchObject({ index: 5, wrapped: false })
    expect(found?.paper.id).toBe(rows[5]!.id)
    expect(lib.nextUnread({ filter: { kind: 'all' }, after: -1 })?.index).toBe(0)
  })

  it('wraps to the top when nothing below is unread, and is null when nothing is', () => {
    const lib = library()
    const rows = listed(lib, { kind: 'all' })
    lib.markRead(
      rows.slice(1).map((p) => p.id),
      true
    )
    expect(lib.nextUnread({ filter: { kind: 'all' }, after: 3 })).toMatchObject({ index: 0, wrapped: true })
    lib.markRead([rows[0]!.id], true)
    expect(lib.nextUnread({ filter: { kind: 'all' }, after: 3 })).toBeNull()
  })

  it('counts positions in the filtered list, in that list’s order', () => {
    const lib = library()
    const rows = listed(lib, { kind: 'all' })
    lib.setStarred([rows[1]!.id, rows[4]!.id, rows[6]!.id], true)
    lib.markRead([rows[1]!.id], true)
    const starred = listed(lib, { kind: 'starred' })
    const found = lib.nextUnread({ filter: { kind: 'starred' }, after: 0 })
    expect(found?.index).toBe(1)
    expect(found?.paper.id).toBe(starred[1]!.id)
  })

  it('refuses a digest that is not there', () => {
    expect(() => library().nextUnread({ filter: { kind: 'digest', digestId: 99 }, after: -1 })).toThrow(
      'There is no digest with id 99'
    )
  })
})

describe('the next unread paper in a list main orders itself', () => {
  it('reads the pages in main and answers the same way', async () => {
    const { nextUnreadByPages } = await import('../../../src/main/library/next-unread')
    const lib = library(1200)
    const rows = lib.listPapers({ filter: { kind: 'all' }, limit: 500 }).items
    lib.markAllRead({ kind: 'all' })
    const last = lib.listPapers({ filter: { kind: 'all' }, offset: 1100, limit: 1 }).items[0]!
    lib.markRead([rows[3]!.id, last.id], false)
    const page = (query: Parameters<typeof lib.listPapers>[0]) => lib.listPapers(query)
    expect(await nextUnreadByPages(page, { filter: { kind: 'all' }, after: 10 })).toMatchObject({
      index: 1100,
      wrapped: false
    })
    expect(await nextUnreadByPages(page, { filter: { kind: 'all' }, after: 1100 })).toMatchObject({
      index: 3,
      wrapped: true
    })
  })
})
