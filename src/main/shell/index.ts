// The Electron shell: app lifecycle, the one window, menu, security hooks and wiring.
// Every decision lives in a small tested module (security, ipc, handlers, menu, window-state,
// import-runner, watch-folder); this file only connects them to Electron.
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  screen,
  session,
  shell,
  type OpenDialogOptions,
  type WebContents
} from 'electron'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { AppEvent } from '../../shared/api'
import type { ImportFileReport, Settings } from '../../shared/model'
import { resolveDbPath } from './default-db-path'
import { dispatch } from '../dispatch'
import { findNativeBinding } from './electron-native'
import { createHandlers } from '../handlers'
import { listFormats } from '../ingest/pipeline'
import { notImported } from '../ingest/reports'
import { importOptionsFor } from '../ingest/import-source'
import { createImportRunner } from '../ingest/import-runner'
import { bindIpc, sendEvent } from './ipc'
import { openLibrary } from '../library'
import type { Library } from '../library/contract'
import { menuTemplate } from './menu'
import { decideNavigation, decidePermission, decideWindowOpen, windowOptions } from './security'
import { createFolderWatcher, type FolderWatcher } from '../ingest/watch-folder'
import { loadWindowState, restoreWindowState, saveWindowState } from './window-state'
import { messageOf } from '../../shared/errors'

// Electron would name userData after the lower-case package name; the CLI expects "Dogear".
app.setName('Dogear')
app.enableSandbox()

// The built app is one bundle in out/main; run from the sources (tests), this file sits one
// folder deeper, in src/main/shell. Both resolve the renderer and preload beside main.
const here = dirname(fileURLToPath(import.meta.url))
const mainDir = basename(here) === 'shell' ? dirname(here) : here
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const appUrl = devServerUrl ?? pathToFileURL(join(mainDir, '../renderer/index.html')).href

let window: BrowserWindow | null = null
const send = (event: AppEvent) => sendEvent(window?.webContents, event)

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
    return fail('Dogear cannot open its library', `${dbPath}: ${error instanceof Error ? error.message : error}${hint}`)
  }
}

