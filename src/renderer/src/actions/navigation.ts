// Moving through the list and opening papers; a slower answer for an earlier selection is dropped.
import { errorMessage } from '../api'
import { indexOfId } from '../lib/pageCache'
import { withActivity } from './activity'
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
    if (index < 0) return
    const row = await list.rowAtIndex(index)
    if (row) await openPaper(row.id, index)
  }

  async function move(delta: number): Promise<void> {
    const { total } = ctx.papers.getState()
    if (total === 0) return
    const current = list.currentIndex()
    const target = current < 0 ? (delta > 0 ? 0 : total - 1) : Math.min(total - 1, Math.max(0, current + delta))
    if (target === current) {
      say(ctx, delta > 0 ? 'This is the last paper in the list.' : 'This is the first paper in the list.')
      return
    }
    await selectIndex(target)
  }

  /** The next unread paper below the selection, else from the top; the library finds it in one query. */
  async function findNextUnread(): Promise<{ id: number; index: number; wrapped: boolean } | null> {
    const { filter, query } = ctx.selection.getState()
    const after = list.currentIndex()
    if (query.trim()) {
      // Search results are ranked by the query: the list's own pages are the only order there is.
      const found = await list.findNextUnread()
      return found ? { id: found.row.id, index: found.index, wrapped: false } : null
    }
    const found = await ctx.api.nextUnread({ filter, after })
    return found ? { id: found.paper.id, index: found.index, wrapped: found.wrapped } : null
  }

  async function nextUnread(): Promise<boolean> {
    let found: Awaited<ReturnType<typeof findNextUnread>>
    try {
      found = await withActivity(ctx, 'Looking for the next unread paper…', findNextUnread)
    } catch (error) {
      say(ctx, `Could not find the next unread paper: ${errorMessage(error)}`, 'error')
      return false
    }
    if (!found || found.index === list.currentIndex()) {
      say(ctx, found ? 'No other unread papers in this list.' : 'No more unread papers in this list.')
      return false
    }
    if (found.wrapped) say(ctx, 'No unread papers below: back to the first unread one from the top.')
    await openPaper(found.id, found.index)
    return true
  }

  return { openPaper, showPaper, selectIndex, move, nextUnread }
}

export type NavigationActions = ReturnType<typeof createNavigationActions>
