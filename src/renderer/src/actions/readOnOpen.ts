// Marking a paper read because it was opened. The rule, measured from the moment the paper
// is selected (not from when its details arrive, which varies):
//   'immediately'  -> read at once, if it was unread;
//   'after-delay'  -> read if it is still the selected paper `markReadDelaySeconds` later;
//   'never'        -> never.
// So ten quick j presses mark all ten read ('immediately') or none but the last, once it has
// stayed selected for the delay ('after-delay'). Each such mark is its own undo step.
import type { Settings } from '../../../shared/model'
import { indexOfId, rowAt } from '../lib/pageCache'
import type { ActionContext } from './context'
import type { MarkActions } from './marks'

/** How long after selection a paper is marked read; null when it never is. */
export function markReadDelayMs(settings: Pick<Settings, 'markReadOnOpen' | 'markReadDelaySeconds'>): number | null {
  if (settings.markReadOnOpen === 'never') return null
  if (settings.markReadOnOpen === 'immediately') return 0
  return Math.max(0, settings.markReadDelaySeconds) * 1000
}

export function createReadOnOpen(ctx: ActionContext, marks: MarkActions) {
  let timer: ReturnType<typeof setTimeout> | null = null
  /** The selection the pending mark belongs to, with when it started. */
  let pending: { id: number; selectedAt: number } | null = null

  function cancel(): void {
    if (timer) clearTimeout(timer)
    timer = null
    pending = null
  }

  /** What the stores know about the paper now: its title and read state, if loaded. */
  function known(id: number): { title: string; read: boolean } | null {
    const { paper } = ctx.reader.getState()
    if (paper?.id === id) return paper
    const { cache } = ctx.papers.getState()
    const index = ctx.selection.getState().selectedIndex
    const row = index !== null ? rowAt(cache, index) : undefined
    if (row?.id === id) return row
    const at = indexOfId(cache, id)
    return at >= 0 ? (rowAt(cache, at) ?? null) : null
  }

  function markIfStillSelected(id: number): void {
    timer = null
    if (pending?.id !== id || ctx.selection.getState().selectedId !== id) return
    const paper = known(id)
    if (!paper) return // decided when the paper arrives (paperArrived)
    pending = null
    if (!paper.read) void marks.setPaperFlag({ id, title: paper.title }, 'read', true)
  }

  function schedule(id: number, remainingMs: number): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (remainingMs <= 0) markIfStillSelected(id)
    else timer = setTimeout(() => markIfStillSelected(id), remainingMs)
  }

  /** A paper was selected by the reader (not restored, not shown by undo). */
  function paperSelected(id: number): void {
    cancel()
    const delay = markReadDelayMs(ctx.ui.getState().settings)
    if (delay === null) return
    pending = { id, selectedAt: Date.now() }
    schedule(id, delay)
  }

  /** The selected paper's details arrived: a mark that waited for them can be decided now. */
  function paperArrived(id: number): void {
    if (pending?.id !== id || timer) return
    const delay = markReadDelayMs(ctx.ui.getState().settings) ?? 0
    schedule(id, delay - (Date.now() - pending.selectedAt))
  }

  return { paperSelected, paperArrived, cancel }
}

export type ReadOnOpen = ReturnType<typeof createReadOnOpen>
