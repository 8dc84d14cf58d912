import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { REPO } from './renderer-build'
import { SCREENSHOTS, closeOpenApps, launchApp, type App } from './app'
import {
  FIXTURE_PAPERS,
  expectSourceCount,
  importFixture,
  inPage,
  optionTitle,
  papers,
  reader,
  screenshot,
  selectedTitle,
  sourceButton,
  sources,
  tempDbPath
} from './helpers'

let app: App
afterEach(closeOpenApps)

/** Presses j and waits until the reader shows the next paper, as a reader would. */
async function openNext(page: Page): Promise<void> {
  const before = await selectedTitle(page)
  await page.keyboard.press('j')
  await expect.poll(() => selectedTitle(page)).not.toBe(before)
  const title = (await selectedTitle(page))!
  await reader(page).getByRole('heading', { name: title, exact: true }).waitFor()
}

async function start(dbPath = tempDbPath()): Promise<App> {
  app = await launchApp({ dbPath })
  await importFixture(app)
  return app
}

describe('reading with the keyboard', () => {
  it('triages ten papers with j, m and s, and the counts in Sources follow', async () => {
    const { page, library } = await start()
    const titles = library.listPapers({ filter: { kind: 'all' }, limit: 10 }).items.map((p) => p.title)
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('j')
      await expect.poll(() => selectedTitle(page)).toBe(titles[i])
      await reader(page).getByRole('heading', { name: titles[i], exact: true }).waitFor()
      // Opening marks read; m keeps every third one unread for later, s stars the even ones.
      await expect
        .poll(() => reader(page).getByRole('button', { name: 'Read' }).getAttribute('aria-pressed'))
        .toBe('true')
      if (i % 3 === 0) await page.keyboard.press('m')
      if (i % 2 === 0) await page.keyboard.press('s')
    }
    const keptUnread = 4 // papers 0, 3, 6, 9
    await expectSourceCount(page, 'Unread', FIXTURE_PAPERS - 10 + keptUnread)
    await expectSourceCount(page, 'Starred', 5)
    const stats = library.stats()
    expect(stats.read).toBe(10 - keptUnread)
    expect(stats.starred).toBe(5)

    const tenth = papers(page).getByRole('option', { name: titles[9], exact: true })
    expect(await tenth.getAttribute('aria-selected')).toBe('true')
    expect(await tenth.getAttribute('class')).toContain('unread')
    await page.keyboard.press('k')
    await expect.poll(() => selectedTitle(page)).toBe(titles[8])

    await page.keyboard.press('?')
    const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await keys.waitFor()
    expect(await keys.textContent()).toContain('Next unread paper')
    await screenshot(page, 'keys')
    await page.keyboard.press('Escape')
    await keys.waitFor({ state: 'detached' })
  })

  it('n skips to the next unread paper and Enter opens the main link in the system browser', async () => {
    const { page, library } = await start()
    const items = library.listPapers({ filter: { kind: 'all' }, limit: 4 }).items
    // Opening the second and third paper reads them; then back to the first, and n skips them.
    for (const i of [1, 2, 0]) {
      await papers(page).getByRole('option', { name: items[i]!.title, exact: true }).click()
      await reader(page).getByRole('heading', { name: items[i]!.title, exact: true }).waitFor()
    }
    await page.keyboard.press('m')
    await expect.poll(() => library.stats().read).toBe(2)
    await page.keyboard.press('n')
    await expect.poll(() => selectedTitle(page)).toBe(items[3]!.title)

    const withLink = library.listPapers({ filter: { kind: 'hasCode' }, limit: 1 }).items[0]!
    await papers(page).getByRole('option', { name: withLink.title, exact: true }).click()
    await reader(page).getByRole('heading', { name: withLink.title }).waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(() => app.openedUrls).toEqual([withLink.links[0]!.url])
    expect(await reader(page).locator('.link-button.code').count()).toBeGreaterThan(0)
  })

  it('stars and unstars from the reader', async () => {
    const { page, library } = await start()
    const first = papers(page).getByRole('option').first()
    const title = (await optionTitle(first))!
    await first.click()
    const star = reader(page).getByRole('button', { name: 'Star' })
    expect(await star.getAttribute('aria-pressed')).toBe('false')
    await star.click()
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true')
    await expectSourceCount(page, 'Starred', 1)
    const id =
      library.search({ query: `"${title}"` }).items[0]?.id ??
      library.listPapers({ filter: { kind: 'starred' } }).items[0]!.id
    expect(library.getPaper(id)?.starred).toBe(true)
    expect(await first.locator('.mark-star').count()).toBe(1)

    await star.click()
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('false')
    await expectSourceCount(page, 'Starred', 0)
    expect(library.getPaper(id)?.starred).toBe(false)
  })

  it('marks everything in the list read with Shift+A and undoes it with Ctrl+Z', async () => {
    const { page, library } = await start()
    await openNext(page)
    await openNext(page)
    await expectSourceCount(page, 'Unread', FIXTURE_PAPERS - 2)
    await page.keyboard.press('Shift+A')
    const ask = page.getByRole('dialog', { name: 'Are you sure?' })
    await expect.poll(() => ask.textContent()).toContain(`Mark all ${FIXTURE_PAPERS} papers in All papers read?`)
    expect(library.stats().unread).toBe(FIXTURE_PAPERS - 2)
    await ask.getByRole('button', { name: 'Mark all read' }).click()
    await expectSourceCount(page, 'Unread', 0)
    expect(library.stats().unread).toBe(0)
    await expect.poll(() => papers(page).locator('.paper-row.unread').count()).toBe(0)

    await page.keyboard.press('Control+z')
    await expectSourceCount(page, 'Unread', FIXTURE_PAPERS - 2)
    expect(library.stats().unread).toBe(FIXTURE_PAPERS - 2)
    const firstRow = papers(page).getByRole('option').first()
    expect(await firstRow.getAttribute('class')).toContain(' read')
  })
})

