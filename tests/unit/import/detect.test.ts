import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectFormat, rankFormats } from '../../../src/main/import/detect'
import { PARSERS, findParser, formatInfos, parserFor } from '../../../src/main/import/formats'
import { ImportError, type DigestParser, type FormatName } from '../../../src/main/import/types'
import { HAS_SHARED_FIXTURES, SHARED_DIGEST } from '../../support/shared-fixture'

function fake(format: FormatName, extensions: string[], score: (text: string) => number): DigestParser {
  return {
    format,
    label: `${format} label`,
    extensions,
    detect: (text) => score(text),
    parse: () => ({ digest: { title: format, dateFrom: null, dateTo: null }, entries: [], warnings: [] })
  }
}

const bibtex = fake('bibtex', ['.bib'], (text) => (text.startsWith('@') ? 0.95 : 0))
const ris = fake('ris', ['.ris'], (text) => (text.startsWith('TY  -') ? 0.95 : 0))
const lenientA = fake('json-lenient', ['.json'], () => 0.5)
const lenientB = fake('csl-json', ['.csl.json', '.csl'], () => 0.5)

describe('detectFormat', () => {
  it('judges by content, not by the file name', () => {
    expect(detectFormat('@article{k, title={T}}', 'refs.txt', [ris, bibtex])).toBe('bibtex')
    expect(detectFormat('TY  - JOUR\nER  -', 'refs.bib', [bibtex, ris])).toBe('ris')
  })

  it('breaks ties by extension, then by registry order', () => {
    expect(detectFormat('[]', 'items.csl', [lenientA, lenientB])).toBe('csl-json')
    expect(detectFormat('[]', 'items.json', [lenientB, lenientA])).toBe('json-lenient')
    expect(detectFormat('[]', 'items', [lenientB, lenientA])).toBe('csl-json')
  })

  it('treats a detector that throws or answers NaN as "not mine"', () => {
    const broken = fake('feed', ['.xml'], () => {
      throw new Error('boom')
    })
    const nan = fake('markdown', ['.md'], () => Number.NaN)
    expect(detectFormat('@x', 'a.xml', [broken, nan, bibtex])).toBe('bibtex')
    expect(rankFormats('@x', 'a.md', [broken, nan, bibtex]).map((d) => d.score)).toEqual([0.95, 0, 0])
  })

  it('names the formats Dogear reads when it cannot tell', () => {
    let error: unknown
    try {
      detectFormat('just some words', 'notes.txt')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).code).toBe('UNKNOWN_FORMAT')
    expect((error as ImportError).message).toMatch(/^notes\.txt: not a digest format Dogear recognizes/)
    for (const parser of PARSERS) expect((error as ImportError).message).toContain(parser.format)
    expect((error as ImportError).message).toContain('Hugging Face papers page')
  })

  it.skipIf(!HAS_SHARED_FIXTURES)('recognizes the shared Hugging Face fixture even without an extension', () => {
    const text = readFileSync(SHARED_DIGEST, 'utf8')
    expect(detectFormat(text, 'clipboard')).toBe('hf-text')
  })
})

describe('the registry', () => {
  it('has one parser per format, each with a label and extensions', () => {
    const names = PARSERS.map((p) => p.format)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toContain('hf-text')
    for (const info of formatInfos()) {
      expect(info.label.length).toBeGreaterThan(3)
      for (const ext of info.extensions) expect(ext).toMatch(/^\./)
    }
  })

  it('finds parsers by name and refuses unregistered ones', () => {
    expect(parserFor('hf-text').format).toBe('hf-text')
    expect(findParser('no-such-format')).toBeUndefined()
    expect(() => parserFor('no-such-format' as FormatName)).toThrow(
      /no parser is registered for the format "no-such-format"/
    )
  })
})