function hardenContents(contents: WebContents): void {
  contents.on('will-frame-navigate', (details) => {
    const decision = decideNavigation(details.url, appUrl)
    if (decision.allow) return
    details.preventDefault()
    if (decision.openExternally && details.isMainFrame) void shell.openExternal(decision.openExternally)
  })
  contents.on('will-redirect', (details) => {
    if (!decideNavigation(details.url, appUrl).allow) details.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.openExternally) void shell.openExternal(decision.openExternally)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function createWindow(preloadPath: string, statePath: string): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const place = restoreWindowState(loadWindowState(statePath), workAreas, screen.getPrimaryDisplay().workArea)
  const win = new BrowserWindow({ ...windowOptions(preloadPath), ...place.bounds })
  if (place.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    try {
      saveWindowState(statePath, { bounds: win.getNormalBounds(), maximized: win.isMaximized() })
    } catch {
      // Losing the window's place is not worth stopping the quit for.
    }
  })
  void (devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(join(mainDir, '../renderer/index.html')))
  return win
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(decidePermission(permission))
  )
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => decidePermission(permission))

  const dbPath = resolveDbPath(undefined)
  const nativeBinding = findNativeBinding(app.getAppPath(), Number(process.versions.modules))
  const library = openAppLibrary(dbPath, nativeBinding)

  const runner = createImportRunner({
    dbPath,
    ...(nativeBinding ? { nativeBinding } : {}),
    spawn: (job, resourceLimits) => new Worker(join(mainDir, 'import-worker.js'), { workerData: job, resourceLimits }),
    onProgress: ({ file, done, total }) => send({ type: 'importProgress', file, done, total })
  })

  // Imports main starts on its own (clipboard, watched folder) report through this event;
  // imports the page asked for come back as the call's answer.
  const announce = (reports: ImportFileReport[]) => send({ type: 'libraryChanged', reports })

  let watcher: FolderWatcher | null = null
  async function watch(folder: string | null): Promise<void> {
    await watcher?.stop()
    watcher = null
    if (!folder) return
    watcher = createFolderWatcher({
      folder,
      importFile: async (path) =>
        (await runner.importFiles([path], importOptionsFor(library)))[0] ?? notImported(path, 'INTERNAL', 'No report'),
      onReports: announce
    })
    watcher.start()
  }

  let watchedFolder: string | null = null
  function settingsChanged(settings: Settings): void {
    if (settings.watchFolder === watchedFolder) return
    watchedFolder = settings.watchFolder
    void watch(watchedFolder)
    buildMenu(watchedFolder)
  }

  const handlers = createHandlers(library, {
    openExternal: (url) => shell.openExternal(url),
    chooseFiles: async () => {
      const extensions = [...new Set(listFormats().flatMap((format) => format.extensions))].map((e) =>
        e.replace(/^\./, '')
      )
      const options: OpenDialogOptions = {
        title: 'Import Digest',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Digests', extensions },
          { name: 'All files', extensions: ['*'] }
        ]
      }
      const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return choice.canceled ? [] : choice.filePaths
    },
    runImports: (sources, options) => runner.importSources(sources, options),
    samplePath: join(app.getAppPath(), 'resources', 'sample-digest.txt'),
    onSettingsChanged: settingsChanged
  })
  const binding = bindIpc(ipcMain, handlers, () => appUrl)

  async function importClipboard(): Promise<void> {
    const text = await clipboard.readText()
    if (!text.trim()) {
      announce([notImported('Clipboard', 'EMPTY_CLIPBOARD', 'The clipboard holds no text to import.')])
      return
    }
    const answer = await dispatch(handlers, 'importText', { text, name: 'Clipboard' })
    announce([
      answer.ok ? (answer.value as ImportFileReport) : notImported('Clipboard', answer.error.code, answer.error.message)
    ])
  }

  async function chooseWatchFolder(): Promise<void> {
    const options: OpenDialogOptions = {
      title: 'Watch a Folder',
      buttonLabel: 'Watch',
      message: 'Digests saved in this folder are imported automatically, then moved into its done/ folder.',
      properties: ['openDirectory', 'createDirectory']
    }
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
    const folder = choice.filePaths[0]
    if (!choice.canceled && folder) settingsChanged(library.updateSettings({ watchFolder: folder }))
  }

  function buildMenu(watchedFolder: string | null): void {
    const template = menuTemplate(
      {
        importDigest: () => send({ type: 'menu', command: 'import' }),
        importFromClipboard: () => void importClipboard(),
        watchFolder: () => void chooseWatchFolder(),
        stopWatching: () => settingsChanged(library.updateSettings({ watchFolder: null })),
        showKeys: () => send({ type: 'menu', command: 'showKeys' }),
        showProgress: () => send({ type: 'menu', command: 'showProgress' })
      },
      { platform: process.platform, watchedFolder, isDev: devServerUrl !== undefined }
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  buildMenu(null)
  settingsChanged(library.getSettings())

  const statePath = join(app.getPath('userData'), 'window-state.json')
  const preloadPath = join(mainDir, '../preload/index.cjs')
  window = createWindow(preloadPath, statePath)
  window.on('closed', () => (window = null))
  app.on('activate', () => {
    if (!window) window = createWindow(preloadPath, statePath)
  })
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })

  // Quitting: stop new imports first, let the page save its note as it unloads (beforeunload),
  // answer every call still in flight, and only then close the database.
  let phase: 'running' | 'stopping' | 'closing' | 'closing-library' | 'closed' = 'running'
  app.on('before-quit', (event) => {
    if (phase === 'closing' || phase === 'closed') return
    event.preventDefault()
    if (phase !== 'running') return
    phase = 'stopping'
    void Promise.allSettled([watch(null), runner.stop()]).then(() => {
      phase = 'closing'
      app.quit()
    })
  })
  app.on('will-quit', (event) => {
    if (phase === 'closed') return
    event.preventDefault()
    if (phase === 'closing-library') return
    phase = 'closing-library'
    void binding.idle().then(() => {
      binding.dispose()
      library.close()
      phase = 'closed'
      app.quit()
    })
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.whenReady().then(start, (error: unknown) => fail('Dogear could not start', error))
}