describe('undo and redo', () => {
  it('undo goes back to the paper it changed, says what it undid, and redo does it again', async () => {
    const { page, library } = await start()
    await openNext(page)
    const starredTitle = (await selectedTitle(page))!
    await page.keyboard.press('s')
    await expectSourceCount(page, 'Starred', 1)
    await openNext(page)
    await openNext(page)

    await page.keyboard.press('Control+z') // the third paper's read-on-open
    await page.keyboard.press('Control+z') // the second paper's
    await page.keyboard.press('Control+z') // the star
    await expectSourceCount(page, 'Starred', 0)
    await expect.poll(() => selectedTitle(page)).toBe(starredTitle)
    await reader(page).getByRole('heading', { name: starredTitle, exact: true }).waitFor()
    await expect.poll(() => page.locator('.status-line').textContent()).toContain(`Undo: unstarred “`)
    expect(library.stats().read).toBe(1)

    await page.keyboard.press('Control+Shift+Z')
    await expectSourceCount(page, 'Starred', 1)
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('Redo: starred “')
    expect(library.stats().starred).toBe(1)
  })
})

describe('notes', () => {
  it('autosaves a note that survives a reload and a restart', async () => {
    const dbPath = tempDbPath()
    const { page, library } = await start(dbPath)
    await openNext(page)
    await openNext(page)
    const title = (await selectedTitle(page))!
    await page.keyboard.press('e')
    await expect.poll(() => inPage(page, 'document.activeElement?.id')).toBe('note-text')
    await page.keyboard.type('Compare with **folded** attention. j k s m')
    await expect.poll(() => reader(page).getByRole('status').textContent(), { timeout: 3000 }).toBe('Saved')
    // Keys typed into the note stay in the note.
    expect(await selectedTitle(page)).toBe(title)
    expect(library.stats().starred).toBe(0)
    await page.keyboard.press('Escape')
    // Out of the editor, the note shows rendered.
    expect(await reader(page).locator('.note-preview strong').textContent()).toBe('folded')

    await page.reload()
    await reader(page).getByRole('heading', { name: title }).waitFor()
    expect(await reader(page).locator('.note-preview').textContent()).toBe('Compare with folded attention. j k s m')
    // Focusing it opens the editor with the Markdown source, and its own undo history.
    await reader(page).getByRole('button', { name: 'Note, press Enter to edit' }).click()
    const editor = reader(page).getByRole('textbox', { name: 'Note' })
    await expect.poll(() => editor.textContent()).toBe('Compare with **folded** attention. j k s m')
    await page.keyboard.type(' More.')
    await page.keyboard.press('Control+z')
    await expect.poll(() => editor.textContent()).toBe('Compare with **folded** attention. j k s m')
    await page.keyboard.press('Escape')

    await app.close()
    app = await launchApp({ dbPath })
    await reader(app.page).getByRole('heading', { name: title }).waitFor()
    expect(await reader(app.page).locator('.note-preview strong').textContent()).toBe('folded')
    expect(await selectedTitle(app.page)).toBe(title)
  })
})

