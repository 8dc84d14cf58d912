import { describe, expect, it } from 'vitest'
import {
  isPicked,
  isPicking,
  nothingPicked,
  pickAll,
  pickRange,
  pickedCount,
  pickedLabel,
  targetOf,
  togglePick
} from '../../../src/renderer/src/lib/multiSelect'

describe('the multi-selection', () => {
  it('starts with the open paper and the Ctrl-clicked one, and toggles papers in and out', () => {
    let picked = togglePick(nothingPicked, 7, 6, 3)
    expect([...picked.ids]).toEqual([3, 7])
    expect(isPicking(picked)).toBe(true)
    picked = togglePick(picked, 9, 8, 3)
    picked = togglePick(picked, 3, 2, 3)
    expect([...picked.ids].sort()).toEqual([7, 9])
    expect(pickedLabel(picked, 100)).toBe('2 papers selected')
    picked = togglePick(togglePick(picked, 7, 6, 3), 9, 8, 3)
    expect(isPicking(picked)).toBe(false)
  })

  it('adds a Shift range to what is picked', () => {
    const picked = pickRange(togglePick(nothingPicked, 1, 0, null), [4, 5, 6], null)
    expect([...picked.ids].sort()).toEqual([1, 4, 5, 6])
    expect(pickedLabel(picked, 10)).toBe('4 papers selected')
  })

  it('selects a whole list without naming its papers, and sends main the list', () => {
    let picked = pickAll(0)
    expect(pickedLabel(picked, 20_000)).toBe('All 20,000 papers selected')
    expect(targetOf(picked, { kind: 'unread' }, '')).toEqual({ filter: { kind: 'unread' } })
    picked = togglePick(picked, 42, 41, null)
    expect(isPicked(picked, 42)).toBe(false)
    expect(isPicked(picked, 43)).toBe(true)
    expect(pickedCount(picked, 20_000)).toBe(19_999)
    expect(pickedLabel(picked, 20_000)).toBe('19,999 papers selected')
    expect(targetOf(picked, { kind: 'tag', tagId: 2 }, 'gravel ')).toEqual({
      filter: { kind: 'tag', tagId: 2 },
      query: 'gravel ',
      except: [42]
    })
    expect(pickedLabel(pickAll(0), 10_000, true)).toBe('All 10,000+ papers selected')
  })

  it('names picked papers by id when not the whole list', () => {
    expect(targetOf(pickRange(nothingPicked, [5, 6], 4), { kind: 'all' }, 'x')).toEqual({ ids: [5, 6] })
  })
})
