// Starts src/main/shell/index.ts against a fake `electron` (Electron cannot run here) and checks the
// wiring: window options, permission and navigation hooks, IPC, menu commands, the quit order.
import { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Envelope } from '../../../src/shared/api'
import type { PaperPage } from '../../../src/shared/model'
import type * as WorkerThreads from 'node:worker_threads'
import type { ImportJobData } from '../../../src/main/ingest/import-job'

const ROOT = resolve(__dirname, '../../..')
const APP_URL = 'app://dogear/index.html'

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
type PermissionCheck = (contents: unknown, permission: string) => boolean

const fake = vi.hoisted(() => {
  // vi.hoisted runs before imports: a small event emitter of its own.
  class Emitter {
    private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>()
    on(name: string, listener: (...args: unknown[]) => void): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
      return this
    }
    once(name: string, listener: (...args: unknown[]) => void): this {
      return this.on(name, listener)
    }
    emit(name: string, ...args: unknown[]): boolean {
      for (const listener of this.listeners.get(name) ?? []) listener(...args)
      return true
    }
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    userData: '',
    appPath: '',
    quitCalls: 0,
    sandboxed: false,
    setName: (_name: string) => {},
    enableSandbox: () => void (app.sandboxed = true),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getAppPath: () => app.appPath,
    getVersion: () => '1.2.0',
    getPath: (_name: string) => app.userData,
    quit: () => void app.quitCalls++,
    exit: (code: number) => {
      throw new Error(`app.exit(${code})`)
    }
  })
  const sent: unknown[] = []
  const windows: { options: Record<string, unknown>; loaded: string }[] = []
  class BrowserWindow extends Emitter {
    readonly webContents = {
      isDestroyed: () => false,
      send: (_channel: string, payload: unknown) => sent.push(payload)
    }
    constructor(readonly options: Record<string, unknown>) {
      super()
      windows.push({ options, loaded: '' })
    }
    maximize() {}
    show() {}
    isMinimized() {
      return false
    }
    isMaximized() {
      return false
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1000, height: 700 }
    }
    loadFile(path: string) {
      windows[windows.length - 1]!.loaded = path
      return Promise.resolve()
    }
    loadURL(url: string) {
      windows[windows.length - 1]!.loaded = url
      return Promise.resolve()
    }
  }
  const handles = new Map<string, (...args: unknown[]) => Promise<unknown>>()
  const permission: { request?: PermissionRequest; check?: PermissionCheck } = {}
  const menu: { template: MenuItemConstructorOptions[] } = { template: [] }
  const clipboard = { text: '' }
  const opened: string[] = []
  const schemes: { registered: unknown[]; handlers: Map<string, (request: Request) => Promise<Response>> } = {
    registered: [],
    handlers: new Map()
  }
  const area = { x: 0, y: 0, width: 1920, height: 1080 }
  return {
    app,
    sent,
    windows,
    handles,
    permission,
    menu,
    clipboard,
    opened,
    schemes,
    module: {
      app,
      protocol: {
        registerSchemesAsPrivileged: (list: unknown[]) => void schemes.registered.push(...list),
        handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
          void schemes.handlers.set(scheme, handler)
      },
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, listener: (...args: unknown[]) => Promise<unknown>) => handles.set(channel, listener),
        removeHandler: (channel: string) => handles.delete(channel)
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: PermissionRequest) => (permission.request = handler),
          setPermissionCheckHandler: (handler: PermissionCheck) => (permission.check = handler)
        }
      },
      screen: { getAllDisplays: () => [{ workArea: area }], getPrimaryDisplay: () => ({ workArea: area }) },
      Menu: {
        buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
        setApplicationMenu: (template: MenuItemConstructorOptions[]) => (menu.template = template)
      },
      dialog: {
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showErrorBox: (title: string, message: string) => {
          throw new Error(`${title}: ${message}`)
        }
      },
      clipboard: { readText: async () => clipboard.text },
      shell: { openExternal: async (url: string) => void opened.push(url) }
    }
  }
})

vi.mock('electron', () => ({ ...fake.module, default: fake.module }))

