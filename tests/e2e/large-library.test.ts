// The list pages through the database: a large library scrolls without the renderer ever
// asking for more than a page at a time.
import { afterEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/shared/api'
import { openLibrary } from '../../src/main/library/index'
import { parsedPaper } from '../../src/main/import/paper'
import type { ParsedPaper } from '../../src/main/import/types'
import { closeOpenApps, launchApp, type App } from './app'
import { optionTitle, papers, tempDbPath } from './helpers'

const COUNT = 20_000

function inventedPaper(i: number): ParsedPaper {
  return parsedPaper({
    title: `Synthetic study ${i} of invented attention variants`,
    authors: [`Author ${i % 97}`, `Coauthor ${i % 89}`],
    abstract: `An invented abstract for paper ${i}.`,
    line: i + 1
  })
}

let app: App
afterEach(closeOpenApps)

describe('a large library', () => {
  it(`scrolls ${COUNT.toLocaleString('en')} papers, loading pages of at most a hundred`, async () => {
    const dbPath = tempDbPath()
    const seed = openLibrary(dbPath)
    seed.importDigest({
      digest: { title: 'A very long invented digest', dateFrom: '2024-05-01', dateTo: '2024-05-01' },
      entries: Array.from({ length: COUNT }, (_, i) => inventedPaper(i)),
      format: 'hf-text',
      fileName: 'long.txt',
      contentHash: 'ab'.repeat(32)
    })
    seed.close()

    const limits: number[] = []
    app = await launchApp({
      dbPath,
      wrapHandlers: (handlers): Handlers => ({
        ...handlers,
        listPapers: (query) => {
          limits.push(query.limit ?? Infinity)
          return handlers.listPapers(query)
        }
      })
    })
    const { page } = app
    const list = papers(page)
    await list.getByRole('option').first().waitFor()
    expect(await page.locator('.list-count').textContent()).toBe(`${COUNT.toLocaleString()} papers`)

    await list.evaluate((element, fraction) => {
      element.scrollTop = element.scrollHeight * fraction
    }, 0.5)
    const middle = list.locator(`[role="option"][aria-posinset="${COUNT / 2 + 5}"]`)
    await middle.waitFor({ timeout: 10_000 })
    expect(await optionTitle(middle)).toMatch(/^Synthetic study \d+ of invented attention variants$/)
    expect(await list.getByRole('option').count()).toBeLessThan(80)
    expect(Math.max(...limits)).toBeLessThanOrEqual(100)
    expect(limits.length).toBeLessThan(10)

    await middle.click()
    await page.keyboard.press('j')
    await expect
      .poll(() => list.locator('[aria-selected="true"]').getAttribute('aria-posinset'))
      .toBe(String(COUNT / 2 + 6))
  })
})
