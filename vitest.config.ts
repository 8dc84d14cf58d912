import { defineConfig } from 'vitest/config'
import { findBrowser } from './tests/e2e/browser.ts'
import { HAS_SHARED_FIXTURES } from './tests/support/shared-fixture.ts'

// Without a browser the e2e project runs one check that fails with one line saying how to get
// one, instead of every browser test failing on its own; the unit tests still run and report.
// Without ../shared beside the checkout, the browser tests (all of which drive the shared
// digest) are skipped with one line.
function e2eFiles(): string[] {
  if (!findBrowser()) return ['tests/e2e/browser-missing.check.ts']
  if (!HAS_SHARED_FIXTURES) return ['tests/e2e/shared-missing.check.ts']
  return ['tests/e2e/**/*.test.ts']
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          globalSetup: ['tests/support/shared-fixture-notice.ts']
        }
      },
      {
        test: {
          // Real processes killed, a disk filled, hostile files: `npm run test:faults` (also in `npm test`).
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          fileParallelism: false
        }
      },
      {
        test: {
          name: 'e2e',
          include: e2eFiles(),
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
})
