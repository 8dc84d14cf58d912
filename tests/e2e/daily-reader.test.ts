// The morning triage loop: keys that reach the reader whatever was clicked, list keys, panes
// reachable by keyboard, and a window too narrow for three panes.
import { afterEach, describe, expect, it } from 'vitest'
import { closeOpenApps, launchApp, type App } from './app'
import { FIXTURE_PAPERS, importFixture, inPage, papers, reader, selectedTitle, tempDbPath } from './helpers'

afterEach(closeOpenApps)

async function start(): Promise<App> {
  const app = await launchApp({ dbPath: tempDbPath() })
  await importFixture(app)
  return app
}

const statusText = (app: App) => app.page.locator('.status-line').textContent()

describe('keys after a mouse click', () => {
  it('Space and Enter after clicking Star, Read or Settings are reading keys, not a second click', async () => {
    const app = await start()
    const { page, library } = app
    await page.keyboard.press('j')
    const first = (await selectedTitle(page))!
    await reader(page).getByRole('heading', { name: first, exact: true }).waitFor()
    const star = reader(page).getByRole('button', { name: 'Star' })
    await star.click()
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true')

    await page.keyboard.press('Enter') // opens the paper's link; does not unstar it
    await expect.poll(() => app.openedUrls.length).toBe(1)
    expect(await star.getAttribute('aria-pressed')).toBe('true')

    await reader(page).getByRole('button', { name: 'Read' }).click()
    await page.keyboard.press('m')
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.waitFor()
    await page.keyboard.press('Escape')
    await settings.waitFor({ state: 'detached' })
    await page.keyboard.press('n') // next unread, not Settings again
    await expect.poll(() => selectedTitle(page)).not.toBe(first)
    expect(await settings.count()).toBe(0)
    expect(library.stats().starred).toBe(1)

    // Tab still reaches the toolbar, and a button focused by keyboard keeps its keys.
    await reader(page).getByRole('button', { name: 'Star' }).focus()
    await page.keyboard.press('Space')
    await expect.poll(() => library.stats().starred).toBe(2)
  })
})

describe('moving through the list', () => {
  it('Home, End, PageDown and j on the last paper, which says so', async () => {
    const { page } = await start()
    const list = papers(page)
    const selectedPosition = () => list.locator('[aria-selected="true"]').getAttribute('aria-posinset')
    await list.getByRole('option').first().click()
    await page.keyboard.press('End')
    await expect.poll(selectedPosition).toBe(String(FIXTURE_PAPERS))
    await page.keyboard.press('j')
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('This is the last paper in the list.')
    await page.keyboard.press('Home')
    await expect.poll(selectedPosition).toBe('1')
    await page.keyboard.press('PageDown')
    await expect.poll(async () => Number(await selectedPosition())).toBeGreaterThan(3)
  })

  it('n finds the next unread paper in one request, and says when there is none', async () => {
    const app = await start()
    const { page, library } = app
    const ids = library.listPapers({ filter: { kind: 'all' }, limit: 100 }).items.map((p) => p.id)
    library.markRead(ids.slice(1, -1), true) // only the first and the last are unread
    await page.reload()
    await papers(page).getByRole('option').first().click()
    await page.keyboard.press('n')
    await expect
      .poll(() => papers(page).locator('[aria-selected="true"]').getAttribute('aria-posinset'))
      .toBe(String(FIXTURE_PAPERS))
    await page.keyboard.press('n')
    await expect.poll(() => statusText(app)).toContain('No more unread papers in this list.')
  })

  it('F6 moves between sources, list and reader; the sidebar is one Tab stop with arrow keys', async () => {
    const { page } = await start()
    await papers(page).getByRole('option').first().click()
    await page.keyboard.press('F6')
    await expect.poll(() => inPage(page, 'document.activeElement?.id')).toBe('reader-scroll')
    await page.keyboard.press('F6')
    await expect
      .poll(() => inPage(page, "document.activeElement?.closest('nav')?.getAttribute('aria-label')"))
      .toBe('Sources')
    const inSources = await inPage(page, 'document.querySelectorAll(\'nav [tabindex="0"]\').length')
    expect(inSources).toBe('1')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => inPage(page, 'document.activeElement?.textContent')).toMatch(/^Unread/)
    await page.keyboard.press('F6')
    await expect.poll(() => inPage(page, "document.activeElement?.getAttribute('role')")).toBe('listbox')
  })

  it('the splitter moves with the arrow keys', async () => {
    const { page } = await start()
    const splitter = page.getByRole('separator', { name: 'Resize paper list' })
    const before = Number(await splitter.getAttribute('aria-valuenow'))
    await splitter.focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => Number(await splitter.getAttribute('aria-valuenow'))).toBe(before + 16)
  })
})

describe('a narrow window', () => {
  it('shows the list, then the paper in its place, with a way back', async () => {
    const { page } = await start()
    await page.setViewportSize({ width: 900, height: 700 })
    const list = papers(page)
    await list.getByRole('option').first().click()
    const back = reader(page).getByRole('button', { name: '← Papers' })
    await back.waitFor()
    expect(await list.count()).toBe(0)
    await back.click()
    await list.waitFor()
  })
})

describe('toasts', () => {
  it('Esc dismisses a message', async () => {
    const app = await start()
    const { page } = app
    await papers(page).getByRole('option').first().click()
    await page.keyboard.press('k')
    await expect.poll(() => statusText(app)).toContain('This is the first paper in the list.')
    await page.keyboard.press('Escape')
    await expect.poll(() => statusText(app)).toBe('')
  })
})
