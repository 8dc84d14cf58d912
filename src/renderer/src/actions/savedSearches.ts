// Saved searches from the app: save the search being shown, open, rename, reorder, delete.
// Each change answers with fresh counts through the sources refresh.
import type { SavedSearch } from '../../../shared/model'
import { errorMessage } from '../api'
import { say, type ActionContext } from './context'

export function createSavedSearchActions(
  ctx: ActionContext,
  refreshSources: () => Promise<void>,
  searchNow: (query: string) => Promise<void>
) {
  async function attempt(what: string, work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work()
      await refreshSources()
      return true
    } catch (error) {
      say(ctx, `Could not ${what}: ${errorMessage(error)}`, 'error')
      return false
    }
  }

  return {
    /** Saves the search box's query under `name` (one of the same name is replaced). */
    saveCurrentSearch: async (name: string): Promise<boolean> => {
      const query = ctx.selection.getState().query.trim()
      const saved = await attempt('save the search', () => ctx.api.saveSearch({ name: name.trim(), query }))
      if (saved) say(ctx, `Saved the search "${name.trim()}".`)
      return saved
    },
    openSavedSearch: (saved: SavedSearch): Promise<void> => searchNow(saved.query),
    renameSavedSearch: (id: number, name: string): Promise<boolean> =>
      attempt('rename the saved search', () => ctx.api.renameSavedSearch({ id, name: name.trim() })),
    moveSavedSearch: (id: number, index: number): Promise<boolean> =>
      attempt('move the saved search', () => ctx.api.moveSavedSearch({ id, index })),
    deleteSavedSearch: (id: number): Promise<boolean> =>
      attempt('delete the saved search', () => ctx.api.deleteSavedSearch({ id }))
  }
}
