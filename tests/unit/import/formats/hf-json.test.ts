import { describe, expect, it } from 'vitest'
import { hfJsonParser } from '../../../../src/main/import/formats/hf-json'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const read = fixtureReader('hf-json')
const context = contextAt(new Date(2024, 5, 1))
const parse = (name: string) => hfJsonParser.parse(read(name), context(name))

describe('hf-json detect', () => {
  it('is sure of daily papers rows, pretty or minified', () => {
    expect(hfJsonParser.detect(read('daily.json'), 'daily.json')).toBeGreaterThanOrEqual(0.9)
    expect(hfJsonParser.detect(read('minified.json'), 'download')).toBeGreaterThanOrEqual(0.9)
  })

  it('does not claim other JSON', () => {
    expect(hfJsonParser.detect('[{"title": "A paper", "paper_url": "https://x.org"}]', 'papers.json')).toBeLessThan(0.1)
    expect(hfJsonParser.detect('{"paper": {"id": "1"}}', 'x.txt')).toBe(0)
  })
})

describe('daily papers rows', () => {
  const result = parse('daily.json')

  it('is one digest spanning the days the rows were listed', () => {
    expect(result.digest).toEqual({ title: 'Hugging Face Daily Papers', dateFrom: '2024-03-15', dateTo: '2024-03-16' })
  })

  it('reads each titled row, preferring the paper fields over the row copies', () => {
    expect(result.entries.map((entry) => entry.title)).toEqual([
      'Teaching Language Models to Whistle',
      'A Row Whose Paper Lacks a Title',
      'Hidden Javascript in a Project Page'
    ])
    expect(result.entries[0]!.abstract).toBe(
      'We teach language models to whistle by interpolating kettle sounds.\n\nA second paragraph about pitch.'
    )
    expect(result.entries[0]!.publishedAt).toBe('2024-03-14')
  })

  it('falls back to the row when the paper lacks a field', () => {
    expect(result.entries[1]).toMatchObject({
      abstract: 'The row carries the title and summary.',
      authors: ['Single String Author'],
      publishedAt: '2024-03-13',
      arxivId: '2403.09001'
    })
  })

  it('keeps hidden authors, and the AI summary as a snippet rather than the abstract', () => {
    expect(result.entries[0]).toMatchObject({
      authors: ['Priya Lindqvist', 'Jonah Abernathy-Cho', 'Wren Okoro'],
      snippet: 'Language models learn to whistle from kettles.',
      arxivId: '2403.09876',
      arxivVersion: null,
      doi: null,
      venue: null,
      line: 2
    })
  })

  it('links the arXiv abstract, the paper page, the code and the project page', () => {
    expect(result.entries[0]!.links).toEqual([
      { url: 'https://arxiv.org/abs/2403.09876', kind: 'abs' },
      { url: 'https://huggingface.co/papers/2403.09876', kind: 'abs' },
      { url: 'https://github.com/kettle-lab/whistle-lm', kind: 'code' },
      { url: 'https://whistle.example.io', kind: 'project' }
    ])
  })

  it('drops links that are not http(s)', () => {
    expect(result.entries[2]!.links.map((link) => link.kind)).toEqual(['abs', 'abs'])
  })

  it('warns, with lines, about rows without a title and rows that are not objects', () => {
    expect(result.warnings).toEqual([
      { line: 40, message: 'skipped row 3: no title' },
      { line: 44, message: 'skipped row 4: not an object' }
    ])
    expect(result.entries.map((entry) => entry.line)).toEqual([2, 27, 45])
  })

  it('lets the user date the digest', () => {
    const overridden = hfJsonParser.parse(read('daily.json'), context('daily.json', '2024-04-01'))
    expect(overridden.digest).toMatchObject({ dateFrom: '2024-04-01', dateTo: '2024-04-01' })
  })
})

describe('minified daily papers', () => {
  it('reads rows on one line, with the list day inside the paper and versioned ids', () => {
    const result = parse('minified.json')
    expect(result.digest).toMatchObject({ dateFrom: '2024-05-21', dateTo: '2024-05-21' })
    expect(result.entries.map((entry) => [entry.title, entry.arxivId, entry.arxivVersion, entry.line])).toEqual([
      ['One-Line JSON for Busy Readers', '2405.11111', null, 1],
      ['Second Minified Paper', '2405.22222', 2, 1]
    ])
    expect(result.entries[0]!.authors).toEqual(['Mina Sørensen'])
  })

  it('reads a 10 MB single line', () => {
    const row = (i: number): string =>
      JSON.stringify({
        paper: {
          id: `2405.${String(i).padStart(5, '0')}`,
          title: `Invented paper ${i}`,
          summary: 'An invented abstract. '.repeat(30),
          authors: [{ name: 'Ann Bee' }, { name: 'Cee Dee', hidden: true }],
          publishedAt: '2024-05-20T00:00:00.000Z',
          githubRepo: `https://github.com/invented/repo-${i}`
        },
        submittedOnDailyAt: '2024-05-21T00:00:00.000Z'
      })
    const rows: string[] = []
    let size = 0
    for (let i = 0; size < 10_000_000; i++) size += rows[rows.push(row(i)) - 1]!.length
    const text = `[${rows.join(',')}]`
    const result = hfJsonParser.parse(text, context('big.json'))
    // No clock here (speed is the benchmark's): a quadratic step would run into the test's timeout.
    expect(result.entries).toHaveLength(rows.length)
  })
})

describe('bad daily papers files', () => {
  it('names the line of a syntax error', () => {
    const broken = '[\n  {"paper": {"id": "2401.00001", "title": "Cut"}},\n  {"paper": {"id": \n'
    expect(() => hfJsonParser.parse(broken, context('cut.json'))).toThrow(ImportError)
    try {
      hfJsonParser.parse('[\n  {"paper": {"id": "1"}},\n  {"paper": ]\n]', context('bad.json'))
    } catch (error) {
      expect(error).toMatchObject({ code: 'MALFORMED', file: 'bad.json', line: 3 })
      expect(String((error as Error).message)).toMatch(/^bad\.json:3: not valid JSON/)
    }
    expect.assertions(3)
  })

  it('refuses JSON nested deeper than 256 levels without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    expect(() => hfJsonParser.parse(deep, context('deep.json'))).toThrow(
      'deep.json:1: JSON nested deeper than 256 levels'
    )
    // Brackets inside strings do not count.
    expect(() => hfJsonParser.parse(`[${JSON.stringify('['.repeat(1000))}]`, context('s.json'))).not.toThrow()
    expect(() =>
      hfJsonParser.parse(`[${JSON.stringify('\\"\\\\' + '['.repeat(1000))}]`, context('e.json'))
    ).not.toThrow()
  })

  it('refuses JSON that is not an array of rows', () => {
    expect(() => hfJsonParser.parse('{"paper": {}}', context('obj.json'))).toThrow(
      'obj.json: expected a JSON array of daily papers rows'
    )
  })

  it('gives no entries for an empty list', () => {
    expect(hfJsonParser.parse('[]', context('empty.json')).entries).toEqual([])
  })
})
