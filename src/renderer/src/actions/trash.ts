// The trash in the app: the Trash view (restore, empty), deleting a digest and "Undo import".
// Deleting and restoring are undo steps; emptying the trash is for good and asks first.
import type { DigestDeletion, ImportFileReport } from '../../../shared/model'
import { errorMessage } from '../api'
import type { TrashStore } from '../stores/trash'
import { say, type ActionContext } from './context'
import type { BulkActions } from './bulk'
import type { HistoryActions } from './history'
import { plural, quotedTitle } from './selected'

export interface TrashHooks {
  refreshSources(): Promise<void>
  reloadList(): Promise<void>
}

export function deletionSummary(title: string, deletion: Pick<DigestDeletion, 'trashed' | 'kept'>): string {
  const kept = deletion.kept > 0 ? `; ${plural(deletion.kept, 'paper')} other digests list stayed` : ''
  return `Deleted the digest ${quotedTitle(title)}: ${plural(deletion.trashed.length, 'paper')} to the trash${kept}`
}

export function createTrashActions(
  ctx: ActionContext,
  trash: TrashStore,
  history: HistoryActions,
  bulk: BulkActions,
  hooks: TrashHooks
) {
  async function loadTrash(): Promise<void> {
    try {
      trash.setState({ contents: await ctx.api.listTrash(), error: null })
    } catch (error) {
      trash.setState({ error: errorMessage(error) })
    }
  }

  async function afterChange(): Promise<void> {
    await Promise.all([
      hooks.refreshSources(),
      hooks.reloadList(),
      ctx.selection.getState().view === 'trash' ? loadTrash() : null
    ])
  }

  function showTrash(): Promise<void> {
    ctx.selection.setState({ view: 'trash' })
    return loadTrash()
  }

  /** Restores papers from the Trash view; one undo step (undo puts them back in the trash). */
  async function restorePapers(ids: number[]): Promise<void> {
    try {
      let current = await bulk.restore(ids)
      const what = plural(current.length, 'paper')
      history.record({
        label: `Restored ${what} from the trash`,
        undoLabel: `Moved ${what} back to the trash`,
        paperId: null,
        undo: async () => {
          await ctx.api.actOnPapers({ target: { ids: current }, action: { kind: 'trash' } })
          await afterChange()
        },
        redo: async () => {
          current = await bulk.restore(current)
          await afterChange()
        }
      })
      say(ctx, `Restored ${what}. Ctrl+Z undoes it.`)
    } catch (error) {
      say(ctx, `Could not restore: ${errorMessage(error)}`, 'error')
    }
    await afterChange()
  }

  /** Deletes a digest (its papers no other digest lists go to the trash); one undo step. */
  async function deleteDigest(digestId: number, title: string, verb = 'Deleted the digest'): Promise<boolean> {
    try {
      let deletion = await ctx.api.deleteDigest({ id: digestId })
      const { filter } = ctx.selection.getState()
      if (filter.kind === 'digest' && filter.digestId === digestId) ctx.selection.setState({ filter: { kind: 'all' } })
      let trashId = deletion.trashId
      history.record({
        label: `${verb} ${quotedTitle(title)}`,
        undoLabel: `Restored the digest ${quotedTitle(title)}`,
        paperId: null,
        undo: async () => {
          const restored = await ctx.api.restoreDigest({ trashId })
          deletion = { ...deletion, digestId: restored.digests[0] ?? deletion.digestId }
          await afterChange()
        },
        redo: async () => {
          deletion = await ctx.api.deleteDigest({ id: deletion.digestId })
          trashId = deletion.trashId
          await afterChange()
        }
      })
      say(ctx, `${deletionSummary(title, deletion)}. Ctrl+Z undoes it.`)
      await afterChange()
      return true
    } catch (error) {
      say(ctx, `Could not delete the digest: ${errorMessage(error)}`, 'error')
      return false
    }
  }

  /** "Undo import" in the import report: the digest is deleted, its new papers go to the trash. */
  async function undoImport(report: Extract<ImportFileReport, { ok: true }>, title: string): Promise<boolean> {
    return deleteDigest(report.digestId, title, 'Undid the import of')
  }

  async function restoreDigest(trashId: number, title: string): Promise<void> {
    try {
      const restored = await ctx.api.restoreDigest({ trashId })
      let digestId = restored.digests[0]!
      let currentTrashId = trashId
      history.record({
        label: `Restored the digest ${quotedTitle(title)}`,
        undoLabel: `Deleted the digest ${quotedTitle(title)}`,
        paperId: null,
        undo: async () => {
          currentTrashId = (await ctx.api.deleteDigest({ id: digestId })).trashId
          await afterChange()
        },
        redo: async () => {
          digestId = (await ctx.api.restoreDigest({ trashId: currentTrashId })).digests[0]!
          await afterChange()
        }
      })
      say(ctx, `Restored the digest ${quotedTitle(title)} with ${plural(restored.papers.length, 'paper')}.`)
    } catch (error) {
      say(ctx, `Could not restore the digest: ${errorMessage(error)}`, 'error')
    }
    await afterChange()
  }

  /** Empty Trash: for good, so it asks first. */
  function requestEmptyTrash(): void {
    const contents = trash.getState().contents
    const papers = contents?.papers.length ?? 0
    const digests = contents?.digests.length ?? 0
    ctx.ui.setState({
      dialog: 'confirm',
      confirmation: {
        question: `Remove ${plural(papers, 'paper')} and ${plural(digests, 'digest')} from the trash for good?`,
        note: 'This cannot be undone.',
        action: 'Empty Trash',
        run: () => void emptyTrash()
      }
    })
  }

  async function emptyTrash(): Promise<void> {
    try {
      const removed = await ctx.api.emptyTrash()
      say(
        ctx,
        `Emptied the trash: ${plural(removed.papers, 'paper')} and ${plural(removed.digests, 'digest')} removed for good.`
      )
    } catch (error) {
      say(ctx, `Could not empty the trash: ${errorMessage(error)}`, 'error')
    }
    await afterChange()
  }

  return { showTrash, loadTrash, restorePapers, restoreDigest, deleteDigest, undoImport, requestEmptyTrash }
}

export type TrashActions = ReturnType<typeof createTrashActions>
