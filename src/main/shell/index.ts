// The Electron shell: app lifecycle and wiring. Each part is its own module (window, dialogs,
// app-imports, watcher, settings-loop, quit-sequence, ipc, menu, security); this file only
// connects them to Electron.
import type { BrowserWindow } from 'electron'
import { app, clipboard, dialog, ipcMain, Menu, protocol, session, shell } from 'electron'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppEvent } from '../../shared/api'
import type { ImportFileReport } from '../../shared/model'
import { messageOf } from '../../shared/errors'
import { dispatch } from '../dispatch'
import { CLIPBOARD_NAME, createHandlers, type HandlerDeps } from '../handlers'
import { createFileGrants } from '../file-grants'
import { notImported } from '../ingest/reports'
import { openLibrary } from '../library'
import type { Library } from '../library/contract'
import { createAppImports } from './app-imports'
import { importOptionsFor } from '../ingest/import-source'
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-scheme'
import { serveAppScheme } from './app-protocol'
import { resolveDbPath } from './default-db-path'
import { chooseDigestFiles, chooseExportFile, chooseWatchFolder } from './dialogs'
import { findNativeBinding } from './electron-native'
import { bindIpc, sendEvent } from './ipc'
import { menuTemplate, type MenuActions } from './menu'
import { installQuitSequence } from './quit-sequence'
import { decidePermission } from './security'
import { createSettingsLoop, reaction } from './settings-loop'
import { createUpdates } from './updates'
import { digestPathsFromArgv } from './open-files'
import { createWatchControl } from './watcher'
import { createWindow, hardenContents } from './window'
import { startAutoBackups } from './auto-backup-timer'
import { chooseSyncFolder, startAppSync } from './sync'
import { rememberSourceFiles } from '../source-files'
import { createBackupMenu, restoreIfRequested } from './backup-menu'

// Electron would name userData after the lower-case package name; the CLI expects "Dogear".
app.setName('Dogear')
app.enableSandbox()
// Before ready: the renderer's own scheme (see app-scheme.ts).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

// The built app is one bundle in out/main; run from the sources (tests), this file sits one
// folder deeper, in src/main/shell. Both resolve the renderer and preload beside main.
const here = dirname(fileURLToPath(import.meta.url))
const mainDir = basename(here) === 'shell' ? dirname(here) : here
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererDir = join(mainDir, '../renderer')
const appUrl = devServerUrl ?? APP_PAGE_URL

let window: BrowserWindow | null = null
const send = (event: AppEvent) => sendEvent(window?.webContents, event)
/** Imports main starts on its own (clipboard menu, watched folder) report through this event. */
const announce = (reports: ImportFileReport[]) => send({ type: 'libraryChanged', reports })

function fail(title: string, error: unknown): never {
  dialog.showErrorBox(title, messageOf(error))
  app.exit(1)
  throw error
}

function openAppLibrary(dbPath: string, nativeBinding: string | undefined): Library {
  try {
    return openLibrary(dbPath, nativeBinding ? { nativeBinding } : {})
  } catch (error) {
    const hint = nativeBinding
      ? ''
      : '\n\nIf this is about a module compiled against a different Node.js version, run `npm start` once ' +
        'with internet access: it builds better-sqlite3 for Electron.'
    return fail('Dogear cannot open its library', `${dbPath}: ${messageOf(error)}${hint}`)
  }
}

function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(decidePermission(permission))
  )
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => decidePermission(permission))
}

function openWindow(): BrowserWindow {
  const win = createWindow({
    preloadPath: join(mainDir, '../preload/index.cjs'),
    statePath: join(app.getPath('userData'), 'window-state.json'),
    load: (target) => target.loadURL(appUrl)
  })
  win.on('closed', () => (window = null))
  return win
}

