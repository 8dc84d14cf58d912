import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/library'
import { parsedPaper } from '../../src/main/import/paper'
import { closeOpenApps, launchApp } from './app'
import { expectSourceCount, importFixture, papers, reader, screenshot, sourceButton, tempDbPath } from './helpers'

afterEach(closeOpenApps)

describe('the Recommended source', () => {
  it('says how many more stars it needs, then lists suggestions with their reasons', async () => {
    const app = await launchApp({ dbPath: tempDbPath() })
    await importFixture(app)
    const { page } = app
    const list = page.locator('.list-empty')

    await sourceButton(page, 'Recommended').click()
    await expect.poll(() => list.textContent()).toBe('Star 3 papers to get suggestions like them.')

    const all = app.library.listPapers({ filter: { kind: 'all' }, limit: 3 }).items
    for (const [i, paper] of all.entries()) {
      await sourceButton(page, 'All papers').click()
      await papers(page).getByRole('option', { name: paper.title, exact: true }).click()
      await reader(page).getByRole('heading', { name: paper.title, exact: true }).waitFor()
      await reader(page).getByRole('button', { name: 'Star' }).click()
      await expectSourceCount(page, 'Starred', i + 1)
      if (i === 0) {
        await sourceButton(page, 'Recommended').click()
        await expect
          .poll(() => list.textContent())
          .toBe('Star 2 more papers to get suggestions like them (1 starred so far, 3 needed).')
        await screenshot(page, 'recommended-needs-stars')
      }
    }

    await sourceButton(page, 'Recommended').click()
    await papers(page).getByRole('option').first().waitFor()
    expect(await list.count()).toBe(0)
    const starred = new Set(all.map((p) => p.title))
    const shown = await papers(page).getByRole('option').locator('.paper-row-title-text').allTextContents()
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.some((title) => starred.has(title))).toBe(false)
    const reason = await papers(page).getByRole('option').first().locator('.recommendation-reason').textContent()
    expect(reason).toMatch(/^like '/)
    expect([...starred].some((title) => reason!.includes(title))).toBe(true)
  })
})

describe('a wrong merge', () => {
  it('is named in the reader and split off with one click', async () => {
    const dbPath = tempDbPath()
    const seed = openLibrary(dbPath)
    const entry = (title: string, abstract: string, arxivId?: string) =>
      parsedPaper({ title, abstract, authors: [], arxivId, line: 1 })
    for (const [title, paper, day] of [
      ['arXiv listing', entry('Moss Atlas', 'Lichen maps from drones.', '2405.00005'), '2024-03-12'],
      ['Garden list', entry('Moss atlas', 'A book on garden moss.'), '2024-03-13']
    ] as const) {
      seed.importDigest({
        digest: { title, dateFrom: day, dateTo: day },
        entries: [paper],
        format: 'test',
        fileName: null,
        contentHash: title === 'Garden list' ? 'b'.repeat(16) : 'a'.repeat(16)
      })
    }
    seed.close()

    const { page } = await launchApp({ dbPath })
    await papers(page).getByRole('option', { name: 'Moss Atlas', exact: true }).click()
    const merged = reader(page).getByRole('region', { name: 'Merged from' })
    await expect
      .poll(() => merged.textContent())
      .toContain('Merged with the entry of Garden list (same title, “Moss atlas”)')
    await screenshot(page, 'merged-from')
    await merged.getByRole('button', { name: 'Split off Garden list' }).click()
    await expectSourceCount(page, 'All papers', 2)
    await papers(page).getByRole('option', { name: 'Moss atlas', exact: true }).waitFor()
    await merged.waitFor({ state: 'detached' })
  })
})
