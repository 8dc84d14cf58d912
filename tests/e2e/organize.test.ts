// Organizing in the app: picking many papers and acting on them at once, tags, the trash,
// context menus, "Undo import" and the backup settings; every change one Ctrl+Z away.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/shared/api'
import { openLibrary } from '../../src/main/library/index'
import { parsedPaper } from '../../src/main/import/paper'
import { closeOpenApps, launchApp, type App } from './app'
import { axeViolations, summarize } from './axe'
import { optionTitle, papers, reader, sourceButton, sources, tempDbPath } from './helpers'

let app: App
afterEach(closeOpenApps)

function seed(dbPath: string, count: number, title = 'An invented digest'): void {
  const library = openLibrary(dbPath)
  library.importDigest({
    digest: { title, dateFrom: '2024-05-01', dateTo: '2024-05-01' },
    entries: Array.from({ length: count }, (_, i) =>
      parsedPaper({ title: `Invented study ${i + 1} of gravel lattices`, authors: [`Author ${i}`], line: i + 1 })
    ),
    format: 'hf-text',
    fileName: 'invented.txt',
    contentHash: `${count}`.padStart(64, 'c')
  })
  library.close()
}

function option(page: Page, position: number) {
  return papers(page).locator(`[role="option"][aria-posinset="${position}"]`)
}

async function status(page: Page): Promise<string> {
  return (await page.locator('.status-line, [data-testid="status"]').first().textContent()) ?? ''
}

const modifier = process.platform === 'darwin' ? 'Meta' : 'Control'

describe('acting on many papers', () => {
  it('picks with Ctrl-click, Shift-click and Shift+J, stars them in one step and undoes it', async () => {
    const dbPath = tempDbPath()
    seed(dbPath, 8)
    app = await launchApp({ dbPath })
    const { page, library } = app
    await option(page, 1).click()
    await option(page, 3).click({ modifiers: [modifier] })
    await option(page, 5).click({ modifiers: ['Shift'] })
    // What a screen reader is told: the count, in a live region.
    await page.getByRole('status').filter({ hasText: '4 papers selected' }).waitFor()
    expect(await papers(page).getAttribute('aria-multiselectable')).toBe('true')
    await page.keyboard.press('Shift+J')
    await page.getByRole('status').filter({ hasText: '5 papers selected' }).waitFor()
    expect(await papers(page).locator('[aria-selected="true"]').count()).toBe(5)

    const bar = page.getByRole('toolbar', { name: 'Selected papers' })
    await bar.getByRole('button', { name: 'Star', exact: true }).click()
    await expect.poll(() => library.stats().starred).toBe(5)
    // Only the paper opened by a plain click was marked read; picking opens without marking.
    expect(library.stats().read).toBe(1)
    await page.keyboard.press(`${modifier}+z`)
    await expect.poll(() => library.stats().starred).toBe(0)
    await expect.poll(() => status(page)).toContain('Undo: unstarred 5 papers.')
    await page.keyboard.press('Escape')
    await expect.poll(() => bar.count()).toBe(0)
  })

  it('selects all 20,000 papers of a list and marks them read with one request, rows never fetched', async () => {
    const dbPath = tempDbPath()
    seed(dbPath, 20_000)
    const limits: number[] = []
    const bulk: unknown[] = []
    app = await launchApp({
      dbPath,
      wrapHandlers: (handlers): Handlers => ({
        ...handlers,
        listPapers: (query) => {
          limits.push(query.limit ?? Infinity)
          return handlers.listPapers(query)
        },
        actOnPapers: (args) => {
          bulk.push(args)
          return handlers.actOnPapers(args)
        }
      })
    })
    const { page, library } = app
    await option(page, 1).waitFor()
    await papers(page).focus()
    await page.keyboard.press(`${modifier}+a`)
    await page.getByRole('status').filter({ hasText: 'All 20,000 papers selected' }).waitFor()
    await page.getByRole('toolbar', { name: 'Selected papers' }).getByRole('button', { name: 'Mark Read' }).click()
    await expect.poll(() => library.stats().read, { timeout: 30_000 }).toBe(20_000)
    expect(bulk).toEqual([{ target: { filter: { kind: 'all' } }, action: { kind: 'read', value: true } }])
    expect(Math.max(...limits)).toBeLessThanOrEqual(100)
    expect(limits.length).toBeLessThan(10)
    await expectSourceUnread(page, 0)
    await page.keyboard.press(`${modifier}+z`)
    await expect.poll(() => library.stats().read, { timeout: 30_000 }).toBe(0)
    await expect.poll(() => status(page)).toContain('Undo: marked 20,000 papers unread.')
  })
})

