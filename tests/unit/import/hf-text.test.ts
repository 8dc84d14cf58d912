import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  detectHuggingFacePapersText,
  looksLikeNameList,
  parseHuggingFacePapersText,
  unwrapLines
} from '../../../src/main/import/formats/hf-text'
import { HAS_SHARED_FIXTURES, SHARED_FIXTURES } from '../../support/shared-fixture'
import type { ParseContext, ParseResult } from '../../../src/main/import/types'

const sharedFixtures = SHARED_FIXTURES
const ownFixtures = resolve(__dirname, '../../fixtures/hf')

interface ExpectedPaper {
  title: string
  abstractStartsWith: string
  abstractEndsWith: string
  abstractLength: number
  links: string[]
}
interface Expected {
  paperCount: number
  linkCount: number
  header: { boilerplateLines: string[] }
  papers: ExpectedPaper[]
}

function context(overrides: Partial<ParseContext> = {}): ParseContext {
  return { fileName: 'digest.txt', fileModifiedAt: new Date(2025, 2, 20, 12), dateOverride: null, ...overrides }
}

function parseOwn(name: string, overrides: Partial<ParseContext> = {}): ParseResult {
  return parseHuggingFacePapersText(readFileSync(resolve(ownFixtures, name), 'utf8'), context(overrides))
}

describe.skipIf(!HAS_SHARED_FIXTURES)('the shared Hugging Face papers page fixture', () => {
  const read = (name: string) => (HAS_SHARED_FIXTURES ? readFileSync(resolve(sharedFixtures, name), 'utf8') : '')
  const text = read('hf-papers-transformers.txt')
  const expected = (
    HAS_SHARED_FIXTURES ? JSON.parse(read('hf-papers-transformers.expected.json')) : { papers: [] }
  ) as Expected
  const result = parseHuggingFacePapersText(text, context({ fileName: 'hf-papers-transformers.txt' }))

  it('finds every paper, in order, with its whole title', () => {
    expect(result.entries).toHaveLength(expected.paperCount)
    expect(result.entries.map((p) => p.title)).toEqual(expected.papers.map((p) => p.title))
  })

  it('keeps every abstract whole', () => {
    for (const [index, paper] of result.entries.entries()) {
      const want = expected.papers[index]!
      expect(paper.abstract, paper.title).not.toBeNull()
      expect(paper.abstract!.length, paper.title).toBe(want.abstractLength)
      expect(paper.abstract!.startsWith(want.abstractStartsWith), paper.title).toBe(true)
      expect(paper.abstract!.endsWith(want.abstractEndsWith), paper.title).toBe(true)
      expect(paper.snippet).toBeNull()
    }
  })

  it('extracts the links without trailing punctuation, code hosts as code', () => {
    for (const [index, paper] of result.entries.entries()) {
      expect(
        paper.links.map((l) => l.url),
        paper.title
      ).toEqual(expected.papers[index]!.links)
    }
    const all = result.entries.flatMap((p) => p.links)
    expect(all).toHaveLength(expected.linkCount)
    expect(all.find((l) => l.url.endsWith('/QwenLM/Self-Lengthen'))?.kind).toBe('code')
    expect(all.find((l) => l.url.includes('gitee.com'))?.kind).toBe('code')
    expect(all.find((l) => l.url.includes('github.io'))?.kind).toBe('other')
  })

  it('drops the page chrome and reads the list date without a year', () => {
    const titles = new Set(result.entries.map((p) => p.title))
    for (const line of expected.header.boilerplateLines) expect(titles.has(line)).toBe(false)
    expect(result.digest.dateFrom).toBe('2025-03-12')
    expect(result.digest.dateTo).toBe('2025-03-12')
    expect(result.warnings).toEqual([])
  })

  it('puts the list date in the previous year when the file was saved before that day', () => {
    const early = parseHuggingFacePapersText(text, context({ fileModifiedAt: new Date(2025, 0, 4, 12) }))
    expect(early.digest.dateFrom).toBe('2024-03-12')
  })

  it('lets the --date override win', () => {
    const overridden = parseHuggingFacePapersText(text, context({ dateOverride: '2023-07-01' }))
    expect(overridden.digest.dateFrom).toBe('2023-07-01')
  })

  it('is recognized with confidence', () => {
    expect(detectHuggingFacePapersText(text, 'hf-papers-transformers.txt')).toBeGreaterThanOrEqual(0.9)
  })
})

