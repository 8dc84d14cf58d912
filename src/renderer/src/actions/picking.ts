// Picking papers in the list: Ctrl/Cmd-click and Shift-click, Shift+J/K, Ctrl/Cmd+A, Esc.
// The open paper follows the cursor without being marked read; a new list starts unpicked.
import type { PaperTarget } from '../../../shared/model'
import { isPicking, nothingPicked, pickAll, pickRange, targetOf, togglePick } from '../lib/multiSelect'
import { say, type ActionContext } from './context'
import type { ListActions } from './list'

export interface PointerPick {
  index: number
  id: number
  /** Shift held: a range from the anchor. */
  range: boolean
  /** Ctrl/Cmd held: this paper in or out. */
  toggle: boolean
}

/** The longest Shift range: its rows are read page by page (the list's own pages). */
const MAX_RANGE = 50_000

export function createPickingActions(
  ctx: ActionContext,
  list: ListActions,
  show: (id: number, index: number) => Promise<void>
) {
  ctx.selection.subscribe((state, previous) => {
    if (state.filter !== previous.filter || state.query !== previous.query) clearPicked()
  })

  function clearPicked(): boolean {
    if (!isPicking(ctx.picked.getState())) return false
    ctx.picked.setState(nothingPicked, true)
    return true
  }

  /** The ids of list rows `from`..`to`, loading their pages when needed. */
  async function idsBetween(from: number, to: number): Promise<number[]> {
    const [low, high] = from <= to ? [from, to] : [to, from]
    const ids: number[] = []
    for (let index = low; index <= Math.min(high, low + MAX_RANGE); index++) {
      const row = await list.rowAtIndex(index)
      if (!row) break
      ids.push(row.id)
    }
    return ids
  }

  async function pickWithPointer(pick: PointerPick): Promise<void> {
    const current = ctx.selection.getState().selectedId
    const picked = ctx.picked.getState()
    if (pick.range) {
      const anchor = picked.anchor ?? ctx.selection.getState().selectedIndex ?? pick.index
      ctx.picked.setState(pickRange(picked, await idsBetween(anchor, pick.index), anchor), true)
    } else ctx.picked.setState(togglePick(picked, pick.id, pick.index, current), true)
    await show(pick.id, pick.index)
  }

  /** Shift+J / Shift+K: the next (previous) paper joins the selection, and the cursor moves to it. */
  async function extend(delta: 1 | -1): Promise<void> {
    const { total } = ctx.papers.getState()
    const current = list.currentIndex()
    const target = current < 0 ? 0 : current + delta
    if (target < 0 || target >= total) {
      say(ctx, delta > 0 ? 'This is the last paper in the list.' : 'This is the first paper in the list.')
      return
    }
    const rows = await idsBetween(Math.max(0, current), target)
    const picked = ctx.picked.getState()
    ctx.picked.setState(pickRange(picked, rows, picked.anchor ?? Math.max(0, current)), true)
    const row = await list.rowAtIndex(target)
    if (row) await show(row.id, target)
  }

  function selectAll(): void {
    if (ctx.papers.getState().total === 0) return
    ctx.picked.setState(pickAll(ctx.selection.getState().selectedIndex), true)
  }

  /** What an action works on: the multi-selection, else the open paper; null when neither. */
  function currentTarget(): PaperTarget | null {
    const picked = ctx.picked.getState()
    const { filter, query, selectedId } = ctx.selection.getState()
    if (isPicking(picked)) return targetOf(picked, filter, query)
    return selectedId === null ? null : { ids: [selectedId] }
  }

  return { pickWithPointer, extend, selectAll, clearPicked, currentTarget }
}

export type PickingActions = ReturnType<typeof createPickingActions>