async function expectSourceUnread(page: Page, count: number): Promise<void> {
  await expect.poll(async () => sourceButton(page, 'Unread').locator('.count').textContent()).toBe(String(count))
}

describe('export from a selection', () => {
  it('exports the whole list but the papers taken back out, and a digest from its context menu', async () => {
    const dbPath = tempDbPath()
    seed(dbPath, 12)
    app = await launchApp({ dbPath })
    const { page } = app
    await option(page, 1).waitFor()
    await papers(page).focus()
    await page.keyboard.press(`${modifier}+a`)
    const left = (await optionTitle(option(page, 2)))!
    await option(page, 2).click({ modifiers: [modifier] })
    await page.getByRole('status').filter({ hasText: '11 papers selected' }).waitFor()
    const file = join(dirname(dbPath), 'picked.bib')
    app.setExportPath(file)
    await page.getByRole('toolbar', { name: 'Selected papers' }).getByRole('button', { name: 'Export…' }).click()
    await expect.poll(() => status(page)).toContain(`Exported 11 papers to ${file}`)
    const text = readFileSync(file, 'utf8')
    expect(text.match(/^@/gm)).toHaveLength(11)
    expect(text).not.toContain(`{${left}}`)

    const whole = join(dirname(dbPath), 'digest.ris')
    app.setExportPath(whole)
    await sourceButton(page, 'An invented digest').click({ button: 'right' })
    await page.getByRole('menu').getByRole('menuitem', { name: 'Export…' }).click()
    await expect.poll(() => status(page)).toContain(`Exported 12 papers to ${whole}`)
    expect(readFileSync(whole, 'utf8').match(/^TY {2}- /gm)).toHaveLength(12)
  })
})

describe('tags', () => {
  it('tags the selection with t, lists the tag under Tags, completes its name and untags from the reader', async () => {
    const dbPath = tempDbPath()
    seed(dbPath, 6)
    app = await launchApp({ dbPath })
    const { page, library } = app
    await option(page, 1).click()
    await option(page, 2).click({ modifiers: ['Shift'] })
    await page.keyboard.press('t')
    const picker = page.getByRole('dialog', { name: 'Tag 2 papers' })
    await picker.getByRole('combobox', { name: 'Tag' }).fill('To read')
    await picker.getByRole('button', { name: 'Add Tag' }).click()
    await sources(page).getByRole('heading', { name: 'Tags' }).waitFor()
    await sourceButton(page, 'To read').waitFor()
    expect(await sourceButton(page, 'To read').locator('.count').textContent()).toBe('2')

    // One paper: `t`, then the completion offers the tag in use.
    await page.keyboard.press('Escape')
    await option(page, 4).click()
    const title = (await optionTitle(option(page, 4)))!
    await page.keyboard.press('t')
    const one = page.getByRole('dialog', { name: `Tag “${title}”` })
    await one.getByRole('combobox', { name: 'Tag' }).fill('to')
    await one.getByRole('option', { name: /To read/ }).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => library.tags()).toEqual([{ id: expect.any(Number), name: 'To read', count: 3 }])
    await reader(page)
      .getByRole('list', { name: 'Tags' })
      .getByRole('button', { name: 'To read', exact: true })
      .waitFor()

    await sourceButton(page, 'To read').click()
    await expect.poll(() => page.locator('.list-count').textContent()).toBe('3 papers')
    await option(page, 1).click()
    await reader(page).getByRole('button', { name: 'Remove tag To read' }).click()
    await expect.poll(() => library.tags()[0]?.count).toBe(2)
    await page.keyboard.press(`${modifier}+z`)
    await expect.poll(() => library.tags()[0]?.count).toBe(3)
  })
})

