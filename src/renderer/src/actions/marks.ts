// Read and star changes: shown at once, rolled back if main refuses, one undo step each.
import type { StateChange } from '../../../shared/model'
import { errorMessage } from '../api'
import { runOptimistic } from '../lib/optimistic'
import { updateRows } from '../lib/pageCache'
import { say, type ActionContext } from './context'
import type { HistoryActions } from './history'
import { sourceName } from '../lib/sourceName'
import { plural, quotedTitle, selectedPaper } from './selected'

export type Flag = 'read' | 'starred'

/** Up to this many papers, Shift+A marks them read without asking: they are all in view. */
export const SCREENFUL = 20

interface FlagChange {
  /** The papers to show changed at once: those known to have the other value now. */
  shown: readonly number[]
  flag: Flag
  value: boolean
  /** Stores the change; answers which papers it actually changed. */
  persist(): Promise<StateChange>
}

export function createMarkActions(ctx: ActionContext, history: HistoryActions, refreshSources: () => Promise<void>) {
  /** Shows `value` for `flag` on every loaded copy of these papers (list rows and the reader). */
  function showFlag(ids: readonly number[], flag: Flag, value: boolean): void {
    if (ids.length === 0) return
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

  function store(ids: readonly number[], flag: Flag, value: boolean): Promise<StateChange> {
    return flag === 'read'
      ? ctx.api.markRead({ ids: [...ids], read: value })
      : ctx.api.setStarred({ ids: [...ids], starred: value })
  }

  /** Runs one change; answers the papers it changed (also shown), or throws after rolling back. */
  async function applyFlag(change: FlagChange): Promise<number[]> {
    const outcome = await runOptimistic({
      apply: () => showFlag(change.shown, change.flag, change.value),
      persist: change.persist,
      rollback: () => showFlag(change.shown, change.flag, !change.value)
    })
    if (!outcome.ok) throw outcome.error
    showFlag(outcome.value.changed, change.flag, change.value)
    return outcome.value.changed
  }

  /** The same change again (redo) or reversed (undo), on exactly the papers it changed. */
  function replayFlag(ids: number[], flag: Flag, value: boolean): Promise<void> {
    return applyFlag({ shown: ids, flag, value, persist: () => store(ids, flag, value) }).then(() => undefined)
  }

  /** Records a change as one undo step; nothing is recorded when it changed nothing. */
  function recordFlag(changed: number[], flag: Flag, value: boolean, labels: [string, string], paperId: number | null) {
    if (changed.length === 0) return
    history.record({
      label: labels[0],
      undoLabel: labels[1],
      paperId,
      undo: () => replayFlag(changed, flag, !value),
      redo: () => replayFlag(changed, flag, value)
    })
  }

  function flagLabels(flag: Flag, value: boolean, title: string): [string, string] {
    const name = quotedTitle(title)
    if (flag === 'starred')
      return value ? [`Starred ${name}`, `Unstarred ${name}`] : [`Unstarred ${name}`, `Starred ${name}`]
    return value ? [`Marked ${name} read`, `Marked ${name} unread`] : [`Marked ${name} unread`, `Marked ${name} read`]
  }

  /** Sets one flag on one paper whose title is known; one undo step. */
  async function setPaperFlag(paper: { id: number; title: string }, flag: Flag, value: boolean): Promise<void> {
    try {
      const changed = await applyFlag({ shown: [paper.id], flag, value, persist: () => store([paper.id], flag, value) })
      recordFlag(changed, flag, value, flagLabels(flag, value, paper.title), paper.id)
    } catch (error) {
      say(ctx, `Could not save that change: ${errorMessage(error)}`, 'error')
    }
    await refreshSources()
  }

  async function toggleRead(): Promise<void> {
    const paper = selectedPaper(ctx)
    if (paper) await setPaperFlag(paper, 'read', !paper.read)
  }

  async function toggleStar(): Promise<void> {
    const paper = selectedPaper(ctx)
    if (paper) await setPaperFlag(paper, 'starred', !paper.starred)
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

  /** Marks everything the list shows read: one undo step however many papers it changed. */
  async function markAllRead(): Promise<void> {
    const { filter, query } = ctx.selection.getState()
    const wereUnread: number[] = []
    for (const rows of ctx.papers.getState().cache.pages.values())
      for (const row of rows) if (!row.read) wereUnread.push(row.id)
    try {
      const changed = await applyFlag({
        shown: wereUnread,
        flag: 'read',
        value: true,
        persist: async () =>
          query.trim()
            ? ctx.api.markRead({ ids: await searchIds(query.trim()), read: true })
            : ctx.api.markAllRead({ filter })
      })
      const count = plural(changed.length, 'paper')
      recordFlag(changed, 'read', true, [`Marked ${count} read`, `Marked ${count} unread`], null)
      say(ctx, changed.length ? `Marked ${count} read. Ctrl+Z undoes it.` : 'Everything here was read already.')
    } catch (error) {
      say(ctx, `Could not mark all read: ${errorMessage(error)}`, 'error')
    }
    await refreshSources()
  }

  /** Marks every paper of these digests read (a group in the sources pane): one undo step. */
  async function markDigestsRead(digestIds: readonly number[], name: string): Promise<void> {
    const set = new Set(digestIds)
    const wereUnread: number[] = []
    for (const rows of ctx.papers.getState().cache.pages.values())
      for (const row of rows) if (!row.read && row.digests.some((id) => set.has(id))) wereUnread.push(row.id)
    try {
      const changed = await applyFlag({
        shown: wereUnread,
        flag: 'read',
        value: true,
        persist: async () => {
          const all: number[] = []
          for (const digestId of digestIds)
            all.push(...(await ctx.api.markAllRead({ filter: { kind: 'digest', digestId } })).changed)
          return { changed: [...new Set(all)] }
        }
      })
      const count = plural(changed.length, 'paper')
      recordFlag(changed, 'read', true, [`Marked ${count} in ${name} read`, `Marked ${count} in ${name} unread`], null)
      say(
        ctx,
        changed.length
          ? `Marked ${count} in ${name} read. Ctrl+Z undoes it.`
          : `Everything in ${name} was read already.`
      )
    } catch (error) {
      say(ctx, `Could not mark ${name} read: ${errorMessage(error)}`, 'error')
    }
    await refreshSources()
  }

  /** Shift+A: a list longer than a screenful is marked read only after the reader says yes. */
  function requestMarkAllRead(): void {
    const { total, searched } = ctx.papers.getState()
    if (total <= SCREENFUL) return void markAllRead()
    const { filter, query } = ctx.selection.getState()
    const { digests, savedSearches, tags } = ctx.sources.getState()
    const where = sourceName(filter, digests, savedSearches, tags)
    const list = searched
      ? `the ${plural(total, 'match')} for “${query.trim()}” in ${where}`
      : `all ${plural(total, 'paper')} in ${where}`
    ctx.ui.setState({
      dialog: 'confirm',
      confirmation: { question: `Mark ${list} read?`, action: 'Mark all read', run: () => void markAllRead() }
    })
  }

  return { setPaperFlag, toggleRead, toggleStar, markAllRead, markDigestsRead, requestMarkAllRead }
}

export type MarkActions = ReturnType<typeof createMarkActions>
