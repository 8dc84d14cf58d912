// The application menu as data: index.ts hands it to Menu.buildFromTemplate. Kept free of
// electron at runtime (only its types), so a test can read labels, keys and actions.
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  importDigest(): void
  importFromClipboard(): void
  /** Asks the page to export the list it shows (main then shows the save dialog). */
  exportList(): void
  watchFolder(): void
  stopWatching(): void
  backUpLibrary(): void
  restoreFromBackup(): void
  showKeys(): void
  showProgress(): void
  /** The reader's text size: 1 larger, -1 smaller, 0 the default (remembered by the page). */
  changeTextSize(step: -1 | 0 | 1): void
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** The folder being watched, or null: the menu offers to stop watching it. */
  watchedFolder: string | null
  isDev: boolean
}

export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import Digest...', accelerator: 'CmdOrCtrl+O', click: () => actions.importDigest() },
      {
        label: 'Import from Clipboard',
        accelerator: 'CmdOrCtrl+Shift+V',
        // Shown, not registered: the page handles the key and asks main (importClipboard), the
        // same path this item takes, so one key press imports once.
        registerAccelerator: false,
        click: () => actions.importFromClipboard()
      },
      { type: 'separator' },
      { label: 'Export...', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportList() },
      { type: 'separator' },
      { label: 'Watch a Folder...', click: () => actions.watchFolder() },
      {
        label: options.watchedFolder ? `Stop Watching ${options.watchedFolder}` : 'Stop Watching',
        enabled: options.watchedFolder !== null,
        click: () => actions.stopWatching()
      },
      { type: 'separator' },
      { label: 'Back Up Library...', click: () => actions.backUpLibrary() },
      { label: 'Restore from Backup...', click: () => actions.restoreFromBackup() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Reading Progress', click: () => actions.showProgress() },
      { type: 'separator' },
      // Shown, not registered: the page handles these keys itself and remembers the size.
      {
        label: 'Default Text Size',
        accelerator: 'CmdOrCtrl+0',
        registerAccelerator: false,
        click: () => actions.changeTextSize(0)
      },
      {
        label: 'Larger Text',
        accelerator: 'CmdOrCtrl+Plus',
        registerAccelerator: false,
        click: () => actions.changeTextSize(1)
      },
      {
        label: 'Smaller Text',
        accelerator: 'CmdOrCtrl+-',
        registerAccelerator: false,
        click: () => actions.changeTextSize(-1)
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      // Developer tools only while developing: a shipped reader has no use for them.
      ...(options.isDev ? [{ role: 'toggleDevTools' } as const, { role: 'reload' } as const] : [])
    ]
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    // No accelerator: the page handles `?` itself, and a menu key would fire while typing a note.
    submenu: [{ label: 'Keyboard Shortcuts', click: () => actions.showKeys() }]
  }
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help
  ]
}