describe('the trash', () => {
  it('deletes with the Delete key, lists the trash, restores and empties it after asking', async () => {
    const dbPath = tempDbPath()
    seed(dbPath, 4)
    app = await launchApp({ dbPath })
    const { page, library } = app
    await option(page, 2).click()
    const title = (await optionTitle(option(page, 2)))!
    await page.keyboard.press('Delete')
    await expect.poll(() => library.stats().papers).toBe(3)
    await expect.poll(() => status(page)).toContain(`Moved “${title}” to the trash`)
    await page.keyboard.press(`${modifier}+z`)
    await expect.poll(() => library.stats().papers).toBe(4)
    await expect.poll(() => status(page)).toContain(`Undo: restored “${title}” from the trash.`)

    await option(page, 2).click()
    await page.keyboard.press('Delete')
    await expect.poll(() => library.stats().papers).toBe(3)
    await sources(page).getByRole('button', { name: 'Trash' }).click()
    const trash = page.getByRole('region', { name: 'Trash' })
    await trash.getByRole('button', { name: `Restore ${title}` }).click()
    await expect.poll(() => library.stats().papers).toBe(4)
    await expect.poll(() => trash.getByText('The trash is empty.').count()).toBe(1)

    library.trashPapers([library.listPapers({ filter: { kind: 'all' } }).items[0]!.id])
    await sources(page).getByRole('button', { name: 'Trash' }).click()
    await trash.getByRole('button', { name: 'Empty Trash' }).click()
    const confirm = page.getByRole('dialog', { name: 'Are you sure?' })
    await confirm.getByText('This cannot be undone.').waitFor()
    await confirm.getByRole('button', { name: 'Empty Trash' }).click()
    await expect.poll(() => library.trash().papers.length).toBe(0)
    expect(library.stats().papers).toBe(3)
  })
})

describe('context menus', () => {
  it('opens on a right-click and on Shift+F10, acts on the paper, and deletes and reveals a digest', async () => {
    const dbPath = tempDbPath()
    const folder = join(dirname(dbPath), 'digests')
    mkdirSync(folder)
    const file = join(folder, 'monday.bib')
    writeFileSync(
      file,
      ['Gravel Lattices', 'Humming Kettles', 'Sleepy Robots']
        .map((t, i) => `@article{k${i},\n  title = {${t}},\n  author = {Example, Ada},\n  year = {2024}\n}\n`)
        .join('\n')
    )
    app = await launchApp({ dbPath })
    const { page, library } = app
    app.setChosenFiles([file])
    await page.getByRole('button', { name: 'Import digest...' }).first().click()
    await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Done' }).click()
    await option(page, 1).waitFor()

    const title = (await optionTitle(option(page, 2)))!
    await option(page, 2).click({ button: 'right' })
    const menu = page.getByRole('menu', { name: `“${title}”` })
    await menu.waitFor()
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Mark Read',
      'Star',
      'Tag…',
      'Export…',
      'Move to Trash',
      'Reveal Source File'
    ])
    await menu.getByRole('menuitem', { name: 'Star' }).click()
    await expect.poll(() => library.stats().starred).toBe(1)
    await expect.poll(() => menu.count()).toBe(0)

    await option(page, 1).click()
    await papers(page).focus()
    await page.keyboard.press('Shift+F10')
    const keyed = page.getByRole('menu')
    await keyed.waitFor()
    expect(await inFocus(page)).toBe('Mark Unread')
    await page.keyboard.press('End')
    expect(await inFocus(page)).toBe('Reveal Source File')
    await page.keyboard.press('Enter')
    await expect.poll(() => app.revealedFiles).toEqual([file])
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe('Papers')

    await sourceButton(page, 'monday').click({ button: 'right' })
    const digestMenu = page.getByRole('menu', { name: 'Digest “monday”' })
    await digestMenu.getByRole('menuitem', { name: 'Delete Digest' }).click()
    await expect.poll(() => library.listDigests().length).toBe(0)
    await expect.poll(() => library.trash().digests.length).toBe(1)
    await page.keyboard.press(`${modifier}+z`)
    await expect.poll(() => library.listDigests().length).toBe(1)
    expect(library.stats()).toMatchObject({ papers: 3, starred: 1 })
  })
})

