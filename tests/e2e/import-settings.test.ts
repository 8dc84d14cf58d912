import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { closeOpenApps, launchApp } from './app'
import { tempDbPath } from './helpers'

const GROUPED_BIBTEX = resolve(__dirname, '../fixtures/formats/bibtex/keywords-groups.bib')

afterEach(closeOpenApps)

describe('the Importing settings', () => {
  it('turns BibTeX groups into tags only once the reader ticks the box', async () => {
    const app = await launchApp({ dbPath: tempDbPath() })
    const { page, library } = app
    await page.getByRole('heading', { name: 'Welcome to Dogear' }).waitFor()
    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    const box = dialog.getByRole('checkbox', { name: /BibTeX groups .* tags/ })
    expect(await box.isChecked()).toBe(false)
    await box.check()
    await expect.poll(() => library.getSettings().groupsAsTags).toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    app.setChosenFiles([GROUPED_BIBTEX])
    await page.getByRole('button', { name: 'Import digest...' }).first().click()
    const report = page.getByRole('dialog', { name: 'Import report' })
    await report.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => library.tags().map((tag) => tag.name)).toEqual(['Kitchen', 'To read'])
  })
})
