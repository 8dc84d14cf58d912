// Opening papers and changing their reading state: optimistic, rolled back on error, undoable.
import type { PaperDetail, StateChange } from '../../../shared/model'
import { errorMessage } from '../api'
import { mainLink } from '../lib/links'
import { updateRows } from '../lib/pageCache'
import {
  dropUndo,
  inverseOfRead,
  inverseOfStar,
  popUndo,
  pushUndo,
  type InverseOperation,
  type UndoEntry
} from '../lib/undo'
import { say, type ActionContext } from './context'
import type { ListActions } from './list'
import type { NoteActions } from './notes'

type Flag = 'read' | 'starred'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function createReadingActions(
  ctx: ActionContext,
  list: ListActions,
  notes: NoteActions,
  refreshSources: () => Promise<void>
) {
  let openToken = 0
  let markReadTimer: ReturnType<typeof setTimeout> | null = null
  let rememberTimer: ReturnType<typeof setTimeout> | null = null

  /** Shows `value` for `flag` on every loaded copy of these papers (list rows and the reader). */
  function showFlag(ids: readonly number[], flag: Flag, value: boolean): void {
    const set = new Set(ids)
    ctx.papers.setState((state) => ({
      cache: updateRows(
        state.cache,
        (row) => set.has(row.id) && row[flag] !== value,
        (row) => ({ ...row, [flag]: value })
      )
    }))
    ctx.reader.setState((state) =>
      state.paper && set.has(state.paper.id) && state.paper[flag] !== value
        ? { paper: { ...state.paper, [flag]: value } }
        : {}
    )
  }

  function apply(inverse: InverseOperation): Promise<StateChange> {
    return inverse.kind === 'read'
      ? ctx.api.markRead({ ids: inverse.ids, read: inverse.read })
      : ctx.api.setStarred({ ids: inverse.ids, starred: inverse.starred })
  }

  /** Changes one flag on some papers: shown at once, undoable, rolled back if main refuses. */
  async function change(ids: number[], flag: Flag, value: boolean, label: string, undoable: boolean): Promise<void> {
    if (ids.length === 0) return
    showFlag(ids, flag, value)
    const entry: UndoEntry = {
      label,
      inverse: flag === 'read' ? inverseOfRead(ids, value) : inverseOfStar(ids, value)
    }
    if (undoable) ctx.ui.setState((s) => ({ undo: pushUndo(s.undo, entry) }))
    try {
      const result = await (flag === 'read'
        ? ctx.api.markRead({ ids, read: value })
        : ctx.api.setStarred({ ids, starred: value }))
      // Undo restores only what this change actually changed.
      if (undoable) {
        ctx.ui.setState((s) => ({
          undo: {
            entries: s.undo.entries.map((e) =>
              e === entry ? { ...e, inverse: { ...e.inverse, ids: result.changed } } : e
            )
          }
        }))
      }
    } catch (error) {
      showFlag(ids, flag, !value)
      if (undoable) ctx.ui.setState((s) => ({ undo: dropUndo(s.undo, entry) }))
      say(ctx, `Could not save that change: ${errorMessage(error)}`, 'error')
    }
    await refreshSources()
  }

  function scheduleMarkRead(paper: PaperDetail): void {
    if (markReadTimer) clearTimeout(markReadTimer)
    markReadTimer = null
    if (paper.read) return
    const { markReadOnOpen, markReadDelaySeconds } = ctx.ui.getState().settings
    if (markReadOnOpen === 'never') return
    const markIfStillOpen = () => {
      if (ctx.selection.getState().selectedId === paper.id) {
        void change([paper.id], 'read', true, 'Marked read', false)
      }
    }
    if (markReadOnOpen === 'immediately') markIfStillOpen()
    else markReadTimer = setTimeout(markIfStillOpen, markReadDelaySeconds * 1000)
  }

  function rememberSelection(id: number): void {
    if (rememberTimer) clearTimeout(rememberTimer)
    rememberTimer = setTimeout(() => {
      void ctx.api.updateSettings({ lastPaperId: id }).catch(() => undefined)
    }, 300)
  }

  /** Opens a paper in the reader; a slower answer for an earlier selection is dropped. */
  async function openPaper(id: number, index: number | null, options: { markRead?: boolean } = {}): Promise<void> {
    const previous = ctx.selection.getState().selectedId
    if (previous !== id) {
      void notes.flushNote()
      notes.closeNote()
    }
    ctx.selection.setState({ selectedId: id, selectedIndex: index, view: 'papers' })
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
      if (options.markRead !== false) scheduleMarkRead(paper)
    } catch (error) {
      if (mine !== openToken) return
      ctx.reader.setState({ loading: false, error: errorMessage(error) })
    }
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

  function selectedPaper(): { id: number; read: boolean; starred: boolean } | null {
    const { paper } = ctx.reader.getState()
    const { selectedId } = ctx.selection.getState()
    if (paper && paper.id === selectedId) return paper
    return null
  }

  async function toggleRead(): Promise<void> {
    const paper = selectedPaper()
    if (!paper) return
    if (markReadTimer) clearTimeout(markReadTimer)
    const read = !paper.read
    await change([paper.id], 'read', read, read ? 'Marked read' : 'Marked unread', true)
  }

  async function toggleStar(): Promise<void> {
    const paper = selectedPaper()
    if (!paper) return
    const starred = !paper.starred
    await change([paper.id], 'starred', starred, starred ? 'Starred' : 'Unstarred', true)
  }

  /** The ids of every search hit, page by page (the library marks filters, not searches). */
  async function searchIds(query: string): Promise<number[]> {
    const { filter } = ctx.selection.getState()
    const ids: number[] = []
    for (let offset = 0; ; offset += 500) {
      const page = await ctx.api.search({ query, filter, offset, limit: 500 })
      ids.push(...page.items.map((hit) => hit.id))
      if (page.items.length === 0 || offset + 500 >= page.total) return ids
    }
  }

  async function markAllRead(): Promise<void> {
    const { filter, query } = ctx.selection.getState()
    const { cache } = ctx.papers.getState()
    const wereUnread: number[] = []
    for (const rows of cache.pages.values()) for (const row of rows) if (!row.read) wereUnread.push(row.id)
    showFlag(wereUnread, 'read', true)
    try {
      const result = query.trim()
        ? await ctx.api.markRead({ ids: await searchIds(query.trim()), read: true })
        : await ctx.api.markAllRead({ filter })
      showFlag(result.changed, 'read', true)
      const entry: UndoEntry = { label: 'Marked all read', inverse: inverseOfRead(result.changed, true) }
      ctx.ui.setState((s) => ({ undo: pushUndo(s.undo, entry) }))
      say(
        ctx,
        result.changed.length
          ? `Marked ${plural(result.changed.length, 'paper')} read. Ctrl+Z undoes it.`
          : 'Everything here was read already.'
      )
    } catch (error) {
      showFlag(wereUnread, 'read', false)
      say(ctx, `Could not mark all read: ${errorMessage(error)}`, 'error')
    }
    await refreshSources()
  }

  async function undo(): Promise<void> {
    const { stack, entry } = popUndo(ctx.ui.getState().undo)
    if (!entry) {
      say(ctx, 'Nothing to undo.')
      return
    }
    ctx.ui.setState({ undo: stack })
    const { inverse } = entry
    const flag: Flag = inverse.kind === 'read' ? 'read' : 'starred'
    const value = inverse.kind === 'read' ? inverse.read : inverse.starred
    showFlag(inverse.ids, flag, value)
    try {
      await apply(inverse)
      say(
        ctx,
        `Undid: ${entry.label.toLowerCase()}${inverse.ids.length > 1 ? ` (${plural(inverse.ids.length, 'paper')})` : ''}.`
      )
    } catch (error) {
      showFlag(inverse.ids, flag, !value)
      ctx.ui.setState((s) => ({ undo: pushUndo(s.undo, entry) }))
      say(ctx, `Could not undo: ${errorMessage(error)}`, 'error')
    }
    await refreshSources()
  }

  async function openExternal(url: string): Promise<void> {
    try {
      await ctx.api.openExternal({ url })
    } catch (error) {
      say(ctx, `Could not open the link: ${errorMessage(error)}`, 'error')
    }
  }

  async function openMainLink(): Promise<void> {
    const paper = selectedPaper() ? ctx.reader.getState().paper : null
    const link = paper ? mainLink(paper.links) : null
    if (link) await openExternal(link.url)
    else if (paper) say(ctx, 'This paper has no links.')
  }

  return {
    openPaper,
    selectIndex,
    move,
    nextUnread,
    toggleRead,
    toggleStar,
    markAllRead,
    undo,
    openExternal,
    openMainLink
  }
}

export type ReadingActions = ReturnType<typeof createReadingActions>