async function inFocus(page: Page): Promise<string> {
  return String(await page.evaluate('document.activeElement.textContent'))
}

describe('undo an import, and the backup settings', () => {
  it('offers Undo Import in the report; Settings shows the last backup and sets the trash days', async () => {
    const dbPath = tempDbPath()
    seed(dbPath, 2, 'Kept digest')
    const file = join(dirname(dbPath), 'mistake.bib')
    writeFileSync(file, '@article{m1,\n  title = {A Mistaken Import},\n  author = {Example, Bo},\n  year = {2024}\n}\n')
    app = await launchApp({ dbPath })
    const { page, library } = app
    await option(page, 1).waitFor()
    app.setChosenFiles([file])
    await page.getByRole('button', { name: 'Import digest...' }).first().click()
    const report = page.getByRole('dialog', { name: 'Import report' })
    await report.getByRole('button', { name: 'Undo Import' }).click()
    await report.getByText('Import undone').waitFor()
    expect(library.listDigests().map((d) => d.title)).toEqual(['Kept digest'])
    expect(library.trash().papers.map((p) => p.title)).toEqual(['A Mistaken Import'])
    await report.getByRole('button', { name: 'Done' }).click()

    mkdirSync(join(dirname(dbPath), 'backups'))
    writeFileSync(join(dirname(dbPath), 'backups', 'dogear-2024-05-02.sqlite'), 'stand-in')
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    const group = settings.getByRole('group', { name: 'Backups and trash' })
    await group.getByText('Last automatic backup').waitFor()
    expect(await group.textContent()).toContain(join(dirname(dbPath), 'backups'))
    await group.getByRole('spinbutton').fill('7')
    await expect.poll(() => library.getSettings().trashPurgeDays).toBe(7)
  })
})

describe.each(['light', 'dark'] as const)('accessibility of the organizing views, %s theme', (colorScheme) => {
  it('has no axe violations with the action bar, a context menu, the tag picker and the trash', async () => {
    const dbPath = tempDbPath()
    seed(dbPath, 6)
    const seeded = openLibrary(dbPath)
    seeded.tagPapers('To read', [1, 2])
    seeded.close()
    app = await launchApp({ dbPath, colorScheme })
    const { page } = app
    const found: Record<string, string> = {}
    const audit = async (view: string) => {
      const violations = await axeViolations(page)
      found[view] = violations.length ? summarize(violations) : 'none'
    }
    await option(page, 1).click()
    await option(page, 3).click({ modifiers: ['Shift'] })
    await page.getByRole('toolbar', { name: 'Selected papers' }).waitFor()
    await audit('action bar and tags')
    await option(page, 2).click({ button: 'right' })
    await page.getByRole('menu').waitFor()
    await audit('context menu')
    await page.keyboard.press('Escape')
    await page.keyboard.press('t')
    await page.getByRole('dialog', { name: 'Tag 3 papers' }).waitFor()
    await audit('tag picker')
    await page.keyboard.press('Escape')
    await page.getByRole('toolbar', { name: 'Selected papers' }).getByRole('button', { name: 'Move to Trash' }).click()
    await sources(page).getByRole('button', { name: 'Trash' }).click()
    await page
      .getByRole('region', { name: 'Trash' })
      .getByRole('button', { name: /^Restore / })
      .first()
      .waitFor()
    await audit('trash')
    expect(found).toEqual({
      'action bar and tags': 'none',
      'context menu': 'none',
      'tag picker': 'none',
      trash: 'none'
    })
  })
})
