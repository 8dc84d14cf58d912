import { describe, expect, it } from 'vitest'
import { arxivEmailParser } from '../../../../src/main/import/formats/arxiv-email'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const fixture = fixtureReader('arxiv-email')

const context = contextAt(new Date('2024-03-16T08:00:00Z'))

describe('arXiv listing e-mail', () => {
  const text = fixture('listing.txt')
  const result = arxivEmailParser.parse(text, context('listing.txt'))

  it('reads the header: list and submission window', () => {
    expect(result.digest).toEqual({ title: 'arXiv cs.CL', dateFrom: '2024-03-14', dateTo: '2024-03-15' })
    expect(result.warnings).toEqual([])
  })

  it('finds every entry of the three sections, and only those', () => {
    expect(result.entries.map((e) => e.arxivId)).toEqual([
      '2403.10001',
      '2403.10002',
      '2403.10003',
      '2403.09876',
      '2310.01234',
      'hep-th/9901001'
    ])
    // The abstract line "arXiv:2301.99999 reported..." is not an entry.
    expect(result.entries.some((e) => e.arxivId === '2301.99999')).toBe(false)
  })

  it('joins wrapped fields, drops affiliations and turns TeX into Unicode', () => {
    const [first, second, third] = result.entries
    expect(first!.title).toBe('Lanterns in the Fog: Calibrated Uncertainty for Tiny Language Models')
    expect(first!.authors).toEqual(['Zofia Kowalczyk', 'Jan Poznański', 'Renée Dubois'])
    expect(second!.authors).toEqual(['K. Müller', 'G. Škoda'])
    expect(second!.title).toBe('Counting Sheep with $\\omega$-Regular Automata')
    // Continuation lines indented with non-breaking spaces, as mail clients copy them.
    expect(third!.title).toBe('Whispering Tokens: A Study of Quiet Prompts')
    expect(third!.authors).toEqual(['Ana Peña', 'Bjørn Holm'])
  })

  it('keeps the whole abstract, math untouched, including a line starting with arXiv:', () => {
    const first = result.entries[0]!
    expect(first.abstract).toBe(
      'We study how small language models can report calibrated confidence. Our method improves expected ' +
        'calibration error by 40% on three invented benchmarks, and runs in $O(n \\log n)$ time. ' +
        'arXiv:2301.99999 reported a weaker bound, which we tighten here.'
    )
    expect(result.entries[1]!.abstract).toBe('A short abstract with a link to our data.')
  })

  it('reads versions, dates, DOI and journal reference', () => {
    const [first, second] = result.entries
    expect(first!.arxivVersion).toBeNull()
    expect(second!.arxivVersion).toBe(2)
    expect(first!.publishedAt).toBe('2024-03-14')
    expect(second!.doi).toBe('10.5555/jil.2024.0012')
    expect(second!.venue).toBe('Journal of Imaginary Linguistics 12 (2024) 1–20')
    expect(first!.doi).toBeNull()
    expect(first!.venue).toBeNull()
    expect(first!.snippet).toBeNull()
  })

  it('collects abs, pdf, DOI and code links, and URLs from abstract and comments', () => {
    const [first, second, third] = result.entries
    expect(first!.links).toEqual([
      { url: 'https://arxiv.org/abs/2403.10001', kind: 'abs' },
      { url: 'https://arxiv.org/pdf/2403.10001', kind: 'pdf' },
      { url: 'https://github.com/example-lab/lanterns', kind: 'code' }
    ])
    expect(second!.links.map((l) => l.url)).toEqual([
      'https://arxiv.org/abs/2403.10002',
      'https://arxiv.org/pdf/2403.10002',
      'https://doi.org/10.5555/jil.2024.0012',
      'https://sheep.example.org/data'
    ])
    expect(second!.links[2]!.kind).toBe('doi')
    expect(third!.links.at(-1)).toEqual({ url: 'https://quiet.example.com/paper', kind: 'other' })
  })

  it('reads replacements without abstract or submission date', () => {
    const replaced = result.entries[4]!
    expect(replaced.title).toBe('An Older Study of Puzzling Parsers')
    expect(replaced.abstract).toBeNull()
    expect(replaced.publishedAt).toBeNull()
    const old = result.entries[5]!
    expect(old.title).toBe('Strings That Talk Back')
    expect(old.links[0]).toEqual({ url: 'https://arxiv.org/abs/hep-th/9901001', kind: 'abs' })
  })

  it('records the line where each entry starts', () => {
    const lines = text.split('\n')
    for (const entry of result.entries) {
      expect(lines[entry.line - 1]).toMatch(/^arXiv:/)
    }
  })

  it('lets the user date the digest', () => {
    const dated = arxivEmailParser.parse(text, context('listing.txt', '2024-03-18'))
    expect(dated.digest.dateFrom).toBe('2024-03-18')
    expect(dated.digest.dateTo).toBe('2024-03-18')
  })

  it('names the list when its new papers span several categories', () => {
    const mixed = text.replace('Categories: cs.CL cs.FL', 'Categories: cs.FL cs.CL')
    expect(arxivEmailParser.parse(mixed, context('x.txt')).digest.title).toBe('arXiv Computation and Language')
  })

  it('warns about malformed entries with line numbers and keeps the rest', () => {
    const broken = arxivEmailParser.parse(fixture('malformed.txt'), context('malformed.txt'))
    expect(broken.digest).toEqual({ title: 'arXiv cs.CL', dateFrom: '2024-03-18', dateTo: '2024-03-19' })
    expect(broken.entries.map((e) => e.title)).toEqual([
      'An Entry With a Broken Identifier',
      'Lost Its Closing Line',
      'Cut Off in the Middle'
    ])
    expect(broken.entries[0]!.arxivId).toBeNull()
    expect(broken.entries[1]!.abstract).toBe('The closing line of this entry is missing.')
    expect(broken.entries[2]!.abstract).toBe('This abstract stops in the mid')
    expect(broken.warnings).toEqual([
      { line: 6, message: 'entry arXiv:2403.20001 has no title; skipped' },
      { line: 16, message: 'unrecognized arXiv id "notanid"' },
      { line: 27, message: 'entry arXiv:2403.20003 is incomplete: it has no closing line' },
      { line: 37, message: 'entry arXiv:2403.20004 is incomplete: the file ends inside it' }
    ])
  })

  it('refuses text without any entry', () => {
    expect(() => arxivEmailParser.parse('Submissions to:\ncs.CL\n', context('empty.txt'))).toThrow(ImportError)
    expect(() => arxivEmailParser.parse('', context('empty.txt'))).toThrow(/empty\.txt: no arXiv listing entries/)
  })

  it('detects listings by content, not by name', () => {
    expect(arxivEmailParser.detect(text, 'whatever.dat')).toBeGreaterThanOrEqual(0.9)
    expect(arxivEmailParser.detect(text.slice(text.indexOf('\\\\')), 'x')).toBeGreaterThanOrEqual(0.9)
    expect(arxivEmailParser.detect('@article{key, title={T}}', 'refs.txt')).toBe(0)
    expect(arxivEmailParser.detect('Just some notes mentioning arXiv:2401.12345.', 'notes.txt')).toBe(0)
  })

  it('handles CRLF line ends', () => {
    const crlf = arxivEmailParser.parse(text.replace(/\n/g, '\r\n'), context('crlf.txt'))
    expect(crlf.entries).toHaveLength(6)
    expect(crlf.entries[0]!.title).toBe(result.entries[0]!.title)
  })

  it('stays fast on a long listing and a huge single line', () => {
    const entry = text.slice(text.indexOf('\\\\\narXiv:2403.10003'), text.indexOf('%-%-%-'))
    const big = 'Submissions to:\ncs.CL\n' + entry.repeat(2000)
    expect(arxivEmailParser.parse(big, context('big.txt')).entries).toHaveLength(2000)
    expect(() => arxivEmailParser.parse('x'.repeat(5_000_000), context('line.txt'))).toThrow(ImportError)
    // No clock here (speed is the benchmark's): a quadratic step would run into the test's timeout.
  })
})
