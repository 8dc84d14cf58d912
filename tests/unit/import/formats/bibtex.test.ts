import { describe, expect, it } from 'vitest'
import { bibtexParser } from '../../../../src/main/import/formats/bibtex'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const fixture = fixtureReader('bibtex')

const context = contextAt(new Date('2024-03-16T08:00:00Z'))

describe('BibTeX', () => {
  const text = fixture('library.bib')
  const result = bibtexParser.parse(text, context('/home/reader/library.bib'))
  const byTitle = (start: string) => result.entries.find((e) => e.title.startsWith(start))!

  it('reads every paper and the proceedings others crossref, not the strings, preamble or comments', () => {
    expect(result.digest).toEqual({ title: 'library', dateFrom: null, dateTo: null })
    expect(result.entries.map((e) => e.title)).toEqual([
      'Lanterns in the Fog: Calibrated Uncertainty for Tiny Language Models',
      'Counting Sheep with $\\omega$-Regular Automata',
      'Whispering Tokens: A Study of Quiet Prompts',
      'Workshop on Pretend Models 2023',
      'Graph Gardens for Sentence Trees',
      'Graph Gardens for Sentence Trees, Revisited',
      'An Older Study of Puzzling Parsers'
    ])
  })

  it('writes names first-name first, with TeX turned into Unicode', () => {
    expect(byTitle('Lanterns').authors).toEqual(['Zofia Kowalczyk', 'Jan Poznański', 'Renée Dubois'])
    expect(byTitle('Counting').authors).toEqual(['G. Škoda', 'Karl Müller'])
    expect(byTitle('Whispering').authors).toEqual(['Ana Peña', 'Bjørn Holm'])
    expect(byTitle('Graph Gardens for Sentence Trees').authors).toEqual([
      'Lior Ben-Ami',
      'Chidi Okafor',
      'Team Imaginary and Friends'
    ])
    expect(byTitle('An Older').authors).toEqual(['Yuki Tanaka Jr'])
  })

  it('expands string macros, month names and # concatenation', () => {
    const lanterns = byTitle('Lanterns')
    expect(lanterns.venue).toBe('Journal of Imaginary Linguistics')
    expect(lanterns.publishedAt).toBe('2024-03-01')
    expect(lanterns.abstract).toBe(
      'We study how small models report calibrated confidence, improving calibration by 40% on $n$ invented tasks.'
    )
  })

  it('inherits from a crossref and keeps commented-out fields out', () => {
    const whisper = byTitle('Whispering')
    expect(whisper.venue).toBe('Workshop on Pretend Models 2023')
    expect(whisper.publishedAt).toBe('2023-11-01')
    expect(whisper.links).toEqual([{ url: 'https://github.com/example-lab/whisper', kind: 'code' }])
  })

  it('finds arXiv ids from eprint, journal references and arXiv DOIs', () => {
    const sheep = byTitle('Counting')
    expect(sheep.arxivId).toBe('2403.10002')
    expect(sheep.arxivVersion).toBe(2)
    expect(sheep.links.map((l) => l.kind)).toEqual(['abs', 'pdf'])
    expect(byTitle('Graph Gardens for Sentence Trees').arxivId).toBe('2201.04321')
    expect(byTitle('Graph Gardens for Sentence Trees').publishedAt).toBe('2022-01-13')
    const revisited = byTitle('Graph Gardens for Sentence Trees, Revisited')
    expect(revisited.arxivId).toBe('2201.05555')
    expect(revisited.doi).toBe('10.48550/arxiv.2201.05555')
    expect(byTitle('An Older').arxivId).toBe('hep-th/9901001')
  })

  it('normalizes DOIs and links them', () => {
    const lanterns = byTitle('Lanterns')
    expect(lanterns.doi).toBe('10.5555/jil.2024.0012')
    expect(lanterns.links).toEqual([{ url: 'https://doi.org/10.5555/jil.2024.0012', kind: 'doi' }])
    expect(lanterns.arxivId).toBeNull()
    expect(lanterns.snippet).toBeNull()
  })

  it("maps JabRef's read status, ranking and priority to hints", () => {
    expect(byTitle('Lanterns').readHint).toBe(true)
    expect(byTitle('Lanterns').starHint).toBe(true)
    expect(byTitle('Counting').starHint).toBe(true)
    expect(byTitle('Counting').readHint).toBeUndefined()
    expect(byTitle('Whispering').starHint).toBeUndefined()
  })

  it('keeps both entries of a repeated key, with a warning', () => {
    expect(result.warnings).toEqual([
      { line: 60, message: 'duplicate key "benami2022gardens" (also at line 53); both entries kept' }
    ])
  })

  it('records the line of each entry', () => {
    const lines = text.split('\n')
    for (const entry of result.entries) expect(lines[entry.line - 1]).toMatch(/^@\w+[{(]/)
  })

  it('skips broken entries with line-numbered warnings and keeps the rest', () => {
    const broken = bibtexParser.parse(fixture('broken.bib'), context('broken.bib'))
    expect(broken.entries.map((e) => e.title)).toEqual([
      'A Good Entry Before the Trouble',
      'A Good Entry After the Trouble',
      'The Last Entry Lost Its Closing Brace'
    ])
    expect(broken.entries[1]!.venue).toBeNull()
    expect(broken.warnings).toEqual([
      { line: 7, message: 'unbalanced braces in field "title" (opened at line 8); entry skipped' },
      { line: 16, message: 'undefined string "undefinedmacro" in field "journal"' },
      { line: 19, message: 'field "title" at line 20 has no "="; entry skipped' },
      { line: 23, message: 'entry "notitle" has no title; skipped' },
      { line: 28, message: 'entry is not closed before the end of the file' }
    ])
  })

  it('accepts parentheses, any case and a missing final closing brace', () => {
    const parsed = bibtexParser.parse(
      '@ARTICLE(k1, TITLE = "Shouting Types", AUTHOR = "Loud, Lee")\n@misc{k2, title={Quiet}',
      context('x.bib')
    )
    expect(parsed.entries.map((e) => [e.title, e.authors])).toEqual([
      ['Shouting Types', ['Lee Loud']],
      ['Quiet', []]
    ])
  })

  it('uses the date the user gives for the digest', () => {
    expect(bibtexParser.parse(text, context('library.bib', '2024-03-20')).digest).toEqual({
      title: 'library',
      dateFrom: '2024-03-20',
      dateTo: '2024-03-20'
    })
  })

  it('refuses files without any usable entry', () => {
    expect(() => bibtexParser.parse('', context('empty.bib'))).toThrow(ImportError)
    expect(() => bibtexParser.parse('@comment{nothing here}', context('c.bib'))).toThrow(
      /c\.bib: no BibTeX entries with a title found/
    )
  })

  it('survives a huge brace run and deep nesting', () => {
    const hostile = '@article{deep, title = ' + '{'.repeat(1_000_000) + '}\n@article{ok, title = {Survivor}}\n'
    const parsed = bibtexParser.parse(hostile, context('deep.bib'))
    expect(parsed.entries.map((e) => e.title)).toEqual(['Survivor'])
    expect(parsed.warnings[0]!.message).toMatch(/unbalanced braces/)
    for (const many of ['@article{x, title = {'.repeat(20_000), '@article{x, title = {\n'.repeat(20_000)]) {
      expect(() => bibtexParser.parse(many, context('many.bib'))).toThrow(ImportError)
    }
    // No clock here (speed is the benchmark's): a quadratic step would run into the test's timeout.
  })

  it('detects BibTeX by content', () => {
    expect(bibtexParser.detect(text, 'export.txt')).toBeGreaterThanOrEqual(0.9)
    expect(bibtexParser.detect('@software{tool,\n  title = {A Tool}\n}', 'x.txt')).toBeGreaterThanOrEqual(0.9)
    expect(bibtexParser.detect('@comment{only a comment}', 'notes.txt')).toBeLessThan(0.5)
    expect(bibtexParser.detect('write to me@example.org', 'notes.txt')).toBe(0)
    expect(bibtexParser.detect('nothing', 'refs.bib')).toBeLessThan(0.5)
  })
})

describe('BibTeX expansion bounds', () => {
  function importError(text: string): ImportError {
    try {
      bibtexParser.parse(text, context('refs.bib'))
    } catch (error) {
      if (error instanceof ImportError) return error
      throw error
    }
    throw new Error('expected an ImportError')
  }

  it('refuses @string macros that each repeat the previous one twice, naming the file and the line', () => {
    let text = `@string{m0 = "${'gravel '.repeat(60)}"}\n`
    for (let level = 1; level <= 24; level++) text += `@string{m${level} = m${level - 1} # m${level - 1}}\n`
    text += '@article{a, title = m24, author = {Ima Inventor}}\n'
    expect(text.length).toBeLessThan(1500)
    const error = importError(text)
    expect(error.code).toBe('TOO_LARGE')
    expect(error.message).toMatch(/^refs\.bib:\d+: the string "m\d+" in field "m\d+" expands to more than 1 MB of text/)
  })

  it('refuses many entries that each copy a large macro, past twice the file plus an allowance', () => {
    const big = 'kettle '.repeat(140_000)
    const entries = Array.from({ length: 60 }, (_, i) => `@article{k${i}, title = {Kettle ${i}}, abstract = big}`)
    const error = importError(`@string{big = "${big}"}\n${entries.join('\n')}\n`)
    expect(error.code).toBe('TOO_LARGE')
    expect(error.message).toMatch(/expand to far more text than the file holds/)
  })

  it('still reads macros and crossrefs of ordinary size', () => {
    const result = bibtexParser.parse(
      '@string{conf = "Proceedings of the " # "Kettle Workshop"}\n' +
        '@proceedings{kw, title = conf, year = 2024}\n' +
        '@inproceedings{p, title = {Humming at Scale}, crossref = {kw}}\n',
      context('refs.bib')
    )
    expect(result.entries.map((entry) => entry.title)).toEqual([
      'Proceedings of the Kettle Workshop',
      'Humming at Scale'
    ])
    expect(result.entries[1]!.venue).toBe('Proceedings of the Kettle Workshop')
  })
})

describe('BibTeX keywords, groups and crossref targets', () => {
  const result = bibtexParser.parse(fixture('keywords-groups.bib'), context('keywords-groups.bib'))
  const byTitle = (start: string) => result.entries.find((e) => e.title.startsWith(start))!

  it('lists the collection that chapters crossref as a paper of its own, after them in file order', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      'Boiling Points of Imaginary Kettles',
      'Steam Signals in Quiet Rooms',
      'The Whistle Detector',
      'A Field Guide to Household Physics'
    ])
    expect(byTitle('Boiling').venue).toBe('A Field Guide to Household Physics')
    expect(byTitle('Steam').publishedAt).toBe('2025-01-01')
    expect(byTitle('A Field Guide').authors).toEqual([])
  })

  it('keeps keywords as subjects, split at commas and semicolons outside braces', () => {
    expect(byTitle('Boiling').subjects).toEqual(['thermodynamics', 'kitchen science', 'Kettles, Teapots and Urns'])
    expect(byTitle('The Whistle').subjects).toEqual(['cs.SD', 'audio events'])
    // A chapter does not take its book's keywords: they describe the book.
    expect(byTitle('Steam').subjects).toEqual(['acoustics'])
    expect(byTitle('A Field Guide').subjects).toEqual(['edited volume'])
  })

  it('reads JabRef groups apart from keywords (they become tags only on request)', () => {
    expect(byTitle('Boiling').groups).toEqual(['To read', 'Kitchen'])
    expect(byTitle('Steam').groups).toBeUndefined()
  })

  it('gives the same papers as a stream of batches as in one parse', () => {
    const stream = bibtexParser.stream!(fixture('keywords-groups.bib'), context('keywords-groups.bib'))
    const streamed = [...stream.batches].flat()
    expect(streamed).toEqual(result.entries)
    expect(stream.result().warnings).toEqual(result.warnings)
  })
})
