import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../src/main/ingest/pipeline'
import { openLibrary } from '../../src/main/library'
import { syncFolder } from '../../src/main/sync/folder'
import { closeOpenApps, launchApp } from './app'
import { FIXTURE, FIXTURE_PAPERS, papers, reader, screenshot, tempDbPath } from './helpers'

afterEach(closeOpenApps)

describe('Settings > Sync', () => {
  it('joins a sync folder another computer writes to, and shows that computer', async () => {
    const dbPath = tempDbPath()
    const folder = join(dirname(dbPath), 'Sync')
    mkdirSync(folder)
    const laptop = openLibrary(join(dirname(dbPath), 'laptop.sqlite'))
    try {
      syncFolder(laptop, folder, { deviceName: 'laptop' })
      importFile(laptop, FIXTURE)
      laptop.markRead([1, 2, 3], true)
      syncFolder(laptop, folder, { deviceName: 'laptop' })
    } finally {
      laptop.close()
    }

    const app = await launchApp({ dbPath, syncFolder: folder })
    const { page, library } = app
    await page.getByRole('button', { name: 'Settings' }).click()
    const sync = page.getByRole('dialog', { name: 'Settings' }).getByRole('group', { name: 'Sync' })
    await sync.getByRole('button', { name: 'Choose Sync Folder...' }).click()
    await expect.poll(() => sync.textContent()).toContain(`Sync folder: ${folder}`)
    const laptopRow = sync.getByRole('table', { name: 'Other devices' }).getByRole('row', { name: /laptop/ })
    await expect.poll(() => laptopRow.textContent()).toContain('up to date')
    expect(library.stats().papers).toBe(FIXTURE_PAPERS)
    expect(library.stats().read).toBe(3)

    const name = sync.getByRole('textbox', { name: "This device's name" })
    await name.fill('desk')
    await name.press('Enter')
    await expect.poll(() => library.sync.self().deviceName).toBe('desk')
    await screenshot(page, 'settings-sync')
  })
})

describe('a note with a sync conflict', () => {
  it('is resolved from the reader, keeping the text as edited, on every device', async () => {
    const dbPath = tempDbPath()
    const folder = join(dirname(dbPath), 'Sync')
    mkdirSync(folder)
    const laptop = openLibrary(join(dirname(dbPath), 'laptop.sqlite'))
    const desk = openLibrary(dbPath)
    const sync = (library: typeof laptop, name: string) => syncFolder(library, folder, { deviceName: name })
    let title: string
    try {
      sync(laptop, 'laptop')
      importFile(laptop, FIXTURE)
      const paper = laptop.exportAll()[0]!
      title = paper.title
      laptop.saveNote(paper.id, 'first line')
      sync(laptop, 'laptop')
      sync(desk, 'desk')
      // The same line edited on both before either syncs: both versions are kept, flagged.
      laptop.saveNote(paper.id, 'first line, as the laptop has it')
      desk.saveNote(desk.exportAll().find((p) => p.title === title)!.id, 'first line, as the desk has it')
      sync(laptop, 'laptop')
      expect(sync(desk, 'desk').applied.conflicts).toBe(1)
    } finally {
      desk.close()
    }

    const { page, library } = await launchApp({ dbPath })
    await papers(page).getByRole('option').filter({ hasText: title! }).first().click()
    const conflict = reader(page).getByRole('group', { name: 'Sync conflict' })
    await expect.poll(() => conflict.textContent()).toContain('two versions')
    const id = library.sync.conflicts()[0]!
    await screenshot(page, 'note-conflict')
    // The reader keeps the laptop's line and drops the markers, then resolves.
    await reader(page).getByRole('button', { name: 'Note, press Enter to edit' }).click()
    const editor = reader(page).getByRole('textbox', { name: 'Note' })
    await editor.press('ControlOrMeta+a')
    await page.keyboard.type('first line, as both have it now')
    await conflict.getByRole('button', { name: 'Resolve conflict' }).click()
    await expect.poll(() => library.sync.conflicts()).toEqual([])
    await expect.poll(() => conflict.count()).toBe(0)
    expect(library.getPaper(id)?.note).toBe('first line, as both have it now')

    // The other device takes this version and its flag goes too.
    syncFolder(library, folder, { deviceName: 'desk' })
    try {
      sync(laptop, 'laptop')
      expect(laptop.sync.conflicts()).toEqual([])
      expect(laptop.exportAll().find((p) => p.title === title)?.note).toBe('first line, as both have it now')
    } finally {
      laptop.close()
    }
  })
})
