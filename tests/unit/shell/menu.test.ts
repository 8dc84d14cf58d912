import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { menuTemplate, type MenuActions } from '../../../src/main/shell/menu'

function recorder(): { actions: MenuActions; called: string[] } {
  const called: string[] = []
  const names = [
    'importDigest',
    'importFromClipboard',
    'exportList',
    'watchFolder',
    'stopWatching',
    'showKeys',
    'showProgress',
    'backUpLibrary',
    'restoreFromBackup'
  ]
  const actions = Object.fromEntries(names.map((name) => [name, () => called.push(name)])) as unknown as MenuActions
  return { actions, called }
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items(template).find((candidate) => candidate.label === label)
  if (!item) throw new Error(`no menu item ${label}`)
  return item
}

function click(item: MenuItemConstructorOptions): void {
  // The menu's click handlers ignore their Electron arguments.
  ;(item.click as () => void)()
}

const linux = { platform: 'linux' as const, watchedFolder: null, isDev: false }

describe('menuTemplate', () => {
  it('offers importing with the usual keys', () => {
    const { actions, called } = recorder()
    const template = menuTemplate(actions, linux)
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help'])
    const importDigest = find(template, 'Import Digest...')
    const paste = find(template, 'Import from Clipboard')
    expect(importDigest.accelerator).toBe('CmdOrCtrl+O')
    expect(paste.accelerator).toBe('CmdOrCtrl+Shift+V')
    // The page handles the key itself (and asks main): a registered accelerator would import twice.
    expect(paste.registerAccelerator).toBe(false)
    click(importDigest)
    click(paste)
    click(find(template, 'Watch a Folder...'))
    click(find(template, 'Keyboard Shortcuts'))
    expect(called).toEqual(['importDigest', 'importFromClipboard', 'watchFolder', 'showKeys'])
  })

  it('offers exporting the list on screen from the File menu', () => {
    const { actions, called } = recorder()
    const exportItem = find(menuTemplate(actions, linux), 'Export...')
    expect(exportItem.accelerator).toBe('CmdOrCtrl+Shift+E')
    click(exportItem)
    expect(called).toEqual(['exportList'])
  })

  it('offers backing up and restoring the library in the File menu', () => {
    const { actions, called } = recorder()
    const template = menuTemplate(actions, linux)
    const file = template[0]!.submenu as MenuItemConstructorOptions[]
    expect(file.map((item) => item.label).filter(Boolean)).toContain('Back Up Library...')
    click(find(template, 'Back Up Library...'))
    click(find(template, 'Restore from Backup...'))
    expect(called).toEqual(['backUpLibrary', 'restoreFromBackup'])
  })

  it('text size items leave the keys to the page, which remembers the size', () => {
    const steps: number[] = []
    const actions = { ...recorder().actions, changeTextSize: (step: number) => void steps.push(step) }
    const template = menuTemplate(actions, linux)
    for (const label of ['Larger Text', 'Smaller Text', 'Default Text Size']) {
      expect(find(template, label).registerAccelerator).toBe(false)
      click(find(template, label))
    }
    expect(steps).toEqual([1, -1, 0])
  })

  it('offers to stop watching only while a folder is watched', () => {
    const { actions, called } = recorder()
    expect(find(menuTemplate(actions, linux), 'Stop Watching').enabled).toBe(false)
    const watching = find(
      menuTemplate(actions, { ...linux, watchedFolder: '/home/r/Digests' }),
      'Stop Watching /home/r/Digests'
    )
    expect(watching.enabled).toBe(true)
    click(watching)
    expect(called).toEqual(['stopWatching'])
  })

  it('has Quit on Linux and Windows, the app menu on macOS', () => {
    const { actions } = recorder()
    expect(items(menuTemplate(actions, linux)).some((item) => item.role === 'quit')).toBe(true)
    const mac = menuTemplate(actions, { ...linux, platform: 'darwin' })
    expect(mac[0]?.role).toBe('appMenu')
  })

  it('keeps developer tools out of the shipped app', () => {
    const { actions } = recorder()
    const roles = (isDev: boolean) => items(menuTemplate(actions, { ...linux, isDev })).map((item) => item.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
  })
})
