import { describe, expect, it } from 'vitest'
import {
  PAGE_SIZE,
  emptyCache,
  indexOfId,
  missingPages,
  putPage,
  rowAt,
  updateRows
} from '../../../src/renderer/src/lib/pageCache'

type R = { id: number; read: boolean }
const rows = (page: number): R[] =>
  Array.from({ length: PAGE_SIZE }, (_, i) => ({ id: page * PAGE_SIZE + i + 1, read: false }))

describe('page cache', () => {
  it('finds rows by list index across pages', () => {
    const cache = putPage(putPage(emptyCache<R>(), 0, rows(0)), 2, rows(2))
    expect(rowAt(cache, 5)?.id).toBe(6)
    expect(rowAt(cache, 250)?.id).toBe(251)
    expect(rowAt(cache, 150)).toBeUndefined()
    expect(indexOfId(cache, 251)).toBe(250)
    expect(indexOfId(cache, 151)).toBe(-1)
  })

  it('asks only for the pages of the visible range that are missing', () => {
    const cache = putPage(emptyCache<R>(), 1, rows(1))
    expect(missingPages(cache, 50, 350, 1000)).toEqual([0, 2, 3])
    expect(missingPages(cache, 950, 1200, 1000)).toEqual([9])
    expect(missingPages(cache, 0, 10, 0)).toEqual([])
  })

  it('stays bounded, evicting the least recently loaded page but never a kept one', () => {
    let cache = emptyCache<R>()
    for (let page = 0; page < 5; page++) cache = putPage(cache, page, rows(page), [0], 3)
    expect([...cache.pages.keys()].sort()).toEqual([0, 3, 4])
  })

  it('updates matching rows and keeps untouched pages as they were', () => {
    const cache = putPage(putPage(emptyCache<R>(), 0, rows(0)), 1, rows(1))
    const updated = updateRows(
      cache,
      (row) => row.id === 3,
      (row) => ({ ...row, read: true })
    )
    expect(rowAt(updated, 2)?.read).toBe(true)
    expect(updated.pages.get(1)).toBe(cache.pages.get(1))
    expect(
      updateRows(
        cache,
        () => false,
        (row) => row
      )
    ).toBe(cache)
  })
})
