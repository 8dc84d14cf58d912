import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../src/main/ingest/pipeline'
import { openLibrary } from '../../src/main/library'
import { syncFolder } from '../../src/main/sync/folder'
import { closeOpenApps, launchApp } from './app'
import { FIXTURE, FIXTURE_PAPERS, screenshot, tempDbPath } from './helpers'

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
