// Run instead of the browser tests when ../shared/fixtures is not beside the checkout (see
// vitest.config.ts): every browser test drives the shared digest, so they are skipped, saying why.
import { it } from 'vitest'
import { SHARED_MISSING_NOTICE } from '../support/shared-fixture'

it.skip(SHARED_MISSING_NOTICE, () => {})
