import { describe, expect, it } from 'vitest'
import {
  MAX_UNDO,
  emptyHistory,
  recordStep,
  restoreUndone,
  takeRedo,
  takeUndo,
  type UndoStep
} from '../../../src/renderer/src/lib/undo'

function step(label: string): UndoStep {
  return {
    label,
    undoLabel: `not ${label}`,
    paperId: null,
    undo: () => Promise.resolve(),
    redo: () => Promise.resolve()
  }
}

describe('undo history', () => {
  it('undoes the last change first and redoes in the same order', () => {
    let history = recordStep(recordStep(emptyHistory, step('a')), step('b'))
    const first = takeUndo(history)
    expect(first.step?.label).toBe('b')
    const second = takeUndo(first.history)
    expect(second.step?.label).toBe('a')
    expect(takeUndo(second.history).step).toBeNull()
    const redone = takeRedo(second.history)
    expect(redone.step?.label).toBe('a')
    history = redone.history
    expect(history.done.map((s) => s.label)).toEqual(['a'])
    expect(history.undone.map((s) => s.label)).toEqual(['b'])
  })

  it('forgets what could be redone once a new change is made', () => {
    const undone = takeUndo(recordStep(emptyHistory, step('a'))).history
    const history = recordStep(undone, step('c'))
    expect(takeRedo(history).step).toBeNull()
  })

  it('keeps at most the last hundred changes', () => {
    let history = emptyHistory
    for (let i = 1; i <= MAX_UNDO + 5; i++) history = recordStep(history, step(`${i}`))
    expect(history.done).toHaveLength(MAX_UNDO)
    expect(history.done[0]?.label).toBe('6')
  })

  it('puts a step whose undo failed back on top', () => {
    const a = step('a')
    const { history } = takeUndo(recordStep(emptyHistory, a))
    expect(restoreUndone(history, a)).toEqual({ done: [a], undone: [] })
  })
})
