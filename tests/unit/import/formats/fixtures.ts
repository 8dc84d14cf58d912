// What the format tests share: reading their fixtures, and the context a parser is given.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ParseContext } from '../../../../src/main/import/types'

const FORMAT_FIXTURES = resolve(__dirname, '../../../fixtures/formats')

/** Reads fixtures by name from tests/fixtures/formats/`folder` (all of formats/ without one). */
export function fixtureReader(folder = ''): (name: string) => string {
  return (name) => readFileSync(resolve(FORMAT_FIXTURES, folder, name), 'utf8')
}

/** Parse contexts for files saved at `fileModifiedAt`, with the user's `--date` when given. */
export function contextAt(fileModifiedAt: Date): (fileName: string, dateOverride?: string | null) => ParseContext {
  return (fileName, dateOverride = null) => ({ fileName, fileModifiedAt, dateOverride })
}
