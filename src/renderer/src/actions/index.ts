// Wires the stores and actions together: the app's whole state, built around one api.
import type { AppEvent } from '../../../shared/api'
import type { Settings } from '../../../shared/model'
import { errorMessage, type RendererApi } from '../api'
import { createPapersStore } from '../stores/papers'
import { createReaderStore } from '../stores/reader'
import { createSelectionStore } from '../stores/selection'
import { createSourcesStore } from '../stores/sources'
import { createUiStore, type Dialog } from '../stores/ui'
import { say, type ActionContext } from './context'
import { createImportActions } from './imports'
import { createListActions } from './list'
import { createNoteActions } from './notes'
import { createComfortActions } from './comfort'
import { createHistoryActions } from './history'
import { createLinkActions } from './links'
import { createMarkActions } from './marks'
import { createNavigationActions } from './navigation'
import { createReadOnOpen } from './readOnOpen'
import { createSavedSearchActions } from './savedSearches'
import { createSourcesActions } from './sources'
import { createDiscoverActions } from './discover'
import { createExportActions } from './exports'
import { runOptimistic } from '../lib/optimistic'
import { createPickedStore } from '../stores/picked'
import { createTrashStore } from '../stores/trash'
import { createPickingActions } from './picking'
import { createBulkActions } from './bulk'
import { createTrashActions } from './trash'
import { createTagActions } from './tags'
import { createMenuActions } from './menus'
import { createPickedExport } from './exportPicked'