describe('search', () => {
  it('searches as you type and highlights the matches', async () => {
    const { page } = await start()
    await page.keyboard.press('/')
    const box = page.getByRole('searchbox', { name: 'Search papers' })
    await expect.poll(() => inPage(page, "document.activeElement?.getAttribute('aria-label')")).toBe('Search papers')
    await page.keyboard.type('reinforcement')
    await expect.poll(() => page.locator('.list-count').textContent()).toMatch(/^[1-9]\d* match/)
    const names = await papers(page)
      .getByRole('option')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('.paper-row-title-text')?.textContent))
    expect(names).toContain('Transformers in Reinforcement Learning: A Survey')
    expect(names.length).toBeLessThan(FIXTURE_PAPERS)
    const marks = await papers(page).locator('mark').allTextContents()
    expect(marks.some((m) => m.toLowerCase().startsWith('reinforcement'))).toBe(true)
    await screenshot(page, 'search')

    await box.fill('')
    await expect.poll(() => page.locator('.list-count').textContent()).toBe(`${FIXTURE_PAPERS} papers`)
  })
})

describe('progress and looks', () => {
  it('shows progress numbers that match the library', async () => {
    const { page, library } = await start()
    for (let i = 0; i < 3; i++) await openNext(page)
    await page.keyboard.press('s')
    await page.keyboard.press('e')
    await page.keyboard.type('worth a second look')
    await page.keyboard.press('Escape')
    await expect.poll(() => library.stats().noted).toBe(1)
    await sources(page).getByRole('button', { name: 'Progress', exact: true }).click()
    const view = page.getByRole('region', { name: 'Progress' })
    const stats = library.stats()
    const value = (label: string) =>
      view.getByRole('group', { name: label, exact: true }).locator('.stat-value').textContent()
    await expect.poll(() => value('Read')).toBe(String(stats.read))
    expect(stats.read).toBe(3)
    expect(await value('Unread backlog')).toBe(String(stats.unread))
    expect(await value('Starred')).toBe(String(stats.starred))
    expect(await value('Noted')).toBe(String(stats.noted))
    const chartLabel = await view.getByRole('img').getAttribute('aria-label')
    expect(chartLabel).toContain(`${stats.readPerDay.reduce((sum, d) => sum + d.read, 0)} in all`)
    await screenshot(page, 'progress')
  })

  it('follows a dark system theme', async () => {
    app = await launchApp({ dbPath: tempDbPath(), colorScheme: 'dark' })
    await importFixture(app)
    const { page } = app
    await page.keyboard.press('j')
    await reader(page).getByRole('heading', { level: 1 }).waitFor()
    const background = await inPage(page, 'getComputedStyle(document.body).backgroundColor')
    const [r, g, b] = background.match(/\d+/g)!.map(Number)
    expect((r! + g! + b!) / 3).toBeLessThan(60)
    const text = await inPage(page, 'getComputedStyle(document.body).color')
    expect(text.match(/\d+/g)!.map(Number)[0]).toBeGreaterThan(180)
    await screenshot(page, 'reader-dark')
    await sources(page).getByRole('button', { name: 'Progress', exact: true }).click()
    await page.getByRole('region', { name: 'Progress' }).getByRole('img').waitFor()
    await screenshot(page, 'progress-dark')
  })

  it('renders the TeX in abstracts and takes the README screenshot', async () => {
    app = await launchApp({ dbPath: tempDbPath() })
    const { page, library } = app
    await page.getByRole('button', { name: 'Try a sample digest' }).click()
    await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click()
    await importFixture(app)
    const sample = library.listDigests().find((d) => d.fileName?.includes('sample'))!
    await sourceButton(page, sample.title).click()
    const withMath = library
      .listPapers({ filter: { kind: 'digest', digestId: sample.id }, limit: 100 })
      .items.find((p) => p.abstract?.includes('$'))!
    await papers(page).getByRole('option', { name: withMath.title, exact: true }).click()
    await reader(page).getByRole('heading', { name: withMath.title }).waitFor()
    // The abstract's TeX went through KaTeX; the rest of it is plain text.
    const math = reader(page).locator('.paper-abstract .katex')
    expect(await math.count()).toBeGreaterThan(0)
    expect(await reader(page).locator('.paper-abstract').textContent()).not.toContain('$O(')
    await page.keyboard.press('s')
    await page.keyboard.press('e')
    await page.keyboard.type(
      'Try the **recursive summaries** on the 8k retrieval set.\n\n- compare memory with a sliding window'
    )
    await page.keyboard.press('Escape')
    await expect.poll(() => reader(page).getByRole('status').textContent()).toBe('Saved')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    await reader(page).getByRole('heading', { name: withMath.title }).waitFor()
    const dismiss = page.getByRole('button', { name: 'Dismiss' })
    if (await dismiss.count()) await dismiss.click()
    await screenshot(page, 'reader')
    // The README's copy changes only on request, so a test run leaves the work tree clean.
    const readme = join(REPO, 'docs/screenshots/reader.png')
    if (process.env.UPDATE_SCREENSHOTS || !existsSync(readme)) {
      mkdirSync(join(REPO, 'docs/screenshots'), { recursive: true })
      copyFileSync(join(SCREENSHOTS, 'reader.png'), readme)
    }
  })
})
