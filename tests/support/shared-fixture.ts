// The real Hugging Face digest in ../shared/fixtures, read in place (it is not ours to copy).
// A checkout without ../shared beside it skips the tests that need it; the notice says so once.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')

export const SHARED_FIXTURES = resolve(REPO, '../shared/fixtures')
export const SHARED_DIGEST = resolve(SHARED_FIXTURES, 'hf-papers-transformers.txt')
export const HAS_SHARED_FIXTURES = existsSync(SHARED_DIGEST)
export const SHARED_MISSING_NOTICE = `${SHARED_FIXTURES} is not there: the tests that read the shared Hugging Face digest are skipped.`