export function createDogear(api: RendererApi) {
  const ctx: ActionContext = {
    api,
    selection: createSelectionStore(),
    papers: createPapersStore(),
    picked: createPickedStore(),
    reader: createReaderStore(),
    sources: createSourcesStore(),
    ui: createUiStore()
  }
  const sources = createSourcesActions(ctx)
  const list = createListActions(ctx)
  const notes = createNoteActions(ctx)
  const history = createHistoryActions(ctx, {
    showPaper: (id) => navigation.showPaper(id),
    afterChange: sources.refreshSources
  })
  const marks = createMarkActions(ctx, history, sources.refreshSources)
  const readOnOpen = createReadOnOpen(ctx, marks)
  const navigation = createNavigationActions(ctx, list, notes, readOnOpen)
  const links = createLinkActions(ctx)
  const savedSearches = createSavedSearchActions(ctx, sources.refreshSources, list.setFilter)
  const discover = createDiscoverActions(ctx, list, sources.refreshSources)
  const comfort = createComfortActions(ctx)
  const exports = createExportActions(ctx)
  const imports = createImportActions(ctx, async () => {
    await Promise.all([sources.refreshSources(), list.reloadList()])
  })
  const trashStore = createTrashStore()
  const picking = createPickingActions(ctx, list, (id, index) => navigation.openPaper(id, index, { markRead: false }))
  /** The open paper fetched again (its tags changed); a paper gone to the trash leaves the reader empty. */
  async function reloadPaper(): Promise<void> {
    const open = ctx.reader.getState().paper
    if (!open) return
    const paper = await api.getPaper({ id: open.id }).catch(() => open)
    if (ctx.reader.getState().paper?.id !== open.id) return
    if (paper) ctx.reader.setState({ paper })
    else {
      ctx.reader.setState({ paper: null })
      ctx.selection.setState({ selectedId: null, selectedIndex: null })
    }
  }
  const bulk = createBulkActions(ctx, history, picking, {
    refreshSources: sources.refreshSources,
    reloadList: list.reloadList,
    reloadPaper
  })
  const trash = createTrashActions(ctx, trashStore, history, bulk, {
    refreshSources: sources.refreshSources,
    reloadList: list.reloadList
  })
  const tags = createTagActions(ctx, picking, bulk)
  const pickedExport = createPickedExport(ctx, picking, exports.exportPapers)
  const menus = createMenuActions(ctx, picking, bulk, tags, trash, {
    markDigestsRead: marks.markDigestsRead,
    exportPapers: pickedExport.exportSelection,
    exportDigest: pickedExport.exportDigest
  })

  /** Loads settings, counts and the list, and reopens the paper that was open last time (once). */
  let started: Promise<void> | null = null
  function start(): Promise<void> {
    started ??= load()
    return started
  }

  async function load(): Promise<void> {
    let settings: Settings | null = null
    try {
      settings = await api.getSettings()
      ctx.ui.setState({ settings })
    } catch (error) {
      say(ctx, `Could not read the settings: ${errorMessage(error)}`, 'error')
    }
    await sources.refreshSources()
    const lastFilter = settings?.lastFilter
    const { digests, savedSearches: saved } = ctx.sources.getState()
    const digestGone = lastFilter?.kind === 'digest' && !digests.some((d) => d.id === lastFilter.digestId)
    const searchGone = lastFilter?.kind === 'savedSearch' && !saved.some((s) => s.id === lastFilter.savedSearchId)
    if (lastFilter && !digestGone && !searchGone) ctx.selection.setState({ filter: lastFilter })
    const lastPaperId = settings?.lastPaperId ?? null
    ctx.selection.setState({ selectedId: lastPaperId })
    await list.reloadList()
    if (lastPaperId !== null) {
      await navigation.openPaper(lastPaperId, ctx.selection.getState().selectedIndex, { markRead: false })
    }
  }

  async function updateSettings(patch: Partial<Settings>): Promise<void> {
    const before = ctx.ui.getState().settings
    const outcome = await runOptimistic({
      apply: () => ctx.ui.setState({ settings: { ...before, ...patch } }),
      persist: () => api.updateSettings(patch),
      rollback: () => ctx.ui.setState({ settings: before })
    })
    if (outcome.ok) ctx.ui.setState({ settings: outcome.value })
    else say(ctx, `Could not save the setting: ${errorMessage(outcome.error)}`, 'error')
  }

  function openDialog(dialog: Dialog): void {
    ctx.ui.setState({ dialog })
  }

  function showProgress(): void {
    ctx.selection.setState({ view: 'progress' })
    void sources.refreshSources()
  }

  /** Ctrl/Cmd+Shift+V: main reads the clipboard (the page may not) and imports it. */
  function pasteDigest(): Promise<unknown> {
    return imports.importClipboard()
  }

  function handleEvent(event: AppEvent): void {
    if (event.type === 'importProgress') {
      // An import main started by itself (a watched folder) has no call here to clear the bar.
      const finished = event.total > 0 && event.done >= event.total
      ctx.ui.setState({ progress: finished ? null : { file: event.file, done: event.done, total: event.total } })
    } else if (event.type === 'libraryChanged') {
      ctx.ui.setState({ progress: null })
      if (event.reports.length) imports.showReports(event.reports)
      void sources.refreshSources()
      void list.reloadList()
    } else if (event.command === 'import') void imports.chooseAndImport()
    else if (event.command === 'export') void exports.exportList()
    else if (event.command === 'showKeys') openDialog('keys')
    else if (event.command === 'textLarger') comfort.changeTextSize(1)
    else if (event.command === 'textSmaller') comfort.changeTextSize(-1)
    else if (event.command === 'textDefault') comfort.changeTextSize(0)
    else showProgress()
  }

  return {
    ...ctx,
    trash: trashStore,
    ...picking,
    ...bulk,
    ...trash,
    ...tags,
    ...menus,
    ...pickedExport,
    start,
    say: (text: string) => say(ctx, text),
    handleEvent,
    updateSettings,
    openDialog,
    showProgress,
    pasteDigest,
    /** Main shows the save dialog; `exportPapers({ ids })` exports a selection, `exportList()` the list. */
    exportPapers: exports.exportPapers,
    exportList: exports.exportList,
    refreshSources: sources.refreshSources,
    ...list,
    ...notes,
    ...navigation,
    ...marks,
    /** A read change by hand wins over a pending mark-read-on-open. */
    toggleRead: () => {
      readOnOpen.cancel()
      return marks.toggleRead()
    },
    ...links,
    ...savedSearches,
    ...discover,
    ...comfort,
    undo: history.undo,
    redo: history.redo,
    recordUndoStep: history.record,
    ...imports,
    requestSearchFocus: () => ctx.ui.setState((s) => ({ focusSearchRequest: s.focusSearchRequest + 1 })),
    requestNoteEdit: () => ctx.ui.setState((s) => ({ editNoteRequest: s.editNoteRequest + 1 }))
  }
}

export type Dogear = ReturnType<typeof createDogear>
