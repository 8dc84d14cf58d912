// The handler table behind every operation of the IPC contract. Plain Node (no electron):
// main binds it to ipcMain, the browser tests call it straight from Node. Anything that
// needs Electron (dialogs, the shell, the import worker) comes in through `deps`.
import type { Handlers } from '../shared/api'
import type { ImportFileReport, Settings } from '../shared/model'
import type { Library } from './library/contract'
import { listFormats, type ImportOptions } from './ingest/pipeline'
import { importOptionsFor, importSource, type ImportSource } from './ingest/import-source'
import { notImported } from './ingest/reports'
import type { FileGrants } from './file-grants'
import { nextUnreadByPages } from './library/next-unread'
import { safeExternalUrl } from './shell/security'
import { createSyncService, type SyncService } from './sync/service'
import { syncHandlers } from './sync/handlers'
import { createDiscoverEngine } from './discover/engine'
import { isRecommenderQuery, recommendedPage, relatedPapers } from './discover/lists'
import { exportWithDialog, type ChooseExportFile } from './export/app-export'
import { actOnPapers, exportWithoutExcept } from './bulk'
import { rememberSourceFiles, sourceToReveal } from './source-files'
import { lastBackup } from './library/auto-backup'

export interface HandlerDeps {
  /** Opens an http(s) link in the system browser; only called with a checked URL. */
  openExternal(url: string): void | Promise<void>
  /** Shows the file dialog; resolves to the chosen paths (empty when cancelled). */
  chooseFiles(): Promise<string[]>
  /**
   * The one door of every import (files, pasted text, the sample): in the app the import
   * worker, off the main thread. One report per source, in order.
   */
  runImports(sources: ImportSource[], options: ImportOptions): Promise<ImportFileReport[]>
  /** The bundled sample digest. */
  samplePath: string
  /** The system clipboard's text (main reads it: the page may not). */
  readClipboard(): string | Promise<string>
  /** Shows the save dialog for an export; the chosen path, or null when cancelled. */
  chooseExportFile?: ChooseExportFile
  /** Shows the folder dialog for the sync folder; null when cancelled. */
  chooseSyncFolder?(): Promise<string | null>
  /** The app's running sync (timers, folder watch); a plain one is made when absent. */
  sync?: SyncService
  /** Tokens for dropped files: importFiles imports only what these grants name. */
  files: FileGrants
  /** Told after settings changed (the app restarts its folder watcher). */
  onSettingsChanged?(settings: Settings): void
  /** Shows a file in the system's file manager (shell.showItemInFolder). */
  revealFile?(path: string): void
  /** The library's file: the automatic backups sit in backups/ beside it. */
  libraryPath?: string
}

/** An error with a code the renderer can act on; `dispatch` copies the code into the envelope. */
export class HandlerError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_ARGUMENT',
    message: string
  ) {
    super(message)
    this.name = 'HandlerError'
  }
}

const PASTED_NAME = 'Pasted digest'
export const CLIPBOARD_NAME = 'Clipboard'

/**
 * The folder watcher moves files out of the folder it watches, so only main (through the
 * "Watch a Folder..." dialog) may point it somewhere; the renderer may turn it off.
 */
function checkSettingsPatch(current: Settings, patch: Partial<Settings>): void {
  if (patch.watchFolder !== undefined && patch.watchFolder !== null && patch.watchFolder !== current.watchFolder) {
    throw new HandlerError('FORBIDDEN', 'Choose the watched folder with File > Watch a Folder...')
  }
}

