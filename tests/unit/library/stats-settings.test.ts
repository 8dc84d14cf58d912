import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/shared/model'
import { TestClock, digest, memoryLibrary, paper } from './helpers'

describe('stats', () => {
  it('counts totals and papers read per local day, zero-filled, from a fixed clock', () => {
    const clock = new TestClock(new Date(2024, 2, 13, 22, 0))
    const library = memoryLibrary(clock)
    library.importDigest(digest(['A', 'B', 'C', 'D', 'E'].map((t) => paper(`Paper ${t}`))))
    library.markRead([1, 2], true)
    clock.set(new Date(2024, 2, 15, 8, 0))
    library.markRead([3], true)
    library.setStarred([4], true)
    library.saveNote(5, 'later')

    const stats = library.stats({ days: 4, now: new Date(2024, 2, 15, 12, 0) })
    expect(stats).toEqual({
      papers: 5,
      read: 3,
      unread: 2,
      starred: 1,
      noted: 1,
      digests: 1,
      readPerDay: [
        { day: '2024-03-12', read: 0 },
        { day: '2024-03-13', read: 2 },
        { day: '2024-03-14', read: 0 },
        { day: '2024-03-15', read: 1 }
      ]
    })
  })

  it('takes an undone mark-read out of its day again', () => {
    const clock = new TestClock(new Date(2024, 2, 15, 9, 0))
    const library = memoryLibrary(clock)
    library.importDigest(digest([paper('Paper A'), paper('Paper B')]))
    library.markRead([1, 2], true)
    library.markRead([2], false)
    expect(library.stats({ days: 1 }).readPerDay).toEqual([{ day: '2024-03-15', read: 1 }])
    expect(library.stats({ days: 1 }).unread).toBe(1)
  })

  it('refuses a nonsensical number of days', () => {
    expect(() => memoryLibrary().stats({ days: 0 })).toThrow('days must be a whole number from 1 to 3650, not 0')
  })
})

describe('settings', () => {
  it('starts from the defaults and keeps what is updated', () => {
    const library = memoryLibrary()
    expect(library.getSettings()).toEqual(DEFAULT_SETTINGS)
    const updated = library.updateSettings({ markReadOnOpen: 'never', lastFilter: { kind: 'digest', digestId: 3 } })
    expect(updated).toEqual({
      ...DEFAULT_SETTINGS,
      markReadOnOpen: 'never',
      lastFilter: { kind: 'digest', digestId: 3 }
    })
    expect(library.updateSettings({ lastFilter: null })).toEqual({ ...DEFAULT_SETTINGS, markReadOnOpen: 'never' })
    expect(library.getSettings().markReadOnOpen).toBe('never')
  })

  it('refuses unknown settings and bad values, changing nothing', () => {
    const library = memoryLibrary()
    expect(() => library.updateSettings({ theme: 'dark' } as never)).toThrow('theme is not a setting')
    expect(() => library.updateSettings({ markReadDelaySeconds: 0, importSizeCapMb: 5 })).toThrow(
      '0 is not a valid markReadDelaySeconds'
    )
    expect(library.getSettings()).toEqual(DEFAULT_SETTINGS)
  })
})
