// One action on many papers (the action bar, the context menu, `t` and Delete): one request to
// main however many papers, then one undo step that says what it undid.
import type { BulkAction, BulkOutcome, PaperTarget } from '../../../shared/model'
import { errorMessage } from '../api'
import { updateRows } from '../lib/pageCache'
import { nothingPicked } from '../lib/multiSelect'
import { withActivity } from './activity'
import { say, type ActionContext } from './context'
import type { HistoryActions } from './history'
import type { PickingActions } from './picking'
import { plural, quotedTitle } from './selected'

export interface BulkHooks {
  refreshSources(): Promise<void>
  reloadList(): Promise<void>
  /** Fetches the open paper again (its tags changed). */
  reloadPaper(): Promise<void>
}

/** What undoing an action does. */
export function inverseOf(action: BulkAction): BulkAction | null {
  switch (action.kind) {
    case 'read':
    case 'star':
      return { kind: action.kind, value: !action.value }
    case 'tag':
      return { kind: 'untag', name: action.name }
    case 'untag':
      return { kind: 'tag', name: action.name }
    case 'trash':
      return null
  }
}

/** [what it did, what undoing it does, what it is doing meanwhile] for `what` ("12 papers", "“A title”"). */
export function bulkLabels(action: BulkAction, what: string, tag = ''): [string, string] {
  const name = `“${tag || ('name' in action ? action.name : '')}”`
  switch (action.kind) {
    case 'read':
      return action.value
        ? [`Marked ${what} read`, `Marked ${what} unread`]
        : [`Marked ${what} unread`, `Marked ${what} read`]
    case 'star':
      return action.value ? [`Starred ${what}`, `Unstarred ${what}`] : [`Unstarred ${what}`, `Starred ${what}`]
    case 'tag':
      return [`Tagged ${what} ${name}`, `Untagged ${what} ${name}`]
    case 'untag':
      return [`Untagged ${what} ${name}`, `Tagged ${what} ${name}`]
    case 'trash':
      return [`Moved ${what} to the trash`, `Restored ${what} from the trash`]
  }
}

function doingLabel(action: BulkAction): string {
  if (action.kind === 'trash') return 'Moving papers to the trash…'
  if (action.kind === 'tag' || action.kind === 'untag') return 'Changing tags…'
  return 'Changing papers…'
}

export function createBulkActions(
  ctx: ActionContext,
  history: HistoryActions,
  picking: PickingActions,
  hooks: BulkHooks
) {
  /** A known title for one paper ("“A title”"), else "12 papers". */
  function describe(ids: readonly number[]): string {
    if (ids.length === 1) {
      const paper = ctx.reader.getState().paper
      if (paper && paper.id === ids[0]) return quotedTitle(paper.title)
      for (const rows of ctx.papers.getState().cache.pages.values()) {
        const row = rows.find((r) => r.id === ids[0])
        if (row) return quotedTitle(row.title)
      }
    }
    return plural(ids.length, 'paper')
  }

  /** Shows a stored change on the rows and the open paper. */
  async function showChange(action: BulkAction, changed: readonly number[]): Promise<void> {
    const set = new Set(changed)
    if (action.kind === 'read' || action.kind === 'star') {
      const flag = action.kind === 'read' ? 'read' : 'starred'
      ctx.papers.setState((s) => ({
        cache: updateRows(
          s.cache,
          (row) => set.has(row.id) && row[flag] !== action.value,
          (row) => ({ ...row, [flag]: action.value })
        )
      }))
      ctx.reader.setState((s) =>
        s.paper && set.has(s.paper.id) ? { paper: { ...s.paper, [flag]: action.value } } : {}
      )
    } else {
      const open = ctx.reader.getState().paper
      if (action.kind === 'trash') {
        ctx.picked.setState(nothingPicked, true)
        await hooks.reloadList()
      } else if (ctx.selection.getState().filter.kind === 'tag') await hooks.reloadList()
      if (open && set.has(open.id)) await hooks.reloadPaper()
    }
    await hooks.refreshSources()
  }

  async function run(target: PaperTarget, action: BulkAction): Promise<BulkOutcome> {
    const outcome = await ctx.api.actOnPapers({ target, action })
    await showChange(action, outcome.changed)
    return outcome
  }

  /** Puts trashed papers back; answers their ids now (an id taken meanwhile gives a new one). */
  async function restore(ids: readonly number[]): Promise<number[]> {
    const restored = await ctx.api.restorePapers({ ids: [...ids] })
    const now = restored.papers.map((p) => p.to)
    await showChange({ kind: 'trash' }, now)
    return now
  }

  function record(action: BulkAction, changed: number[], labels: [string, string]): void {
    const inverse = inverseOf(action)
    let current = changed
    history.record({
      label: labels[0],
      undoLabel: labels[1],
      paperId: changed.length === 1 && action.kind !== 'trash' ? changed[0]! : null,
      undo: async () => {
        if (inverse) await run({ ids: current }, inverse)
        else current = await restore(current)
      },
      redo: async () => {
        await run({ ids: current }, action)
      }
    })
  }

  /** Acts on the multi-selection (or the open paper, or `target`); one undo step. */
  async function act(action: BulkAction, target: PaperTarget | null = picking.currentTarget()): Promise<void> {
    if (!target) {
      say(ctx, 'Select a paper first.')
      return
    }
    // Named before acting: a paper moved to the trash is no longer on screen to be named after.
    const one = 'ids' in target && target.ids.length === 1 ? describe(target.ids) : null
    try {
      const outcome = await withActivity(ctx, doingLabel(action), () => ctx.api.actOnPapers({ target, action }))
      const what = outcome.changed.length === 1 && one ? one : describe(outcome.changed)
      if (outcome.changed.length === 0) {
        say(ctx, 'Nothing to change: they were like that already.')
        return
      }
      // Recorded as soon as main stored it, so a Ctrl+Z pressed while the screen catches up undoes this.
      const labels = bulkLabels(action, what, outcome.tag)
      record(action, outcome.changed, labels)
      say(ctx, `${labels[0]}. Ctrl+Z undoes it.`)
      await showChange(action, outcome.changed)
    } catch (error) {
      say(ctx, `Could not change the papers: ${errorMessage(error)}`, 'error')
    }
  }

  return { act, restore }
}

export type BulkActions = ReturnType<typeof createBulkActions>
