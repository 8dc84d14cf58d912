// The undo history: one list of steps done and one of steps undone, the same for every kind
// of change (read, star, mark all read, and whatever later actions record).

/**
 * One undoable change. `undo` and `redo` persist their own work and reject when it could not
 * be stored (after putting the screen back); the history then keeps the step where it was.
 */
export interface UndoStep {
  /** What the change did, as a sentence fragment: "Starred “Title”", "Marked 12 papers read". */
  label: string
  /** What undoing it does: "Unstarred “Title”", "Marked 12 papers unread". */
  undoLabel: string
  /** The paper to select and show while undoing or redoing; null for changes to many papers. */
  paperId: number | null
  undo(): Promise<void>
  redo(): Promise<void>
}

export interface UndoHistory {
  readonly done: readonly UndoStep[]
  readonly undone: readonly UndoStep[]
}

export const MAX_UNDO = 100

export const emptyHistory: UndoHistory = { done: [], undone: [] }

/** A new change: it goes on top, and what was undone can no longer be redone. */
export function recordStep(history: UndoHistory, step: UndoStep): UndoHistory {
  const done = [...history.done, step]
  return { done: done.length > MAX_UNDO ? done.slice(done.length - MAX_UNDO) : done, undone: [] }
}

/** Moves the newest done step to the undone list; `step` is null when there is nothing to undo. */
export function takeUndo(history: UndoHistory): { history: UndoHistory; step: UndoStep | null } {
  const step = history.done.at(-1) ?? null
  if (!step) return { history, step }
  return { history: { done: history.done.slice(0, -1), undone: [...history.undone, step] }, step }
}

export function takeRedo(history: UndoHistory): { history: UndoHistory; step: UndoStep | null } {
  const step = history.undone.at(-1) ?? null
  if (!step) return { history, step }
  return { history: { done: [...history.done, step], undone: history.undone.slice(0, -1) }, step }
}

/** Puts a step back where it came from: its undo or redo failed and changed nothing. */
export function restoreUndone(history: UndoHistory, step: UndoStep): UndoHistory {
  return { done: [...history.done, step], undone: history.undone.filter((s) => s !== step) }
}

export function restoreDone(history: UndoHistory, step: UndoStep): UndoHistory {
  return { done: history.done.filter((s) => s !== step), undone: [...history.undone, step] }
}
