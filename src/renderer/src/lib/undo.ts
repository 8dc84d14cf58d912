// An undo stack of inverse operations: each entry says how to put reading state back.

export type InverseOperation =
  { kind: 'read'; ids: number[]; read: boolean } | { kind: 'star'; ids: number[]; starred: boolean }

export interface UndoEntry {
  /** What the change was, for the status line ("Marked 12 papers read"). */
  label: string
  inverse: InverseOperation
}

export interface UndoStack {
  readonly entries: readonly UndoEntry[]
}

export const MAX_UNDO = 100

export const emptyUndo: UndoStack = { entries: [] }

/** Adds an entry; a change that changed nothing is not worth undoing and is dropped. */
export function pushUndo(stack: UndoStack, entry: UndoEntry): UndoStack {
  if (entry.inverse.ids.length === 0) return stack
  const entries = [...stack.entries, entry]
  return { entries: entries.length > MAX_UNDO ? entries.slice(entries.length - MAX_UNDO) : entries }
}

export function popUndo(stack: UndoStack): { stack: UndoStack; entry: UndoEntry | null } {
  const entry = stack.entries.at(-1) ?? null
  if (!entry) return { stack, entry: null }
  return { stack: { entries: stack.entries.slice(0, -1) }, entry }
}

/** Removes one specific entry (its change failed and was rolled back). */
export function dropUndo(stack: UndoStack, entry: UndoEntry): UndoStack {
  return { entries: stack.entries.filter((candidate) => candidate !== entry) }
}

/** The inverse of marking `ids` read or unread, given only the ids whose state changed. */
export function inverseOfRead(changed: number[], read: boolean): InverseOperation {
  return { kind: 'read', ids: changed, read: !read }
}

export function inverseOfStar(changed: number[], starred: boolean): InverseOperation {
  return { kind: 'star', ids: changed, starred: !starred }
}