describe('the daily view with upvotes, submitters and meta lines', () => {
  const result = parseOwn('daily-upvotes.txt')

  it('reads three papers and none of the chrome, counts, names or meta lines', () => {
    expect(result.entries.map((p) => p.title)).toEqual([
      'Sparse Lattice Attention for Streaming Speech Recognition',
      'Curriculum Distillation Without Teachers',
      'Measuring Calibration Drift in Deployed Classifiers'
    ])
    expect(result.digest).toEqual({ title: 'Hugging Face Daily Papers', dateFrom: '2025-03-12', dateTo: '2025-03-12' })
    expect(result.warnings).toEqual([])
  })

  it('keeps abstracts free of organisation and meta lines', () => {
    const [first, second, third] = result.entries
    expect(first!.abstract).toMatch(/^We introduce Sparse Lattice Attention/)
    expect(first!.abstract).toMatch(/sparse-lattice\.$/)
    expect(second!.abstract).toMatch(/self-distillation collapses\.$/)
    expect(third!.abstract).toMatch(/lost calibration\.$/)
  })

  it('takes code links from the abstract and from "Code:" lines', () => {
    expect(result.entries[0]!.links).toEqual([{ url: 'https://github.com/example-lab/sparse-lattice', kind: 'code' }])
    expect(result.entries[1]!.links).toEqual([
      { url: 'https://gitlab.com/example-group/curriculum-distill', kind: 'code' }
    ])
    expect(result.entries[2]!.links).toEqual([])
  })

  it('dates each paper from its meta line', () => {
    expect(result.entries.map((p) => p.publishedAt)).toEqual(['2025-03-11', '2025-03-10', '2025-03-12'])
  })

  it('records the line each paper starts on', () => {
    expect(result.entries[0]!.line).toBe(13)
  })
})

describe('hard-wrapped copies', () => {
  const result = parseOwn('hard-wrapped.txt', { fileModifiedAt: new Date(2025, 0, 2, 9) })

  it('joins a wrapped title and wrapped abstracts into one line each', () => {
    expect(result.entries.map((p) => p.title)).toEqual([
      'Tiling Memory: Chunked Key-Value Caches for Long-Context Decoding',
      'Graph Priors for Molecule Generation',
      'Robust Reward Models Under Label Noise'
    ])
    for (const paper of result.entries) expect(paper.abstract).not.toContain('\n')
    expect(result.entries[0]!.abstract).toContain('grows as $O(\\sqrt{L})$ instead of $O(L)$ while')
  })

  it('rejoins a word hyphenated at a line end', () => {
    expect(result.entries[1]!.abstract).toContain('A state-of-the-art baseline')
    expect(result.entries[1]!.abstract).toMatch(/^Diffusion models for molecules/)
  })

  it('removes a closing bracket and period the sentence added to a link', () => {
    expect(result.entries[0]!.links).toEqual([{ url: 'https://github.com/example-lab/tiling-memory', kind: 'code' }])
  })

  it('puts "Dec 30" in the year before a file saved on Jan 2', () => {
    expect(result.digest.dateFrom).toBe('2024-12-30')
  })

  it('joins an abstract wrapped over 40,000 lines in one pass, hyphenated words and letters beyond the BMP too', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => (i % 2 ? `state-of-the-` : `word ${i} 𝐀-`))
    const text = `Daily Papers\n\nA Title Wrapped Nowhere\n\n${lines.join('\n')}\nend.\n`
    const parsed = parseHuggingFacePapersText(text, context())
    expect(parsed.entries).toHaveLength(1)
    const abstract = parsed.entries[0]!.abstract!
    expect(abstract.startsWith('word 0 𝐀-state-of-the-word 2 𝐀-state-of-the-word 4')).toBe(true)
    expect(abstract.endsWith('𝐀-state-of-the-end.')).toBe(true)
    expect(unwrapLines(['a -', 'b', '-', 'c', 'é-', 'd', '1-', 'e'])).toBe('a - b - c é-d 1- e')
  })
})

describe('the trending view', () => {
  const result = parseOwn('trending.txt')

  it('keeps one-line summaries as snippets, not abstracts', () => {
    expect(result.digest.title).toBe('Hugging Face Trending Papers')
    expect(result.entries.map((p) => p.title)).toEqual([
      'Pocket Agents: Tool Use on a Phone-Sized Budget',
      'Reading Tables Like a Spreadsheet',
      'Quiet Gradients: Low-Variance Training for Spiking Networks'
    ])
    for (const paper of result.entries) {
      expect(paper.abstract).toBeNull()
      expect(paper.snippet).toMatch(/\.$/)
    }
  })

  it('ignores star counts and keeps the code line of the paper above it', () => {
    expect(result.entries[2]!.links).toEqual([{ url: 'https://github.com/example-lab/quiet-gradients', kind: 'code' }])
    expect(result.entries.map((p) => p.publishedAt)).toEqual(['2025-03-03', '2025-02-27', '2025-03-01'])
    expect(result.warnings).toEqual([])
  })
})

