// The one entry point of the browser tests: the built renderer in Debian's Chromium, against
// the real library at `dbPath`, through the same handler table main uses.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { AppEvent, Handlers } from '../../src/shared/api'
import { dispatch } from '../../src/main/dispatch'
import { createFileGrants } from '../../src/main/file-grants'
import { createHandlers, importInline } from '../../src/main/handlers'
import { openLibrary } from '../../src/main/library/index'
import type { Library } from '../../src/main/library/contract'
import { findBrowser } from './browser'
import { EMIT_FUNCTION, INVOKE_BINDING, bridgeScript } from './bridge'
import { REPO, RENDERER_OUT, ensureRendererBuilt } from './renderer-build'
import { serveDirectory } from './static-server'

export const FIXTURES = join(REPO, '../shared/fixtures')
export const SCREENSHOTS = join(REPO, 'test-results/screenshots')

const openApps = new Set<App>()

export interface LaunchOptions {
  dbPath: string
  /** Wraps the real handlers, e.g. to make one operation fail. */
  wrapHandlers?: (handlers: Handlers) => Handlers
  colorScheme?: 'light' | 'dark'
  /** What the sync folder dialog answers. */
  syncFolder?: string
}

export interface App {
  page: Page
  context: BrowserContext
  library: Library
  /** Links the app asked the system browser to open. */
  openedUrls: string[]
  /** Files the app asked the system's file manager to show. */
  revealedFiles: string[]
  /** What the next "Import digest..." file dialog answers. */
  setChosenFiles(paths: string[]): void
  /** A token for a file, as main hands out for a file dropped on the window (for importFiles). */
  grantFile(path: string): string
  /** What main reads from the system clipboard (Ctrl/Cmd+Shift+V). */
  setClipboardText(text: string): void
  /** What the next export's save dialog answers (null: cancelled), and the names it was offered. */
  setExportPath(path: string | null): void
  exportDialogNames: string[]
  /** Sends an event as main would (menu commands, import progress). */
  emit(event: AppEvent): Promise<void>
  close(): Promise<void>
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export async function launchApp({
  dbPath,
  wrapHandlers,
  colorScheme = 'light',
  syncFolder
}: LaunchOptions): Promise<App> {
  ensureRendererBuilt()
  const [script, server] = await Promise.all([bridgeScript(), serveDirectory(RENDERER_OUT)])
  const library = openLibrary(dbPath)
  const openedUrls: string[] = []
  const revealedFiles: string[] = []
  let chosenFiles: string[] = []
  let clipboardText = ''
  let exportPath: string | null = null
  const exportDialogNames: string[] = []
  const files = createFileGrants()
  const real = createHandlers(library, {
    openExternal: (url) => void openedUrls.push(url),
    chooseFiles: async () => chosenFiles,
    runImports: importInline(library),
    chooseSyncFolder: async () => syncFolder ?? null,
    samplePath: join(REPO, 'resources/sample-digest.txt'),
    readClipboard: () => clipboardText,
    chooseExportFile: async (name) => (exportDialogNames.push(name), exportPath),
    files,
    revealFile: (path) => void revealedFiles.push(path),
    libraryPath: dbPath
  })
  const handlers = wrapHandlers ? wrapHandlers(real) : real

  const profile = mkdtempSync(join(tmpdir(), 'dogear-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser() ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    colorScheme
  })
  await context.exposeFunction(INVOKE_BINDING, (operation: unknown, args: unknown) =>
    dispatch(handlers, operation, args)
  )
  await context.addInitScript({ content: script })
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(server.url)

  const app: App = {
    page,
    context,
    library,
    openedUrls,
    revealedFiles,
    setChosenFiles: (paths) => void (chosenFiles = paths),
    grantFile: (path) => files.grant(path),
    setClipboardText: (text) => void (clipboardText = text),
    setExportPath: (path) => void (exportPath = path),
    exportDialogNames,
    emit: (event) => page.evaluate(`window.${EMIT_FUNCTION}(${JSON.stringify(event)})`),
    async close() {
      if (!openApps.delete(app)) return
      await context.close()
      await server.close()
      library.close()
      rmSync(profile, { recursive: true, force: true })
      if (errors.length) throw new Error(`The page threw: ${errors.join('; ')}`)
    }
  }
  openApps.add(app)
  return app
}

/** Closes every app a test launched and has not closed yet: each test file's afterEach. */
export async function closeOpenApps(): Promise<void> {
  for (const app of [...openApps]) await app.close()
}