// The built app starts out/main/import-worker.js; here the same job runs in-process behind a Worker's face.
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof WorkerThreads>()
  const { EventEmitter } = await import('node:events')
  class InProcessWorker extends EventEmitter {
    constructor(_path: string, { workerData }: { workerData: ImportJobData }) {
      super()
      setImmediate(async () => {
        // Loaded here, not in the factory: the library itself imports node:worker_threads.
        const { runImportJob } = await import('../../../src/main/ingest/import-job')
        const { importSource } = await import('../../../src/main/ingest/import-source')
        const { openLibrary } = await import('../../../src/main/library')
        const library = openLibrary(workerData.dbPath)
        const reports = await runImportJob(library, workerData.sources, workerData.options, importSource, (m) =>
          this.emit('message', m)
        )
        library.close()
        this.emit('message', { type: 'done', reports })
        this.emit('exit', 0)
      })
    }
    postMessage() {}
    async terminate() {
      return 0
    }
  }
  return { ...real, Worker: InProcessWorker, default: { ...real, Worker: InProcessWorker } }
})

// The release feed: never asked for real; the test counts the checks.
const updater = vi.hoisted(() => ({
  checks: 0,
  autoUpdater: {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    on: () => {},
    checkForUpdates: async () => void updater.checks++
  }
}))
vi.mock('electron-updater', () => ({ autoUpdater: updater.autoUpdater, default: { autoUpdater: updater.autoUpdater } }))

let dir: string

async function ticks(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r))
}

function call(operation: string, args?: unknown, url = APP_URL): Promise<Envelope<unknown>> {
  const handle = fake.handles.get('dogear:invoke')
  if (!handle) throw new Error('IPC not bound')
  return handle({ senderFrame: { url, parent: null } }, operation, args) as Promise<Envelope<unknown>>
}

function menuItem(label: string): MenuItemConstructorOptions {
  const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu) : [])])
  const item = all(fake.menu.template).find((candidate) => candidate.label === label)
  if (!item) throw new Error(`no menu item ${label}`)
  return item
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dogear-main-'))
  fake.app.userData = dir
  fake.app.appPath = ROOT
  vi.stubEnv('DOGEAR_DB', join(dir, 'library.sqlite'))
  await import('../../../src/main/shell/index')
  await ticks()
})

