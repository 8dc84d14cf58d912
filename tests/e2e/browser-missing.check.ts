// Run instead of the browser tests when no Chromium is found (see vitest.config.ts): one
// failure with one line that says how to get a browser, rather than a failure per test.
import { it } from 'vitest'
import { BROWSER_MISSING } from './browser'

it('needs a Chromium to run the browser tests', () => {
  const error = new Error(BROWSER_MISSING)
  // No stack: the line says all there is to say, and a code frame would only bury it.
  error.stack = `Error: ${BROWSER_MISSING}`
  throw error
})
