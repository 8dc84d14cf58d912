// Recommendations in the reader: `x` dismisses the selected suggestion, a revised paper can
// be marked read again, and a wrong merge split.
import { errorMessage } from '../api'
import { say, type ActionContext } from './context'
import type { ListActions } from './list'
import { quotedTitle, selectedPaper } from './selected'

export function createDiscoverActions(ctx: ActionContext, list: ListActions, refreshSources: () => Promise<void>) {
  async function dismissSelected(): Promise<void> {
    const paper = selectedPaper(ctx)
    if (ctx.selection.getState().filter.kind !== 'recommended') {
      say(ctx, 'x dismisses a suggestion in the Recommended list.')
      return
    }
    if (!paper) return
    try {
      await ctx.api.dismiss({ ids: [paper.id], dismissed: true })
      say(ctx, `Dismissed ${quotedTitle(paper.title)}: fewer papers like it will be suggested.`)
      await list.reloadList()
    } catch (error) {
      say(ctx, `Could not dismiss the paper: ${errorMessage(error)}`, 'error')
    }
  }

  /** Clears "revised since read" by marking the open paper read again. */
  async function markRevisionRead(): Promise<void> {
    const paper = selectedPaper(ctx)
    if (!paper) return
    try {
      await ctx.api.markRead({ ids: [paper.id], read: true })
      const fresh = await ctx.api.getPaper({ id: paper.id })
      if (fresh && ctx.reader.getState().paper?.id === paper.id) ctx.reader.setState({ paper: fresh })
      say(ctx, `Marked ${quotedTitle(paper.title)} read again.`)
      await refreshSources()
    } catch (error) {
      say(ctx, `Could not mark the paper read: ${errorMessage(error)}`, 'error')
    }
  }

  /** The open paper's entry from `digestId` becomes a paper of its own again. */
  async function splitMerge(paperId: number, digestId: number, digestTitle: string): Promise<boolean> {
    try {
      const outcome = await ctx.api.splitMerge({ id: paperId, digestId })
      const fresh = await ctx.api.getPaper({ id: paperId })
      if (fresh && ctx.reader.getState().paper?.id === paperId) ctx.reader.setState({ paper: fresh })
      say(ctx, `Split off the entry of ${quotedTitle(digestTitle)}: it is paper #${outcome.newPaperId} again.`)
      await Promise.all([refreshSources(), list.reloadList()])
      return true
    } catch (error) {
      say(ctx, `Could not split the paper: ${errorMessage(error)}`, 'error')
      return false
    }
  }

  return { dismissSelected, markRevisionRead, splitMerge }
}
