import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { closeOpenApps, launchApp, type App } from './app'
import {
  FIXTURE,
  FIXTURE_PAPERS,
  dropFile,
  importFixture,
  optionTitle,
  papers,
  screenshot,
  sourceButton,
  sourceCount,
  tempDbPath
} from './helpers'

let app: App
afterEach(closeOpenApps)

describe('first run and importing', () => {
  it('welcomes a new reader and imports the sample digest', async () => {
    app = await launchApp({ dbPath: tempDbPath() })
    const { page } = app
    const welcome = page.getByRole('region', { name: 'Welcome' })
    await welcome.getByRole('heading', { name: 'Welcome to Dogear' }).waitFor()
    await screenshot(page, 'welcome')

    await welcome.getByRole('button', { name: 'Try a sample digest' }).click()
    const report = page.getByRole('dialog', { name: 'Import report' })
    await report.waitFor()
    const sampleCount = app.library.stats().papers
    expect(sampleCount).toBeGreaterThan(0)
    expect(await report.locator('dd').first().textContent()).toBe(String(sampleCount))
    await screenshot(page, 'import-report')
    await report.getByRole('button', { name: 'Done' }).click()

    await expect.poll(() => papers(page).getByRole('option').count()).toBe(sampleCount)
    const digest = app.library.listDigests()[0]!
    await sourceButton(page, digest.title).waitFor()
    expect(await welcome.count()).toBe(0)
  })

  it('imports the shared Hugging Face fixture from the file dialog and lists every paper', async () => {
    app = await launchApp({ dbPath: tempDbPath() })
    const { page } = app
    app.setChosenFiles([FIXTURE])
    await page.getByRole('button', { name: 'Import digest...' }).first().click()
    const report = page.getByRole('dialog', { name: 'Import report' })
    await report.waitFor()
    await expect.poll(() => report.textContent()).toContain('hf-papers-transformers.txt')
    expect(await report.locator('dd').first().textContent()).toBe(String(FIXTURE_PAPERS))
    await report.getByRole('button', { name: 'Done' }).click()

    expect(await page.locator('.list-count').textContent()).toBe(`${FIXTURE_PAPERS} papers`)
    const first = papers(page).getByRole('option').first()
    expect(await optionTitle(first)).toBe(
      'Advancing Transformer Architecture in Long-Context Large Language Models: A Comprehensive Survey'
    )
    expect(await sourceCount(page, 'Unread')).toBe(FIXTURE_PAPERS)
  })

  it('says a second import of the same file changed nothing', async () => {
    app = await launchApp({ dbPath: tempDbPath() })
    await importFixture(app)
    app.setChosenFiles([FIXTURE])
    await app.page.getByRole('button', { name: 'Import digest...' }).first().click()
    const report = app.page.getByRole('dialog', { name: 'Import report' })
    await expect.poll(() => report.textContent()).toContain('Already imported: nothing changed.')
  })

  it('imports a file dropped on the window', async () => {
    app = await launchApp({ dbPath: tempDbPath() })
    const { page } = app
    await page.getByRole('heading', { name: 'Welcome to Dogear' }).waitFor()
    const text = readFileSync(FIXTURE, 'utf8')
    await dropFile(page, 'dropped-digest.txt', text)
    const report = page.getByRole('dialog', { name: 'Import report' })
    await expect.poll(() => report.textContent()).toContain('dropped-digest.txt')
    expect(app.library.stats().papers).toBe(FIXTURE_PAPERS)
  })

  it('shows a clear error for a file that is not a digest, and keeps the library as it was', async () => {
    app = await launchApp({ dbPath: tempDbPath() })
    app.setChosenFiles(['/nonexistent/folder/missing-digest.txt'])
    await app.page.getByRole('button', { name: 'Import digest...' }).first().click()
    const report = app.page.getByRole('dialog', { name: 'Import report' })
    await expect.poll(() => report.locator('.report-failed').count()).toBe(1)
    expect(await report.textContent()).toContain('missing-digest.txt')
    expect(app.library.stats().papers).toBe(0)
  })
})