afterAll(() => {
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

describe('the main process', () => {
  it('opens one sandboxed window on the built page', () => {
    expect(fake.windows).toHaveLength(1)
    const { options, loaded } = fake.windows[0]!
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(String((options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(loaded).toBe(APP_URL)
    expect(fake.app.sandboxed).toBe(true)
  })

  it('serves the page from app://dogear, registered as a privileged scheme, and nothing outside it', async () => {
    expect(fake.schemes.registered).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }
    ])
    const handle = fake.schemes.handlers.get('app')
    if (!handle) throw new Error('app:// not handled')
    const page = await handle(new Request(APP_URL))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(await page.text()).toContain('<div id="root">')
    expect((await handle(new Request('app://dogear/..%2F..%2Fpackage.json'))).status).toBe(404)
  })

  it('denies every permission request', () => {
    const answers: boolean[] = []
    fake.permission.request?.({}, 'media', (granted: boolean) => answers.push(granted))
    fake.permission.request?.({}, 'clipboard-read', (granted: boolean) => answers.push(granted))
    expect(answers).toEqual([false, false])
    expect(fake.permission.check?.({}, 'notifications')).toBe(false)
  })

  it('keeps every web contents on the app page and sends web links to the browser', () => {
    const contents = Object.assign(new EventEmitter(), {
      openHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        this.openHandler = handler
      }
    })
    fake.app.emit('web-contents-created', {}, contents)
    const navigate = (url: string) => {
      const details = { url, isMainFrame: true, prevented: false, preventDefault: () => (details.prevented = true) }
      contents.emit('will-frame-navigate', details)
      return details.prevented
    }
    expect(navigate(`${APP_URL}#x`)).toBe(false)
    expect(navigate('https://arxiv.org/abs/2401.00001')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(contents.openHandler?.({ url: 'https://github.com/example/repo' })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(fake.opened).toEqual(['https://arxiv.org/abs/2401.00001', 'https://github.com/example/repo'])
    fake.opened.length = 0
  })

  it('stops redirects away from the app page and refuses every webview', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler() {} })
    fake.app.emit('web-contents-created', {}, contents)
    const prevented = (name: string, details: Record<string, unknown>) => {
      const event = { ...details, prevented: false, preventDefault: () => (event.prevented = true) }
      contents.emit(name, event)
      return event.prevented
    }
    expect(prevented('will-redirect', { url: 'https://evil.example/' })).toBe(true)
    expect(prevented('will-redirect', { url: 'file:///etc/passwd' })).toBe(true)
    expect(prevented('will-redirect', { url: `${APP_URL}#reader` })).toBe(false)
    expect(prevented('will-attach-webview', { url: APP_URL })).toBe(true)
    expect(fake.opened).toEqual([])
  })

  it('answers the page over IPC and refuses other senders', async () => {
    expect(await call('importSample')).toMatchObject({ ok: true, value: { ok: true, format: 'hf-text' } })
    const page = await call('listPapers', { filter: { kind: 'all' } })
    expect(page.ok && (page.value as PaperPage).total).toBeGreaterThanOrEqual(5)
    expect(await call('listPapers', { filter: { kind: 'all' } }, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
  })

  it('imports the clipboard from the menu and reports it to the page', async () => {
    fake.sent.length = 0
    fake.clipboard.text = '   '
    ;(menuItem('Import from Clipboard').click as () => void)()
    await ticks()
    expect(fake.sent).toEqual([
      {
        type: 'libraryChanged',
        reports: [
          {
            ok: false,
            file: 'Clipboard',
            error: { code: 'EMPTY_CLIPBOARD', message: 'The clipboard holds no text to import.' }
          }
        ]
      }
    ])
    fake.sent.length = 0
    fake.clipboard.text = readFileSync(join(ROOT, 'resources/sample-digest.txt'), 'utf8').replace(/Mar 12/, 'Mar 13')
    ;(menuItem('Import from Clipboard').click as () => void)()
    await ticks()
    // The paste goes through the import worker like a file: its progress first, then the report.
    expect(fake.sent.filter((event) => (event as { type: string }).type === 'libraryChanged')).toMatchObject([
      { type: 'libraryChanged', reports: [{ ok: true, file: 'Clipboard' }] }
    ])
    expect(fake.sent).toContainEqual({ type: 'importProgress', file: 'Clipboard', done: 0, total: 1 })
  })

  it('passes menu commands the page handles on to it', () => {
    fake.sent.length = 0
    ;(menuItem('Import Digest...').click as () => void)()
    ;(menuItem('Keyboard Shortcuts').click as () => void)()
    ;(menuItem('Export...').click as () => void)()
    expect(fake.sent).toEqual([
      { type: 'menu', command: 'import' },
      { type: 'menu', command: 'showKeys' },
      { type: 'menu', command: 'export' }
    ])
  })

  it('checks for updates once at start, and the Settings switch stops it', async () => {
    expect(updater.checks).toBe(1)
    expect(updater.autoUpdater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true })
    expect(await call('updateSettings', { checkForUpdates: false })).toMatchObject({
      ok: true,
      value: { checkForUpdates: false }
    })
    expect(await call('updateSettings', { checkForUpdates: true })).toMatchObject({ ok: true })
    await ticks()
    // Switched back on within the day: the next check waits for its time.
    expect(updater.checks).toBe(1)
  })

  it('quits in order: imports stopped, calls answered, then the database closed', async () => {
    const event = () => ({
      prevented: false,
      preventDefault() {
        this.prevented = true
      }
    })
    const beforeQuit = event()
    fake.app.emit('before-quit', beforeQuit)
    expect(beforeQuit.prevented).toBe(true)
    await ticks()
    expect(fake.app.quitCalls).toBe(1)
    const willQuit = event()
    fake.app.emit('will-quit', willQuit)
    expect(willQuit.prevented).toBe(true)
    await ticks()
    expect(fake.app.quitCalls).toBe(2)
    expect(fake.handles.size).toBe(0)
    const finalQuit = event()
    fake.app.emit('will-quit', finalQuit)
    expect(finalQuit.prevented).toBe(false)
    // The last connection closed cleanly: SQLite folded the write-ahead log back and removed it.
    expect(existsSync(join(dir, 'library.sqlite'))).toBe(true)
    expect(existsSync(join(dir, 'library.sqlite-wal'))).toBe(false)
  })
})
