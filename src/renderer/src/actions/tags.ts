// The tag picker (`t`, the action bar, the context menu) and tags in the reader.
import type { PaperTarget } from '../../../shared/model'
import { isPicking, pickedCount } from '../lib/multiSelect'
import { say, type ActionContext } from './context'
import type { BulkActions } from './bulk'
import type { PickingActions } from './picking'
import { plural, quotedTitle, selectedPaper } from './selected'

export function createTagActions(ctx: ActionContext, picking: PickingActions, bulk: BulkActions) {
  /** What the picker's heading names: the open paper's title, or how many are selected. */
  function describeCurrent(): string {
    if (isPicking(ctx.picked.getState()))
      return plural(pickedCount(ctx.picked.getState(), ctx.papers.getState().total), 'paper')
    const paper = selectedPaper(ctx)
    return paper ? quotedTitle(paper.title) : 'the paper'
  }

  /** Opens the tag picker for `target` (by default the multi-selection, else the open paper). */
  function openTagPicker(target: PaperTarget | null = picking.currentTarget(), what = describeCurrent()): void {
    if (!target) {
      say(ctx, 'Select a paper to tag it.')
      return
    }
    const paper = selectedPaper(ctx)
    const one = 'ids' in target && target.ids.length === 1 ? target.ids[0] : null
    const tags = paper && paper.id === one ? paper.tags : []
    ctx.ui.setState({ dialog: 'tags', tagPicker: { target, what, tags } })
  }

  /** Adds (or removes) a tag on the picker's papers: one undo step. */
  function applyTag(name: string, remove = false): Promise<void> {
    const request = ctx.ui.getState().tagPicker
    if (!request) return Promise.resolve()
    return bulk.act(remove ? { kind: 'untag', name } : { kind: 'tag', name }, request.target)
  }

  /** The reader's tag chips: remove one tag from the open paper. */
  function untagPaper(paperId: number, name: string): Promise<void> {
    return bulk.act({ kind: 'untag', name }, { ids: [paperId] })
  }

  return { openTagPicker, applyTag, untagPaper }
}

export type TagActions = ReturnType<typeof createTagActions>
