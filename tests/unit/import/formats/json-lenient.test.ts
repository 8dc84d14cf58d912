import { describe, expect, it } from 'vitest'
import { hfJsonParser } from '../../../../src/main/import/formats/hf-json'
import { jsonLenientParser } from '../../../../src/main/import/formats/json-lenient'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const read = fixtureReader()
const context = contextAt(new Date(2024, 5, 30))
const parse = (name: string) => jsonLenientParser.parse(read(name), context(name))

describe('json-lenient detect', () => {
  it('makes a low guess for JSON with title-like keys, below the specific JSON formats', () => {
    const scraped = read('json-lenient/scraper-flat.json')
    expect(jsonLenientParser.detect(scraped, 'papers.json')).toBeGreaterThan(0)
    expect(jsonLenientParser.detect(scraped, 'papers.json')).toBeLessThan(0.5)
    const daily = read('hf-json/daily.json')
    expect(jsonLenientParser.detect(daily, 'daily.json')).toBeLessThan(hfJsonParser.detect(daily, 'daily.json'))
  })

  it('does not claim text that is not JSON', () => {
    expect(jsonLenientParser.detect('title: not json', 'notes.md')).toBe(0)
  })
})

describe('a flat scraper list', () => {
  const result = parse('json-lenient/scraper-flat.json')

  it('reads titles under any title-like key and skips, with a warning, a row without one', () => {
    expect(result.entries.map((entry) => entry.title)).toEqual([
      'Origami Networks Fold Their Own Weights',
      'Lists of Authors Are Lists Too',
      'Sanitizing Scraped Abstracts'
    ])
    expect(result.warnings).toEqual([{ line: 20, message: 'skipped item 3: no title' }])
    expect(result.entries.map((entry) => entry.line)).toEqual([2, 13, 25])
  })

  it('reads abstracts from nested details, authors from strings or lists, and code links', () => {
    expect(result.entries[0]).toMatchObject({
      authors: ['Ingrid Vasquez-Holm', 'Theo Mbatha', 'Rosa Lindgren'],
      abstract: 'We let a network fold its weight matrices like paper. It saves memory.',
      arxivId: '2406.10001',
      publishedAt: '2024-06-10',
      links: [
        { url: 'https://arxiv.org/abs/2406.10001', kind: 'abs' },
        { url: 'https://github.com/origami-ml/fold-weights', kind: 'code' }
      ]
    })
    expect(result.entries[1]).toMatchObject({ authors: ['Kofi Adjei', 'Mei-Ling Ström'], arxivId: '2406.10002' })
  })

  it('dates the digest by the scrape days', () => {
    expect(result.digest).toEqual({ title: 'scraper-flat', dateFrom: '2024-06-12', dateTo: '2024-06-13' })
  })

  it('turns scraped HTML into plain text and drops javascript: links', () => {
    const sanitized = result.entries[2]!
    expect(sanitized.abstract).toBe('Clean text only.\n\nclick')
    expect(sanitized.links).toEqual([
      { url: 'https://papers.example.org/sanitize', kind: 'other' },
      { url: 'https://gitlab.com/clean/scrape', kind: 'code' }
    ])
    expect(JSON.stringify(sanitized)).not.toMatch(/<|javascript:|cookie/)
  })
})

describe('papers wrapped in an object', () => {
  const result = parse('json-lenient/wrapped-papers.json')

  it('finds the papers array, not a larger list of tags, and names the digest after the wrapper', () => {
    expect(result.entries.map((entry) => entry.title)).toEqual(['Sundials for Neural Clocks', 'Crossref Knows Best'])
    expect(result.digest).toEqual({
      title: 'Weekly Picks from the Reading Group',
      dateFrom: '2024-06-07',
      dateTo: '2024-06-07'
    })
  })

  it('reads camelCase keys, given/family and literal authors, written-out dates, DOIs and venues', () => {
    expect(result.entries[0]).toMatchObject({
      authors: ['Aiko Marchetti', 'Samuel Oyelaran-Brooks'],
      arxivId: '2406.01234',
      arxivVersion: 2,
      publishedAt: '2024-06-03',
      venue: 'Workshop on Imaginary Timekeeping',
      links: [
        { url: 'https://arxiv.org/pdf/2406.01234v2', kind: 'pdf' },
        { url: 'https://sundials.example.dev', kind: 'project' }
      ],
      line: 7
    })
    expect(result.entries[1]).toMatchObject({
      authors: ['The Consortium of Invented Names'],
      doi: '10.8888/ckb.2024.9',
      abstract: null,
      snippet: null,
      line: 19
    })
  })
})

describe('papers deep in a data object', () => {
  it('accepts objects named rather than titled, but not a list of people', () => {
    const result = parse('json-lenient/nested-data.json')
    expect(result.entries.map((entry) => [entry.title, entry.arxivId, entry.line])).toEqual([
      ['Named Rather Than Titled', '2406.20001', 10],
      ['A Second Named Paper', null, 16]
    ])
    expect(result.entries[1]!.authors).toEqual(['Brandt, Lotte'])
    expect(result.digest).toMatchObject({ dateFrom: null, dateTo: null })
  })
})

describe('JSON without papers', () => {
  it('says no list of papers was found', () => {
    expect(() => parse('json-lenient/no-papers.json')).toThrow(ImportError)
    expect(() => parse('json-lenient/no-papers.json')).toThrow(
      'no-papers.json: no list of papers found: expected an array of objects with a title'
    )
  })

  it('reports a syntax error with its line and refuses hostile nesting', () => {
    expect(() => jsonLenientParser.parse('{\n "papers": [\n {"title": "x",}\n ]\n}', context('bad.json'))).toThrow(
      /^bad\.json:3: not valid JSON/
    )
    expect(() => jsonLenientParser.parse('{"a":'.repeat(50_000), context('deep.json'))).toThrow(
      'deep.json:1: JSON nested deeper than 256 levels'
    )
  })

  it('counts lines from the last of two repeated keys, as JSON.parse keeps that one', () => {
    const text =
      '{\n"papers": [\n{"title": "dropped"}\n],\n"papers": [\n{"title": "kept"},\n{"title": "also kept"}\n]\n}'
    const result = jsonLenientParser.parse(text, context('twice.json'))
    expect(result.entries.map((entry) => [entry.title, entry.line])).toEqual([
      ['kept', 6],
      ['also kept', 7]
    ])
  })

  it('reads a 10 MB single line', () => {
    const row = (i: number): string =>
      JSON.stringify({
        title: `Invented paper ${i}`,
        paper_url: `https://arxiv.org/abs/2406.${String(i).padStart(5, '0')}`,
        authors: 'Ann Bee, Cee Dee and Eff Gee',
        details: { abstract: 'An invented abstract. '.repeat(30) },
        github_links: [`https://github.com/invented/repo-${i}`],
        scraped_date: '2024-06-12'
      })
    const rows: string[] = []
    let size = 0
    for (let i = 0; size < 10_000_000; i++) size += rows[rows.push(row(i)) - 1]!.length
    const text = `{"papers":[${rows.join(',')}]}`
    const result = jsonLenientParser.parse(text, context('big.json'))
    // No clock here (speed is the benchmark's): a quadratic step would run into the test's timeout.
    expect(result.entries).toHaveLength(rows.length)
  })
})
