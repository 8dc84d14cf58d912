// File > Export...: the page asks main to export the list on screen; main's save dialog
// (answered by the test) decides where, and the file's name the format.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { closeOpenApps, launchApp, type App } from './app'
import { FIXTURE_PAPERS, importFixture, tempDbPath } from './helpers'

let app: App
afterEach(closeOpenApps)

const statusText = (app: App) => app.page.locator('.status-line').textContent()

describe('File > Export...', () => {
  it('exports the list on screen, its search too, and says where it went', async () => {
    app = await launchApp({ dbPath: tempDbPath() })
    const { page } = app
    await importFixture(app)
    const all = join(tmpdir(), `dogear-e2e-export-${process.pid}.bib`)
    app.setExportPath(all)
    await app.emit({ type: 'menu', command: 'export' })
    await expect.poll(() => statusText(app)).toContain(`Exported ${FIXTURE_PAPERS} papers to ${all}.`)
    expect(readFileSync(all, 'utf8').match(/^@\w+\{/gm)).toHaveLength(FIXTURE_PAPERS)
    expect(app.exportDialogNames).toEqual(['dogear-library.bib'])

    await page.getByRole('searchbox', { name: 'Search papers' }).fill('mamba')
    const searched = join(tmpdir(), `dogear-e2e-export-${process.pid}.md`)
    app.setExportPath(searched)
    await expect.poll(() => page.locator('.list-count').textContent()).toMatch(/^\d+ match/)
    await app.emit({ type: 'menu', command: 'export' })
    await expect.poll(() => statusText(app)).toContain(`to ${searched}.`)
    const markdown = readFileSync(searched, 'utf8')
    expect(markdown).toMatch(/^# All papers: search "mamba"\n/)
    expect(markdown.match(/^## /gm)!.length).toBeLessThan(FIXTURE_PAPERS)

    // Cancelled: nothing is said, nothing written.
    app.setExportPath(null)
    await app.emit({ type: 'menu', command: 'export' })
    expect(app.exportDialogNames).toHaveLength(3)
  })
})
