// axe-core on every main view, in the light and the dark theme: no violations at all.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { closeOpenApps, launchApp } from './app'
import { axeViolations, summarize } from './axe'
import { FIXTURE, papers, tempDbPath } from './helpers'

afterEach(closeOpenApps)

async function audit(page: Page, found: Record<string, string>, view: string): Promise<void> {
  const violations = await axeViolations(page)
  found[view] = violations.length
    ? `${summarize(violations)}: ${violations.flatMap((v) => v.nodes.slice(0, 2)).join(' | ')}`
    : 'none'
}

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (colorScheme) => {
  it('has no axe violations on the welcome, import report, panes, dialogs, search and progress', async () => {
    const app = await launchApp({ dbPath: tempDbPath(), colorScheme })
    const { page } = app
    const found: Record<string, string> = {}
    await page.getByRole('button', { name: 'Try a sample digest' }).waitFor()
    await audit(page, found, 'welcome')

    app.setChosenFiles([FIXTURE])
    await page.getByRole('button', { name: 'Import digest...' }).first().click()
    const report = page.getByRole('dialog', { name: 'Import report' })
    await report.waitFor()
    await audit(page, found, 'import report')
    await report.getByRole('button', { name: 'Done' }).click()
    await papers(page).getByRole('option').first().waitFor()

    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('s')
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 }).waitFor()
    await audit(page, found, 'three panes')

    await page.keyboard.press('?')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    await audit(page, found, 'keys dialog')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('dialog', { name: 'Settings' }).waitFor()
    await audit(page, found, 'settings dialog')
    await page.keyboard.press('Escape')

    await page.keyboard.press('Shift+A')
    await page.getByRole('dialog', { name: 'Are you sure?' }).waitFor()
    await audit(page, found, 'confirm dialog')
    await page.keyboard.press('Escape')

    await page.keyboard.press('/')
    await page.keyboard.insertText('attention')
    await expect.poll(() => page.locator('.list-count').textContent()).toMatch(/match/)
    await audit(page, found, 'search')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')

    await page.getByRole('navigation', { name: 'Sources' }).getByRole('button', { name: 'Progress' }).click()
    await page.getByRole('region', { name: 'Progress' }).waitFor()
    await audit(page, found, 'progress')

    expect(found).toEqual({
      welcome: 'none',
      'import report': 'none',
      'three panes': 'none',
      'keys dialog': 'none',
      'settings dialog': 'none',
      'confirm dialog': 'none',
      search: 'none',
      progress: 'none'
    })
  })
})
