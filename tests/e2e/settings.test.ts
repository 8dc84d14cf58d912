import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { closeOpenApps, launchApp, type App } from './app'
import {
  FIXTURE,
  FIXTURE_PAPERS,
  importFixture,
  papers,
  reader,
  screenshot,
  selectedTitle,
  tempDbPath
} from './helpers'

let app: App
afterEach(closeOpenApps)

describe('settings, paste and menu events', () => {
  it('stops marking papers read on open when the setting says never', async () => {
    app = await launchApp({ dbPath: tempDbPath() })
    const { page, library } = app
    await importFixture(app)
    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    await dialog.getByRole('radio', { name: 'Never (I press m)' }).check()
    await expect.poll(() => library.getSettings().markReadOnOpen).toBe('never')
    await screenshot(page, 'settings')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    await page.keyboard.press('j')
    await expect.poll(() => selectedTitle(page)).not.toBeNull()
    await reader(page).getByRole('heading', { level: 1 }).waitFor()
    await page.waitForTimeout(300)
    expect(library.stats().read).toBe(0)
    expect(await reader(page).getByRole('button', { name: 'Read' }).getAttribute('aria-pressed')).toBe('false')
    await page.keyboard.press('m')
    await expect.poll(() => library.stats().read).toBe(1)
  })

  it('imports the clipboard with Ctrl+Shift+V', async () => {
    app = await launchApp({ dbPath: tempDbPath() })
    const { page, library } = app
    await page.getByRole('heading', { name: 'Welcome to Dogear' }).waitFor()
    await page.keyboard.press('Control+Shift+V')
    await expect
      .poll(async () => (await page.getByRole('status').allTextContents()).join(' | '))
      .toContain('The clipboard holds no text to import.')
    expect(library.stats().papers).toBe(0)
    app.setClipboardText(readFileSync(FIXTURE, 'utf8'))
    await page.keyboard.press('Control+Shift+V')
    const report = page.getByRole('dialog', { name: 'Import report' })
    await expect.poll(() => report.textContent()).toContain('Clipboard')
    expect(library.stats().papers).toBe(FIXTURE_PAPERS)
  })

  it("answers main's menu and shows import progress", async () => {
    app = await launchApp({ dbPath: tempDbPath() })
    const { page } = app
    await page.getByRole('heading', { name: 'Welcome to Dogear' }).waitFor()
    await app.emit({ type: 'importProgress', file: 'big-digest.xml', done: 40, total: 100 })
    const bar = page.getByRole('progressbar', { name: 'Import progress' })
    await expect.poll(() => bar.getAttribute('value')).toBe('40')
    await app.emit({ type: 'importProgress', file: 'big-digest.xml', done: 100, total: 100 })
    await bar.waitFor({ state: 'detached' })

    app.setChosenFiles([FIXTURE])
    await app.emit({ type: 'menu', command: 'import' })
    await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => papers(page).getByRole('option').count()).toBeGreaterThan(0)
    await app.emit({ type: 'menu', command: 'showProgress' })
    await page.getByRole('region', { name: 'Progress' }).waitFor()
    await app.emit({ type: 'menu', command: 'showKeys' })
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
  })
})
