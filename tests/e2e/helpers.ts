// Small steps the browser tests share.
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { FIXTURES, SCREENSHOTS, type App } from './app'

export const FIXTURE = join(FIXTURES, 'hf-papers-transformers.txt')
export const FIXTURE_PAPERS = 66

/** A fresh database path in its own temporary folder. */
export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'dogear-e2e-')), 'library.sqlite')
}

export function sources(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Sources' })
}

export function papers(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Papers' })
}

export function reader(page: Page): Locator {
  return page.getByRole('region', { name: 'Reader' })
}

/** A source's button: its name is the source and its count ("Unread 1,204"). */
export function sourceButton(page: Page, name: string): Locator {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return sources(page).getByRole('button', { name: new RegExp(`^${escaped}( [\\d,]+)?$`) })
}

/** The number shown next to a source ("Unread 12"). */
export async function sourceCount(page: Page, name: string): Promise<number> {
  const text = await sourceButton(page, name).locator('.count').textContent()
  return Number(text?.replace(/,/g, ''))
}

/** A list row's title as the reader sees it (the option's accessible name). */
export function optionTitle(option: Locator): Promise<string | null> {
  return option.locator('.paper-row-title-text').textContent()
}

/** Waits until a source shows `expected`; returns quietly, fails with the last value seen. */
export async function expectSourceCount(page: Page, name: string, expected: number): Promise<void> {
  await expect.poll(() => sourceCount(page, name), { timeout: 5000 }).toBe(expected)
}

export async function until(check: () => Promise<boolean> | boolean, what: string, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((done) => setTimeout(done, 50))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

/** Imports the shared Hugging Face fixture through "Import digest..." and closes the report. */
export async function importFixture(app: App): Promise<void> {
  app.setChosenFiles([FIXTURE])
  await app.page.getByRole('button', { name: 'Import digest...' }).first().click()
  const report = app.page.getByRole('dialog', { name: 'Import report' })
  await report.waitFor()
  await report.getByRole('button', { name: 'Done' }).click()
  await report.waitFor({ state: 'detached' })
  await papers(app.page).getByRole('option').first().waitFor()
}

/** The option elements currently rendered in the list, in order, by name. */
export async function selectedTitle(page: Page): Promise<string | null> {
  const selected = papers(page).locator('[role="option"][aria-selected="true"]')
  return (await selected.count()) ? optionTitle(selected) : null
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

/** Evaluates an expression in the page (as text: these tests are typed for Node, not the DOM). */
export async function inPage(page: Page, expression: string): Promise<string> {
  return String(await page.evaluate(expression))
}

/** Drops a file with this text on the window, as dragging it from the desktop would. */
export async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/plain' }))
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }))
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
  })()`)
}
