// Moving through the list and opening papers; a slower answer for an earlier selection is dropped.
import { errorMessage } from '../api'
import { indexOfId } from '../lib/pageCache'
import { say, type ActionContext } from './context'
import type { ListActions } from './list'
import type { NoteActions } from './notes'
import type { ReadOnOpen } from './readOnOpen'

export const REMEMBER_SELECTION_MS = 300

export function createNavigationActions(
  ctx: ActionContext,
  list: ListActions,
  notes: NoteActions,
  readOnOpen: ReadOnOpen
) {
  let openToken = 0
  let rememberTimer: ReturnType<typeof setTimeout> | null = null

  function rememberSelection(id: number): void {
    if (rememberTimer) clearTimeout(rememberTimer)
    rememberTimer = setTimeout(() => {
      void ctx.api.updateSettings({ lastPaperId: id }).catch(() => undefined)
    }, REMEMBER_SELECTION_MS)
  }

  /** Opens a paper in the reader. `markRead: false` for restoring and undo, which only show it. */
  async function openPaper(id: number, index: number | null, options: { markRead?: boolean } = {}): Promise<void> {
    const previous = ctx.selection.getState().selectedId
    if (previous !== id) {
      void notes.flushNote()
      notes.closeNote()
    }
    ctx.selection.setState({ selectedId: id, selectedIndex: index, view: 'papers' })
    if (options.markRead !== false) readOnOpen.paperSelected(id)
    else readOnOpen.cancel()
    ctx.reader.setState({ loading: true, error: null })
    rememberSelection(id)
    const mine = ++openToken
    try {
      const paper = await ctx.api.getPaper({ id })
      if (mine !== openToken) return
      if (!paper) {
        ctx.reader.setState({ paper: null, loading: false, error: 'This paper is no longer in the library.' })
        return
      }
      ctx.reader.setState({ paper, loading: false })
      if (ctx.reader.getState().note.paperId !== id) notes.openNote(id, paper.note)
      readOnOpen.paperArrived(id)
    } catch (error) {
      if (mine !== openToken) return
      ctx.reader.setState({ loading: false, error: errorMessage(error) })
    }
  }

  /** Selects and shows a paper without marking it read (undo and redo use this). */
  async function showPaper(id: number): Promise<void> {
    if (ctx.selection.getState().selectedId === id && ctx.reader.getState().paper?.id === id) return
    const index = indexOfId(ctx.papers.getState().cache, id)
    await openPaper(id, index >= 0 ? index : null, { markRead: false })
  }

  async function selectIndex(index: number): Promise<void> {
    const row = await list.rowAtIndex(index)
    if (row) await openPaper(row.id, index)
  }

  async function move(delta: number): Promise<void> {
    const { total } = ctx.papers.getState()
    if (total === 0) return
    const current = list.currentIndex()
    const target = current < 0 ? (delta > 0 ? 0 : total - 1) : Math.min(total - 1, Math.max(0, current + delta))
    if (target === current) return
    await selectIndex(target)
  }

  async function nextUnread(): Promise<boolean> {
    const found = await list.findNextUnread()
    if (!found) {
      say(ctx, 'No more unread papers in this list.')
      return false
    }
    await openPaper(found.row.id, found.index)
    return true
  }

  return { openPaper, showPaper, selectIndex, move, nextUnread }
}

export type NavigationActions = ReturnType<typeof createNavigationActions>
