// Every fixture is recognized as the format of its folder, by content and name together,
// so adding a parser cannot quietly steal another format's files.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../src/main/import/detect'
import { decodeBytes } from '../../../src/main/import/decode'

const ROOT = resolve(__dirname, '../../fixtures/formats')
// Files made to be refused: they hold no digest at all.
const NOT_DIGESTS = new Set(['feed/not-a-feed.xml', 'json-lenient/no-papers.json', 'scholar-alert/empty-alert.html'])

const cases = readdirSync(ROOT).flatMap((format) =>
  readdirSync(join(ROOT, format)).map((file) => ({ format, file, key: `${format}/${file}` }))
)

describe('format detection over every fixture', () => {
  it.each(cases.filter((c) => !NOT_DIGESTS.has(c.key)))('$key is read as $format', ({ format, file }) => {
    const { text } = decodeBytes(readFileSync(join(ROOT, format, file)), file)
    expect(detectFormat(text, file)).toBe(format)
  })

  it.each(cases.filter((c) => NOT_DIGESTS.has(c.key)))(
    '$key is refused with the list of formats',
    ({ format, file }) => {
      const { text } = decodeBytes(readFileSync(join(ROOT, format, file)), file)
      expect(() => detectFormat(text, file)).toThrow(/not a digest format Dogear recognizes.*bibtex/s)
    }
  )
})
