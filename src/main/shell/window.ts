// The one app window and the rules every web contents lives by (navigation, new windows,
// webviews). The decisions are in security.ts; this file hands them to Electron.
import { BrowserWindow, screen, shell, type WebContents } from 'electron'
import { decideNavigation, decideWindowOpen, windowOptions } from './security'
import { loadWindowState, restoreWindowState, saveWindowState } from './window-state'

export function hardenContents(contents: WebContents, appUrl: string): void {
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

export interface WindowPlan {
  preloadPath: string
  /** window-state.json: where the window was when it last closed. */
  statePath: string
  /** What the window shows: the app's page or the development server. */
  load(win: BrowserWindow): Promise<void>
}

export function createWindow(plan: WindowPlan): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const place = restoreWindowState(loadWindowState(plan.statePath), workAreas, screen.getPrimaryDisplay().workArea)
  const win = new BrowserWindow({ ...windowOptions(plan.preloadPath), ...place.bounds })
  if (place.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    try {
      saveWindowState(plan.statePath, { bounds: win.getNormalBounds(), maximized: win.isMaximized() })
    } catch {
      // Losing the window's place is not worth stopping the quit for.
    }
  })
  void plan.load(win)
  return win
}
