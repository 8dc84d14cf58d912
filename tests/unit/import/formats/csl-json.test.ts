import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cslJsonParser } from '../../../../src/main/import/formats/csl-json'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt } from './fixtures'

const text = readFileSync(resolve(__dirname, '../../../fixtures/formats/csl-json/items.json'), 'utf8')

const context = contextAt(new Date('2024-03-16T08:00:00Z'))

function errorOf(run: () => unknown): ImportError {
  try {
    run()
  } catch (error) {
    if (error instanceof ImportError) return error
    throw error
  }
  throw new Error('expected an ImportError')
}

describe('CSL-JSON', () => {
  const result = cslJsonParser.parse(text, context('my-items.csl.json'))
  const [lanterns, sheep, whisper] = result.entries

  it('reads each item with a title, at the line where it starts', () => {
    expect(result.digest).toEqual({ title: 'my-items', dateFrom: null, dateTo: null })
    expect(result.entries.map((e) => [e.title, e.line])).toEqual([
      ['Lanterns in the Fog: Calibrated Uncertainty for Tiny Language Models', 2],
      ['Counting Sheep with Regular Automata', 17],
      ['Whispering Tokens', 27]
    ])
    expect(result.warnings).toEqual([
      { line: 38, message: 'item 4 ("untitled") has no title; skipped' },
      { line: 44, message: 'item 5 is not an object; skipped' }
    ])
  })

  it('writes names from family/given parts or literals', () => {
    expect(lanterns!.authors).toEqual(['Zofia Kowalczyk', 'Jan Poznański', 'Anna van den Berg'])
    expect(sheep!.authors).toEqual(['The Imaginary Automata Collective'])
    expect(whisper!.authors).toEqual(['Ana Peña', 'Bjørn Holm'])
  })

  it('reads dates from numeric or string date parts and raw dates', () => {
    expect(lanterns!.publishedAt).toBe('2024-03-12')
    expect(sheep!.publishedAt).toBe('2024-03-01')
    expect(whisper!.publishedAt).toBe('2023-11-05')
  })

  it('keeps abstracts as plain text, and reads DOI, venue and links', () => {
    expect(lanterns!.abstract).toBe(
      'We study how small models report calibrated confidence; code at https://github.com/example-lab/lanterns.'
    )
    expect(lanterns!.doi).toBe('10.5555/jil.2024.0012')
    expect(lanterns!.venue).toBe('Journal of Imaginary Linguistics')
    expect(lanterns!.links).toEqual([
      { url: 'https://doi.org/10.5555/jil.2024.0012', kind: 'doi' },
      { url: 'https://imaginary-linguistics.example.org/articles/12/1', kind: 'other' }
    ])
    expect(whisper!.venue).toBe('Workshop on Pretend Models')
    expect(whisper!.abstract).toBeNull()
    expect(whisper!.links).toEqual([])
  })

  it('finds arXiv ids in arXiv URLs', () => {
    expect(sheep!.arxivId).toBe('2403.10002')
    expect(sheep!.arxivVersion).toBe(2)
    expect(sheep!.links.map((l) => l.url)).toEqual([
      'https://arxiv.org/abs/2403.10002',
      'https://arxiv.org/pdf/2403.10002'
    ])
    expect(lanterns!.arxivId).toBeNull()
  })

  it('reads minified files and wrapped item lists', () => {
    const items = JSON.parse(text) as unknown[]
    const minified = cslJsonParser.parse(JSON.stringify(items), context('min.json'))
    expect(minified.entries.map((e) => e.line)).toEqual([1, 1, 1])
    const wrapped = cslJsonParser.parse(JSON.stringify({ items: items.slice(0, 2) }, null, 1), context('w.json'))
    expect(wrapped.entries.map((e) => e.title)).toEqual([lanterns!.title, sheep!.title])
  })

  it('turns hostile or broken JSON into clear errors', () => {
    const deep = errorOf(() => cslJsonParser.parse('['.repeat(100_000) + ']'.repeat(100_000), context('deep.json')))
    expect(deep.code).toBe('MALFORMED')
    expect(deep.message).toMatch(/^deep\.json:1: JSON nested deeper than/)
    const broken = errorOf(() => cslJsonParser.parse('[\n{"title": "A",\n"author": [}\n]', context('broken.json')))
    expect(broken.code).toBe('MALFORMED')
    expect(broken.message).toMatch(/^broken\.json:\d+: not valid JSON/)
    expect(errorOf(() => cslJsonParser.parse('{"kind": "not citations"}', context('o.json'))).code).toBe('MALFORMED')
    expect(errorOf(() => cslJsonParser.parse('[]', context('none.json'))).code).toBe('NO_PAPERS')
  })

  it('detects CSL-JSON only on CSL-shaped content', () => {
    expect(cslJsonParser.detect(text, 'export.json')).toBeGreaterThanOrEqual(0.9)
    const huggingFace = '[{"paper": {"id": "2403.10002", "title": "T", "summary": "S", "authors": [{"name": "A"}]}}]'
    expect(cslJsonParser.detect(huggingFace, 'daily.json')).toBe(0)
    expect(cslJsonParser.detect('@article{k, title={T}}', 'refs.bib')).toBe(0)
  })
})

describe('CSL-JSON keywords', () => {
  it('keeps the keyword string as subjects, split at commas and semicolons', () => {
    const items = [
      { type: 'article', title: 'Echoes in the Pantry', keyword: 'room acoustics, pantries;  shelving' },
      { type: 'article', title: 'Quiet Shelves' }
    ]
    const [echoes, quiet] = cslJsonParser.parse(JSON.stringify(items), context('pantry.json')).entries
    expect(echoes!.subjects).toEqual(['room acoustics', 'pantries', 'shelving'])
    expect(quiet!.subjects).toBeUndefined()
  })
})
