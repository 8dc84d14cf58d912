// Exporting papers: main shows the save dialog and writes the file; the page only says which
// papers (the list it shows, or chosen ids) and tells the reader where they went.
import type { ExportDone, ExportRequest } from '../../../shared/export'
import { errorMessage } from '../api'
import { say, type ActionContext } from './context'

export function createExportActions(ctx: ActionContext) {
  /** Exports these papers (ids, or a filter and query); null when the reader cancelled the dialog. */
  async function exportPapers(request: ExportRequest): Promise<ExportDone | null> {
    try {
      const done = await ctx.api.exportPapers(request)
      if (done) say(ctx, `Exported ${done.papers} paper${done.papers === 1 ? '' : 's'} to ${done.path}.`)
      return done
    } catch (error) {
      say(ctx, `Could not export: ${errorMessage(error)}`, 'error')
      return null
    }
  }

  /** File > Export...: the list on screen, as its source and search box choose it. */
  function exportList(): Promise<ExportDone | null> {
    const { filter, query } = ctx.selection.getState()
    const typed = query.trim()
    return exportPapers(typed ? { filter, query: typed } : { filter })
  }

  return { exportPapers, exportList }
}

export type ExportActions = ReturnType<typeof createExportActions>
