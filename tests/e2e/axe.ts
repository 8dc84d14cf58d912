// axe-core in the page under test: its source is evaluated in the page (no network, and the
// app's Content-Security-Policy does not apply to what the test harness evaluates).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  /** Selector and axe's failure summary for each offending element. */
  nodes: string[]
}

/** Runs axe on the whole page as it is now; answers every violation (WCAG 2.x A and AA, and best practice). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"')
  if (!loaded) await page.evaluate(AXE_SOURCE)
  const json = await page.evaluate(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations']
    })
    return JSON.stringify(result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
    })))
  })()`)
  return JSON.parse(String(json)) as AxeViolation[]
}

/** "color-contrast x3, label-content-name-mismatch x13", or "none". */
export function summarize(violations: AxeViolation[]): string {
  return violations.length ? violations.map((v) => `${v.id} x${v.nodes.length}`).join(', ') : 'none'
}
