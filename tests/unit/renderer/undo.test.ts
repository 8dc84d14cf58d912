import { describe, expect, it } from 'vitest'
import {
  MAX_UNDO,
  dropUndo,
  emptyUndo,
  inverseOfRead,
  inverseOfStar,
  popUndo,
  pushUndo
} from '../../../src/renderer/src/lib/undo'

describe('undo stack', () => {
  it('undoes the last change first', () => {
    let stack = pushUndo(emptyUndo, { label: 'Starred', inverse: inverseOfStar([1], true) })
    stack = pushUndo(stack, { label: 'Marked all read', inverse: inverseOfRead([2, 3], true) })
    const first = popUndo(stack)
    expect(first.entry?.inverse).toEqual({ kind: 'read', ids: [2, 3], read: false })
    const second = popUndo(first.stack)
    expect(second.entry?.inverse).toEqual({ kind: 'star', ids: [1], starred: false })
    expect(popUndo(second.stack).entry).toBeNull()
  })

  it('ignores changes that changed nothing', () => {
    expect(pushUndo(emptyUndo, { label: 'Marked all read', inverse: inverseOfRead([], true) })).toBe(emptyUndo)
  })

  it('keeps at most the last hundred changes', () => {
    let stack = emptyUndo
    for (let i = 1; i <= MAX_UNDO + 5; i++)
      stack = pushUndo(stack, { label: `${i}`, inverse: inverseOfRead([i], true) })
    expect(stack.entries).toHaveLength(MAX_UNDO)
    expect(stack.entries[0]?.label).toBe('6')
  })

  it('drops one failed entry and keeps the rest', () => {
    const a = { label: 'a', inverse: inverseOfRead([1], true) }
    const b = { label: 'b', inverse: inverseOfRead([2], true) }
    const stack = dropUndo(pushUndo(pushUndo(emptyUndo, a), b), a)
    expect(stack.entries).toEqual([b])
  })
})
