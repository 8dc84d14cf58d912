import { describe, expect, it } from 'vitest'
import { risParser } from '../../../../src/main/import/formats/ris'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const fixture = fixtureReader('ris')

const context = contextAt(new Date('2024-03-16T08:00:00Z'))

describe('RIS', () => {
  const text = fixture('references.ris')
  const result = risParser.parse(text, context('references.ris'))
  const [lanterns, sheep, whisper, unfinished] = result.entries

  it('reads every record with a title, each starting at its TY line', () => {
    expect(result.digest).toEqual({ title: 'references', dateFrom: null, dateTo: null })
    expect(result.entries.map((e) => [e.title, e.line])).toEqual([
      ['Lanterns in the Fog: Calibrated Uncertainty for Tiny Language Models', 1],
      ['Counting Sheep with Regular Automata', 22],
      ['Whispering Tokens', 30],
      ['Unfinished Report on Endless Records', 44]
    ])
  })

  it('warns about a record without title and an unterminated last record', () => {
    expect(result.warnings).toEqual([
      { line: 39, message: 'record has no title; skipped' },
      { line: 44, message: 'the file ends inside this record (no "ER  -" line)' }
    ])
  })

  it('collects repeated AU and A1 authors, first name first', () => {
    expect(lanterns!.authors).toEqual(['Zofia Kowalczyk', 'Jan Poznański', 'Renée Dubois'])
    expect(whisper!.authors).toEqual(['Ana Peña', 'Bjørn Holm'])
    expect(unfinished!.authors).toEqual(['Yuki Tanaka Jr.'])
  })

  it('joins an abstract continued on untagged lines, and reads N2', () => {
    expect(lanterns!.abstract).toBe(
      'We study how small models report calibrated confidence. Our method improves calibration on three ' +
        'invented benchmarks and is released at https://github.com/example-lab/lanterns.'
    )
    expect(whisper!.abstract).toBe('Prompts that whisper are studied.')
    expect(sheep!.abstract).toBeNull()
  })

  it('reads DOI, venue, dates and links', () => {
    expect(lanterns!.doi).toBe('10.5555/jil.2024.0012')
    expect(lanterns!.venue).toBe('Journal of Imaginary Linguistics')
    expect(lanterns!.publishedAt).toBe('2024-03-12')
    expect(lanterns!.links).toEqual([
      { url: 'https://doi.org/10.5555/jil.2024.0012', kind: 'doi' },
      { url: 'https://imaginary-linguistics.example.org/articles/12/1', kind: 'other' },
      { url: 'https://data.example.org/lanterns.zip', kind: 'other' }
    ])
    expect(sheep!.publishedAt).toBe('2024-01-01')
    expect(whisper!.publishedAt).toBe('2023-11-01')
    expect(whisper!.venue).toBe('Workshop on Pretend Models')
    expect(unfinished!.publishedAt).toBe('1999-01-01')
  })

  it('finds the arXiv id in an arxiv.org link', () => {
    expect(sheep!.arxivId).toBe('2403.10002')
    expect(sheep!.arxivVersion).toBe(2)
    expect(sheep!.doi).toBe('10.48550/arxiv.2403.10002')
    expect(sheep!.links.map((l) => l.kind)).toEqual(['abs', 'pdf', 'doi'])
    expect(lanterns!.arxivId).toBeNull()
  })

  it('reads a file with a byte order mark and CRLF line ends', () => {
    const parsed = risParser.parse(fixture('bom-crlf.ris'), context('bom-crlf.ris', '2024-03-01'))
    expect(parsed.entries.map((e) => [e.title, e.authors])).toEqual([['A Title After a Byte Order Mark', ['Bea Mark']]])
    expect(parsed.warnings).toEqual([])
    expect(parsed.digest.dateFrom).toBe('2024-03-01')
  })

  it('refuses text without any record', () => {
    expect(() => risParser.parse('', context('empty.ris'))).toThrow(ImportError)
    expect(() => risParser.parse('TY  - JOUR\nER  - \n', context('blank.ris'))).toThrow(
      /blank\.ris: no RIS records with a title found/
    )
  })

  it('detects RIS by content', () => {
    expect(risParser.detect(text, 'export.txt')).toBeGreaterThanOrEqual(0.9)
    expect(risParser.detect('@article{k, title={T}}', 'refs.bib')).toBe(0)
    expect(risParser.detect('plain notes', 'refs.ris')).toBeLessThan(0.5)
  })

  it('stays fast on many records and a long line', () => {
    expect(risParser.parse(text.repeat(1000), context('big.ris')).entries).toHaveLength(4000)
    expect(() => risParser.parse('A'.repeat(5_000_000), context('line.ris'))).toThrow(ImportError)
    // No clock here (speed is the benchmark's): a quadratic step would run into the test's timeout.
  })
})

describe('RIS keywords', () => {
  it('keeps every KW line as a subject, a line holding several split at semicolons', () => {
    const text = [
      'TY  - JOUR',
      'TI  - Echoes in the Pantry',
      'AU  - Adeyemi, Kola',
      'KW  - room acoustics',
      'KW  - pantries; shelving',
      'KW  - ',
      'ER  - ',
      'TY  - JOUR',
      'TI  - Quiet Shelves',
      'ER  - ',
      ''
    ].join('\n')
    const [echoes, quiet] = risParser.parse(text, context('pantry.ris')).entries
    expect(echoes!.subjects).toEqual(['room acoustics', 'pantries', 'shelving'])
    expect(quiet!.subjects).toBeUndefined()
  })
})
