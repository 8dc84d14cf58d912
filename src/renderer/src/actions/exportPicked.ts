// Export from the action bar and the context menus: the picked papers (ids, or the whole list
// with the ones taken back out), one paper, or a digest. Main shows the save dialog.
import type { ExportDone, ExportRequest } from '../../../shared/export'
import type { PaperTarget } from '../../../shared/model'
import { say, type ActionContext } from './context'
import type { PickingActions } from './picking'

export function exportRequestOf(target: PaperTarget): ExportRequest {
  if ('ids' in target) return { ids: target.ids }
  return {
    filter: target.filter,
    ...(target.query?.trim() ? { query: target.query.trim() } : {}),
    ...(target.except?.length ? { except: target.except } : {})
  }
}

export function createPickedExport(
  ctx: ActionContext,
  picking: PickingActions,
  exportPapers: (request: ExportRequest) => Promise<ExportDone | null>
) {
  /** Exports the multi-selection (else the open paper, or `target`). */
  async function exportSelection(target: PaperTarget | null = picking.currentTarget()): Promise<void> {
    if (!target || ('ids' in target && target.ids.length === 0)) {
      say(ctx, 'Select a paper first.')
      return
    }
    await exportPapers(exportRequestOf(target))
  }

  function exportDigest(digestId: number): Promise<unknown> {
    return exportPapers({ filter: { kind: 'digest', digestId } })
  }

  return { exportSelection, exportDigest }
}
