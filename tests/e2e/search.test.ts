// Searching the shared digest in the app: what the field understood, typos, sorting, and
// saved searches as smart lists in the Sources pane.
import { afterEach, describe, expect, it } from 'vitest'
import { closeOpenApps, launchApp, type App } from './app'
import { importFixture, papers, screenshot, sources, tempDbPath } from './helpers'

let app: App
afterEach(closeOpenApps)

async function start(): Promise<App> {
  app = await launchApp({ dbPath: tempDbPath() })
  await importFixture(app)
  return app
}

const rowNames = (app: App) =>
  papers(app.page)
    .getByRole('option')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''))

describe('search in the app', () => {
  it('says what the query understood, corrects typos, and sorts', async () => {
    const { page } = await start()
    const box = page.getByRole('searchbox', { name: 'Search papers' })
    await box.fill('title:survey -mamba')
    await expect.poll(() => page.locator('.list-count').textContent()).toMatch(/^7 matches/)
    expect(await page.locator('#search-understood').textContent()).toBe("Searching title: 'survey' · excluding 'mamba'")
    expect((await rowNames(app)).some((name) => name.includes('A Survey of Mamba'))).toBe(false)

    await page.getByRole('combobox', { name: 'Sort papers' }).selectOption('title')
    await expect
      .poll(async () => (await rowNames(app))[0])
      .toContain('A Comprehensive Survey on Applications of Transformers for Deep Learning Tasks')

    await box.fill('tranformer')
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'No papers for' }).textContent())
      .toBe("No papers for 'tranformer'; showing 'transformer'")
    expect(Number((await page.locator('.list-count').textContent())!.split(' ')[0])).toBeGreaterThan(30)

    await page.getByRole('button', { name: 'Search syntax' }).click()
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.getByRole('heading', { name: 'Search syntax' }).waitFor()
    expect(await help.getByText('"in-context learning"').count()).toBe(1)
  })

  it('saves a search as a smart list with a live unread count, renames, moves and deletes it', async () => {
    const { page, library } = await start()
    const box = page.getByRole('searchbox', { name: 'Search papers' })
    await box.fill('title:survey')
    await expect.poll(() => page.locator('.list-count').textContent()).toMatch(/^8 matches/)
    await page.getByRole('button', { name: 'Save search' }).click()
    await page.getByRole('textbox', { name: 'Name of the saved search' }).fill('Surveys')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const saved = sources(page).getByRole('list', { name: 'Saved searches' })
    await saved.getByRole('button', { name: 'Surveys, 8 unread' }).waitFor()

    // Opening a paper marks it read: the count follows.
    await papers(page).getByRole('option').first().click()
    await saved.getByRole('button', { name: 'Surveys, 7 unread' }).waitFor()
    expect(library.savedSearches()[0]).toMatchObject({ name: 'Surveys', unread: 7 })

    await box.fill('mamba')
    await expect.poll(() => page.locator('.list-count').textContent()).toMatch(/^2 matches/)
    await page.getByRole('button', { name: 'Save search' }).click()
    await page.getByRole('textbox', { name: 'Name of the saved search' }).fill('Mamba')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await saved.getByRole('button', { name: /^Mamba, [12] unread$/ }).waitFor()

    await saved.getByRole('button', { name: 'Move Mamba up' }).click()
    await expect
      .poll(() => saved.getByRole('button', { name: /unread$/ }).evaluateAll((b) => b.map((x) => x.textContent)))
      .toEqual([expect.stringMatching(/^Mamba/), expect.stringMatching(/^Surveys/)])
    await saved.getByRole('button', { name: 'Rename Surveys' }).click()
    await saved.getByRole('textbox', { name: 'New name for Surveys' }).fill('Reviews')
    await page.keyboard.press('Enter')
    // A saved search is a list of its own, like a digest: the field empties, searching looks within it.
    await saved.getByRole('button', { name: 'Reviews, 7 unread' }).click()
    await expect.poll(() => box.inputValue()).toBe('')
    await expect.poll(() => page.locator('.list-count').textContent()).toBe('8 papers')
    await expect
      .poll(() => saved.getByRole('button', { name: 'Reviews, 7 unread' }).getAttribute('aria-current'))
      .toBe('page')
    await screenshot(page, 'saved-searches')
    await box.fill('mamba')
    await expect.poll(() => page.locator('.list-count').textContent()).toBe('1 match in Reviews')
    await saved.getByRole('button', { name: 'Delete Mamba' }).click()
    await expect.poll(() => library.savedSearches().map((s) => s.name)).toEqual(['Reviews'])
  })
})