describe('odd lines', () => {
  const result = parseOwn('odd-lines.txt')

  it('still reads the papers', () => {
    expect(result.entries.map((p) => p.title)).toEqual([
      'Self-Checking Proof Sketches for Competition Geometry',
      'A Benchmark for Proof Sketches, Listed Here Without Any Abstract',
      'Counting Objects With Point Supervision'
    ])
    expect(result.entries[0]!.abstract).toMatch(/either part alone\.\n\nThis second paragraph/)
    expect(result.entries[1]!.abstract).toBeNull()
  })

  it('warns with line numbers instead of failing', () => {
    expect(result.warnings).toEqual([
      { line: 3, message: '"3 comments" before the first paper was ignored' },
      { line: 5, message: 'a link line before the first paper was ignored' },
      { line: 13, message: expect.stringContaining('second paragraph was joined to the abstract') },
      { line: 15, message: expect.stringContaining('has no abstract') }
    ])
  })
})

describe('small shapes', () => {
  it('reads a labelled project page as a project link', () => {
    const text =
      'Short Title Here\n\nAn abstract that is long enough to be one.\n\nProject page: https://example.org/p\n'
    const result = parseHuggingFacePapersText(text, context())
    expect(result.entries[0]!.links).toEqual([{ url: 'https://example.org/p', kind: 'project' }])
  })

  it('reads an explicit authors line', () => {
    const text = 'A Title\n\nAuthors: Ada Quill, Bo Marsh and Cy Dunn\n\nThe abstract.\n'
    const result = parseHuggingFacePapersText(text, context())
    expect(result.entries[0]!.authors).toEqual(['Ada Quill', 'Bo Marsh', 'Cy Dunn'])
    expect(result.entries[0]!.abstract).toBe('The abstract.')
  })

  it('finds nothing in text without papers', () => {
    expect(parseHuggingFacePapersText('Daily Papers\n\nSubscribe\n', context()).entries).toEqual([])
  })

  it('unwraps lines with single spaces', () => {
    expect(unwrapLines(['one two', '  three', '', 'multi-', 'agent'])).toBe('one two three multi-agent')
  })

  it('claims plain title/abstract text weakly and a page with its chrome strongly', () => {
    const plain = 'First Title\n\n' + 'An abstract sentence. '.repeat(20) + '\n\nSecond Title\n\n' + 'More. '.repeat(60)
    expect(detectHuggingFacePapersText(plain, 'list.txt')).toBeGreaterThan(0.3)
    expect(detectHuggingFacePapersText(plain, 'list.txt')).toBeLessThan(0.5)
    expect(detectHuggingFacePapersText('Daily Papers\n\n' + plain, 'list')).toBeGreaterThanOrEqual(0.9)
    expect(detectHuggingFacePapersText('just a note\n', 'note.txt')).toBe(0)
  })

  it('does not claim markup or BibTeX', () => {
    expect(detectHuggingFacePapersText('<html><body>Daily Papers</body></html>', 'a.html')).toBe(0)
    expect(detectHuggingFacePapersText('@article{key, title={A}}', 'a.bib')).toBe(0)
    expect(detectHuggingFacePapersText('{"title": "x"}', 'a.json')).toBe(0)
  })
})

describe('lines that cannot be titles', () => {
  it('skips a line far too long to be a title, with a warning', () => {
    const text = `Daily Papers\n\n${'word '.repeat(400)}\n\nA Real Title\n\nA real abstract.\n`
    const result = parseHuggingFacePapersText(text, context())
    expect(result.entries.map((p) => p.title)).toEqual(['A Real Title'])
    expect(result.warnings).toEqual([
      { line: 3, message: 'a 1999-character line where a title was expected was skipped' }
    ])
  })
})

describe('author lines', () => {
  const result = parseOwn('authors-listed.txt')

  it('takes a line of whole names as the authors, before or after the abstract', () => {
    expect(result.entries.map((p) => p.title)).toEqual([
      'Adaptive Tokenization for Scientific Tables',
      'Transformers, RNNs, and CNNs for Invented Sensor Streams'
    ])
    expect(result.entries[0]!.authors).toEqual(['Mirela Vasquez', 'Tomas van der Berg', 'Ji-woo Han'])
    expect(result.entries[0]!.abstract).toMatch(/^Scientific tables mix numbers/)
    expect(result.entries[1]!.authors).toEqual(['Noor Haddad', 'Lucía Ortega'])
    expect(result.entries[1]!.abstract).toMatch(/none dominates across sampling rates\.$/)
    expect(result.warnings).toEqual([])
  })

  it('does not take lists of single words or sentences for names', () => {
    expect(looksLikeNameList('Transformers, RNNs, and CNNs for Invented Sensor Streams')).toBe(false)
    expect(looksLikeNameList('Cats, Dogs and Birds')).toBe(false)
    expect(looksLikeNameList('We thank Ada Quill, Bo Marsh.')).toBe(false)
    expect(looksLikeNameList('Ada Quill & Bo Marsh')).toBe(true)
  })
})
