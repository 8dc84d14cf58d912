import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { wosParser } from '../../../../src/main/import/formats/wos'
import { risParser } from '../../../../src/main/import/formats/ris'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt } from './fixtures'

const text = readFileSync(resolve(__dirname, '../../../fixtures/formats/wos/savedrecs.txt'), 'utf8')

const context = contextAt(new Date('2024-03-16T08:00:00Z'))

describe('Web of Science plain text', () => {
  const result = wosParser.parse(text, context('savedrecs.txt'))
  const [lanterns, sheep, whisper] = result.entries

  it('reads the records between PT and ER, skipping one without title', () => {
    expect(result.digest).toEqual({ title: 'savedrecs', dateFrom: null, dateTo: null })
    expect(result.entries.map((e) => [e.title, e.line])).toEqual([
      ['Lanterns in the Fog: Calibrated Uncertainty for Tiny Language Models', 3],
      ['COUNTING SHEEP WITH REGULAR AUTOMATA', 24],
      ['Whispering Tokens', 32]
    ])
    expect(result.warnings).toEqual([{ line: 39, message: 'record has no title; skipped' }])
  })

  it('prefers full author names and treats continued AF lines as further authors', () => {
    expect(lanterns!.authors).toEqual(['Zofia Kowalczyk', 'Jan Poznanski'])
    expect(sheep!.authors).toEqual(['G Skoda'])
  })

  it('joins wrapped titles and abstracts', () => {
    expect(lanterns!.abstract).toBe(
      'We study how small models report calibrated confidence. Our method improves calibration on three invented benchmarks.'
    )
    expect(sheep!.abstract).toBeNull()
  })

  it('reads DOI, source and publication dates', () => {
    expect(lanterns!.doi).toBe('10.5555/jil.2024.0012')
    expect(lanterns!.links).toEqual([{ url: 'https://doi.org/10.5555/jil.2024.0012', kind: 'doi' }])
    expect(lanterns!.venue).toBe('JOURNAL OF IMAGINARY LINGUISTICS')
    expect(lanterns!.publishedAt).toBe('2024-03-12')
    expect(sheep!.publishedAt).toBe('1998-01-01')
    expect(whisper!.publishedAt).toBe('2023-11-01')
  })

  it('warns about a record cut off at the end of the file', () => {
    const cut = wosParser.parse(text.slice(0, text.indexOf('PY 2024')), context('cut.txt'))
    expect(cut.entries).toHaveLength(1)
    expect(cut.warnings).toEqual([{ line: 3, message: 'the file ends inside this record (no "ER" line)' }])
  })

  it('refuses text without records', () => {
    expect(() => wosParser.parse('FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n', context('none.txt'))).toThrow(
      ImportError
    )
  })

  it('is told apart from RIS by content', () => {
    expect(wosParser.detect(text, 'export.txt')).toBeGreaterThanOrEqual(0.9)
    expect(risParser.detect(text, 'export.txt')).toBe(0)
    expect(wosParser.detect('TY  - JOUR\nTI  - X\nER  - \n', 'x.ris')).toBe(0)
    expect(wosParser.detect('Some notes.\nPT is short for part-time.', 'notes.txt')).toBe(0)
  })
})
