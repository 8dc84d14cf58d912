// Undo and redo for every change the reader makes.
//
// The one undo mechanism. An action that changes stored state records ONE step per user
// gesture, after the change was stored (a bulk tag or delete of 500 papers is one step):
//
//   history.record({
//     label: 'Tagged 12 papers “to read”',      // what the change did
//     undoLabel: 'Untagged 12 papers “to read”', // what undoing it does
//     paperId: null,                             // or the one paper it changed
//     undo: async () => { ... },                 // persist the inverse; reject if not stored
//     redo: async () => { ... }                  // persist the change again; same rule
//   })
//
// Ctrl/Cmd+Z takes the newest step: it selects and shows `paperId` (when not null), runs
// `undo`, announces "Undo: <undoLabel>." and refreshes the counts; Ctrl/Cmd+Shift+Z does
// the same with `redo` and `label`. A rejected undo/redo leaves the step where it was and
// says why. Recording a new step clears what could be redone. Steps should use
// runOptimistic (lib/optimistic.ts) so the screen follows at once and is put back on error.
import { errorMessage } from '../api'
import { recordStep, restoreDone, restoreUndone, takeRedo, takeUndo, type UndoStep } from '../lib/undo'
import { say, type ActionContext } from './context'

export interface HistoryHooks {
  /** Selects and shows a paper without marking it read. */
  showPaper(id: number): Promise<void>
  /** Runs after every undo or redo (counts in the sources pane). */
  afterChange(): Promise<void>
}

function sentence(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

export function createHistoryActions(ctx: ActionContext, hooks: HistoryHooks) {
  function record(step: UndoStep): void {
    ctx.ui.setState((s) => ({ history: recordStep(s.history, step) }))
  }

  async function replay(direction: 'undo' | 'redo'): Promise<void> {
    const taken = direction === 'undo' ? takeUndo(ctx.ui.getState().history) : takeRedo(ctx.ui.getState().history)
    const { step } = taken
    if (!step) {
      say(ctx, direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.')
      return
    }
    ctx.ui.setState({ history: taken.history })
    if (step.paperId !== null) await hooks.showPaper(step.paperId)
    try {
      await (direction === 'undo' ? step.undo() : step.redo())
      const what = direction === 'undo' ? step.undoLabel : step.label
      say(ctx, `${direction === 'undo' ? 'Undo' : 'Redo'}: ${sentence(what)}.`)
    } catch (error) {
      ctx.ui.setState((s) => ({
        history: direction === 'undo' ? restoreUndone(s.history, step) : restoreDone(s.history, step)
      }))
      say(ctx, `Could not ${direction}: ${errorMessage(error)}`, 'error')
    }
    await hooks.afterChange()
  }

  return { record, undo: () => replay('undo'), redo: () => replay('redo') }
}

export type HistoryActions = ReturnType<typeof createHistoryActions>
