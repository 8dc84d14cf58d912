// Saved searches from the app: save the search being shown, open one as a list of its own,
// rename, reorder, delete. Each change answers with fresh counts through the sources refresh.
import type { PaperFilter, SavedSearch } from '../../../shared/model'
import { errorMessage } from '../api'
import { savedSearchFilter } from '../lib/filters'
import { say, type ActionContext } from './context'

export function createSavedSearchActions(
  ctx: ActionContext,
  refreshSources: () => Promise<void>,
  setFilter: (filter: PaperFilter) => Promise<void>
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
    /** The saved search's papers as a list of its own, like a digest's; the search field is emptied. */
    openSavedSearch: (saved: SavedSearch): Promise<void> => {
      ctx.selection.setState({ query: '' })
      return setFilter(savedSearchFilter(saved.id))
    },
    renameSavedSearch: (id: number, name: string): Promise<boolean> =>
      attempt('rename the saved search', () => ctx.api.renameSavedSearch({ id, name: name.trim() })),
    moveSavedSearch: (id: number, index: number): Promise<boolean> =>
      attempt('move the saved search', () => ctx.api.moveSavedSearch({ id, index })),
    deleteSavedSearch: async (id: number): Promise<boolean> => {
      const deleted = await attempt('delete the saved search', () => ctx.api.deleteSavedSearch({ id }))
      const { filter } = ctx.selection.getState()
      if (deleted && filter.kind === 'savedSearch' && filter.savedSearchId === id) await setFilter({ kind: 'all' })
      return deleted
    }
  }
}
