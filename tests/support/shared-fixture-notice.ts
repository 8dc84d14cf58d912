// Vitest global setup: says once, before the unit tests run, when the shared fixtures are missing.
import { HAS_SHARED_FIXTURES, SHARED_MISSING_NOTICE } from './shared-fixture'

export default function sharedFixtureNotice(): void {
  if (!HAS_SHARED_FIXTURES) console.warn(SHARED_MISSING_NOTICE)
}