async function start(): Promise<void> {
  denyPermissions()
  serveAppScheme(protocol, rendererDir)
  const dbPath = resolveDbPath(undefined)
  const nativeBinding = findNativeBinding(app.getAppPath(), Number(process.versions.modules))
  // A restore asked for by File > Restore from Backup... happens before the library opens.
  await restoreIfRequested(dbPath, nativeBinding)
  const library = openAppLibrary(dbPath, nativeBinding)
  // One verified backup a day into backups/ beside the library (7 daily, 4 weekly, <= 10% of the disk).
  startAutoBackups(library, dbPath)
  const imports = createAppImports({
    library,
    dbPath,
    ...(nativeBinding ? { nativeBinding } : {}),
    workerPath: join(mainDir, 'import-worker.js'),
    // An import of no files (indexWaiting) shows no progress.
    onProgress: ({ file, done, total }) => {
      if (total > 0) send({ type: 'importProgress', file, done, total })
    },
    // The list and the counts again, now that search finds a large file's papers.
    onIndexed: () => send({ type: 'libraryChanged', reports: [] })
  })
  void imports.indexWaiting()
  // Imports main starts itself: each digest's file is remembered for "Reveal the source file".
  const announceImports = (reports: ImportFileReport[]) => {
    rememberSourceFiles(library, reports)
    announce(reports)
  }
  const watcher = createWatchControl({ importFile: imports.importFile, onReports: announceImports })
  const updates = createUpdates({
    packaged: app.isPackaged,
    runningVersion: app.getVersion(),
    notesPath: join(app.getPath('userData'), 'release-notes.json'),
    // Loaded only when a check is due: switched off, the updater is never even loaded.
    loadUpdater: async () => (await import('electron-updater')).autoUpdater,
    showNotes: (version, notes) =>
      void dialog.showMessageBox({
        type: 'info',
        title: 'Dogear was updated',
        message: `What is new in ${version}`,
        detail: notes
      }),
    log: (message) => console.warn(message)
  })
  const settings = createSettingsLoop([
    reaction(
      (s) => s.watchFolder,
      (folder) => {
        void watcher.watch(folder)
        buildMenu(folder)
      }
    ),
    reaction(
      (s) => s.checkForUpdates,
      (enabled) => updates.setEnabled(enabled)
    )
  ])

  const files = createFileGrants()
  const deps: HandlerDeps = {
    openExternal: (url) => shell.openExternal(url),
    chooseFiles: () => chooseDigestFiles(window),
    runImports: imports.runImports,
    samplePath: join(app.getAppPath(), 'resources', 'sample-digest.txt'),
    readClipboard: () => clipboard.readText(),
    files,
    onSettingsChanged: (changed) => settings.changed(changed),
    sync: startAppSync(
      library,
      { dbPath, ...(nativeBinding ? { nativeBinding } : {}), workerPath: join(mainDir, 'sync-worker.js') },
      () => announce([])
    ),
    chooseSyncFolder: () => chooseSyncFolder(window),
    chooseExportFile: (name, format) => chooseExportFile(window, name, format),
    revealFile: (path) => shell.showItemInFolder(path),
    libraryPath: dbPath
  }
  const handlers = createHandlers(library, deps)
  const binding = bindIpc(ipcMain, handlers, () => appUrl, files)

  async function importClipboard(): Promise<void> {
    const answer = await dispatch(handlers, 'importClipboard', undefined)
    announce([
      answer.ok
        ? (answer.value as ImportFileReport)
        : notImported(CLIPBOARD_NAME, answer.error.code, answer.error.message)
    ])
  }

  const backups = createBackupMenu({
    library,
    libraryPath: dbPath,
    ...(nativeBinding ? { nativeBinding } : {}),
    window: () => window
  })
  const menuActions: MenuActions = {
    backUpLibrary: () => void backups.backUp(),
    restoreFromBackup: () => void backups.restore(),
    importDigest: () => send({ type: 'menu', command: 'import' }),
    importFromClipboard: () => void importClipboard(),
    exportList: () => send({ type: 'menu', command: 'export' }),
    watchFolder: () =>
      void chooseWatchFolder(window).then((folder) => {
        if (folder) settings.changed(library.updateSettings({ watchFolder: folder }))
      }),
    stopWatching: () => settings.changed(library.updateSettings({ watchFolder: null })),
    showKeys: () => send({ type: 'menu', command: 'showKeys' }),
    changeTextSize: (step) =>
      send({ type: 'menu', command: step === 0 ? 'textDefault' : step > 0 ? 'textLarger' : 'textSmaller' }),
    showProgress: () => send({ type: 'menu', command: 'showProgress' })
  }
  function buildMenu(watchedFolder: string | null): void {
    const options = { platform: process.platform, watchedFolder, isDev: devServerUrl !== undefined }
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(menuActions, options)))
  }

  settings.changed(library.getSettings())
  window = openWindow()
  updates.showNotesOfThisVersion()
  app.on('activate', () => {
    window ??= openWindow()
  })
  openFiles = (paths) => {
    if (paths.length > 0) void imports.runImports(paths, importOptionsFor(library)).then(announceImports)
  }
  openFiles([...openedEarly, ...digestPathsFromArgv(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd())])
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
    openFiles(digestPathsFromArgv(argv.slice(1), workingDirectory))
  })
  installQuitSequence(app, {
    stopImports: () => (updates.stop(), Promise.allSettled([watcher.watch(null), imports.stop(), deps.sync?.stop()])),
    callsAnswered: () => binding.idle(),
    close: () => {
      binding.dispose()
      library.close()
    }
  })
}

// macOS hands files over as events, possibly before the app is ready.
const openedEarly: string[] = []
let openFiles = (paths: string[]) => void openedEarly.push(...paths)
app.on('open-file', (event, path) => {
  event.preventDefault()
  openFiles([path])
})

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, appUrl))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.whenReady().then(start, (error: unknown) => fail('Dogear could not start', error))
}
