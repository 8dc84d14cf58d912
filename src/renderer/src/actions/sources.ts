import { errorMessage } from '../api'
import type { ActionContext } from './context'

export const PROGRESS_DAYS = 28

/** Reloads digests and counts; an older answer never overwrites a newer one. */
export function createSourcesActions(ctx: ActionContext) {
  let token = 0
  async function refreshSources(): Promise<void> {
    const mine = ++token
    try {
      const [digests, stats, savedSearches, tags] = await Promise.all([
        ctx.api.listDigests(),
        ctx.api.stats({ days: PROGRESS_DAYS }),
        ctx.api.listSavedSearches(),
        ctx.api.listTags()
      ])
      if (mine !== token) return
      ctx.sources.setState({ loaded: true, digests, stats, savedSearches, tags, error: null })
    } catch (error) {
      if (mine !== token) return
      ctx.sources.setState({ loaded: true, error: errorMessage(error) })
    }
  }
  return { refreshSources }
}
