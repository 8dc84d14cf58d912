// Opening a paper's links in the system browser.
import { errorMessage } from '../api'
import { mainLink } from '../lib/links'
import { say, type ActionContext } from './context'
import { selectedPaper } from './selected'

export function createLinkActions(ctx: ActionContext) {
  async function openExternal(url: string): Promise<void> {
    try {
      await ctx.api.openExternal({ url })
    } catch (error) {
      say(ctx, `Could not open the link: ${errorMessage(error)}`, 'error')
    }
  }

  async function openMainLink(): Promise<void> {
    const paper = selectedPaper(ctx)
    const link = paper ? mainLink(paper.links) : null
    if (link) await openExternal(link.url)
    else if (paper) say(ctx, 'This paper has no links.')
  }

  return { openExternal, openMainLink }
}

export type LinkActions = ReturnType<typeof createLinkActions>