export function createHandlers(library: Library, deps: HandlerDeps): Handlers {
  const runImports = async (sources: ImportSource[], extra: ImportOptions = {}) => {
    const reports = await deps.runImports(sources, importOptionsFor(library, extra))
    rememberSourceFiles(library, reports)
    return reports
  }
  const runOne = async (source: ImportSource): Promise<ImportFileReport> => {
    const [report] = await runImports([source])
    if (!report) throw new Error('the import gave no report')
    return report
  }
  const sync = deps.sync ?? createSyncService({ library })
  const discover = createDiscoverEngine(library.discover)
  return {
    ...syncHandlers(library, sync, deps.chooseSyncFolder),
    listPapers: (query) =>
      isRecommenderQuery(query) ? recommendedPage(library, discover, query) : library.listPapers(query),
    nextUnread: (query) =>
      isRecommenderQuery({ filter: query.filter, ...(query.sort ? { sort: query.sort } : {}) })
        ? nextUnreadByPages((page) => recommendedPage(library, discover, page), query)
        : library.nextUnread(query),
    // The contract answers null for an unknown id: a stale "last selection" is not an error.
    getPaper: ({ id }) => library.getPaper(id),
    search: (query) => library.search(query),
    listSavedSearches: () => library.savedSearches(),
    saveSearch: ({ name, query }) => library.saveSearch(name, query),
    renameSavedSearch: ({ id, name }) => library.renameSearch(id, name),
    moveSavedSearch: ({ id, index }) => library.moveSearch(id, index),
    deleteSavedSearch: ({ id }) => {
      library.deleteSearch(id)
      return null
    },
    // The library refuses a change naming an unknown paper (NOT_FOUND) before writing anything.
    markRead: ({ ids, read }) => library.markRead(ids, read),
    markAllRead: ({ filter }) => library.markAllRead(filter),
    setStarred: ({ ids, starred }) => library.setStarred(ids, starred),
    saveNote: ({ id, text }) => {
      library.saveNote(id, text)
      return null
    },
    listDigests: () => library.listDigests(),
    stats: ({ days }) => library.stats(days === undefined ? {} : { days }),
    listFormats: () => listFormats(),
    chooseAndImport: async () => {
      const paths = await deps.chooseFiles()
      if (paths.length === 0) return []
      return runImports(paths)
    },
    importFiles: ({ tokens, date }) => runImports(deps.files.redeem(tokens), date === undefined ? {} : { date }),
    importText: ({ text, name }) => runOne({ text, name: name?.trim() || PASTED_NAME }),
    importSample: () => runOne(deps.samplePath),
    // One clipboard path: the menu item and the page's Ctrl/Cmd+Shift+V both end here.
    importClipboard: async () => {
      const text = await deps.readClipboard()
      if (!text.trim()) return notImported(CLIPBOARD_NAME, 'EMPTY_CLIPBOARD', 'The clipboard holds no text to import.')
      return runOne({ text, name: CLIPBOARD_NAME })
    },
    openExternal: async ({ url }) => {
      const safe = safeExternalUrl(url)
      if (safe === null) {
        throw new HandlerError(
          'FORBIDDEN',
          `Only http and https links open outside Dogear (refused: ${url.slice(0, 200)})`
        )
      }
      await deps.openExternal(safe)
      return null
    },
    tagPapers: ({ name, ids }) => library.tagPapers(name, ids),
    untagPapers: ({ name, ids }) => library.untagPapers(name, ids),
    listTags: () => library.tags(),
    renameTag: ({ from, to }) => library.renameTag(from, to),
    deleteTag: ({ name }) => library.deleteTag(name),
    trashPapers: ({ ids }) => library.trashPapers(ids),
    deleteDigest: ({ id }) => library.deleteDigest(id),
    listTrash: () => library.trash(),
    restorePapers: ({ ids }) => library.restorePapers(ids),
    restoreDigest: ({ trashId }) => library.restoreDigest(trashId),
    emptyTrash: () => library.emptyTrash(),
    actOnPapers: ({ target, action }) => actOnPapers(library, target, action),
    revealSource: (of) => {
      const path = sourceToReveal(library, of)
      if (!deps.revealFile) throw new HandlerError('FORBIDDEN', 'Showing files is only possible in the app')
      deps.revealFile(path)
      return null
    },
    backupStatus: () => (deps.libraryPath ? lastBackup(deps.libraryPath) : null),
    relatedPapers: ({ id, limit }) => relatedPapers(library, discover, id, limit ?? 5),
    dismiss: ({ ids, dismissed }) => ({ changed: library.discover.dismiss(ids, dismissed) }),
    paperMerges: ({ id }) => library.merges.of(id),
    splitMerge: ({ id, digestId }) => library.merges.split(id, digestId),
    exportPapers: (request) => {
      if (!deps.chooseExportFile) throw new HandlerError('FORBIDDEN', 'Exporting needs the save dialog of the app')
      return exportWithDialog(library, exportWithoutExcept(library, request), deps.chooseExportFile)
    },
    getSettings: () => library.getSettings(),
    updateSettings: (patch) => {
      checkSettingsPatch(library.getSettings(), patch)
      const settings = library.updateSettings(patch)
      deps.onSettingsChanged?.(settings)
      return settings
    }
  }
}

/**
 * Imports one source after another in this thread: what the browser tests use for
 * `HandlerDeps.runImports`; the app uses the worker instead.
 */
export function importInline(library: Library) {
  return async (sources: ImportSource[], options: ImportOptions): Promise<ImportFileReport[]> =>
    sources.map((source) => importSource(library, source, options))
}
