import { describe, expect, it } from 'vitest'
import { hfHtmlParser, readCards } from '../../../../src/main/import/formats/hf-html'
import { parseHtml } from '../../../../src/main/import/text/html'
import { ImportError, type ParseContext } from '../../../../src/main/import/types'
import { fixtureReader } from './fixtures'

const read = fixtureReader('hf-html')
const context = (fileName: string, fileModifiedAt = new Date(2024, 2, 20)): ParseContext => ({
  fileName,
  fileModifiedAt,
  dateOverride: null
})

describe('the daily papers page saved as HTML', () => {
  const html = read('daily.html')
  const result = hfHtmlParser.parse(html, context('daily.html'))

  it('is detected from its paper cards', () => {
    expect(hfHtmlParser.detect(html, 'page.html')).toBeGreaterThan(0.9)
    expect(hfHtmlParser.detect('<html><body><h3><a href="/about">About</a></h3></body></html>', 'x.html')).toBe(0)
    expect(hfHtmlParser.detect('Sparse Lanterns\n\nPlain text', 'x.txt')).toBe(0)
  })

  it('reads each card: title as text, arXiv id from the link, authors, GitHub link', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      'Sparse Lanterns: Lighting Up Tiny Transformers',
      'Counting Clouds With Weak Labels & Noisy Skies',
      'Mirrors All The Way Down'
    ])
    const [lanterns, clouds, mirrors] = result.entries
    expect(lanterns!.arxivId).toBe('2403.05001')
    expect(lanterns!.authors).toEqual(['Ada Quill', 'Bo Renner', 'Céline Marchetti'])
    expect(lanterns!.links).toEqual([
      { url: 'https://huggingface.co/papers/2403.05001', kind: 'abs' },
      { url: 'https://arxiv.org/abs/2403.05001', kind: 'abs' },
      { url: 'https://github.com/example-lab/sparse-lanterns', kind: 'code' }
    ])
    expect(lanterns!.abstract).toBeNull()
    expect(clouds!.authors).toEqual([])
    expect(mirrors!.snippet).toBe('A one-line summary of invented mirrors.')
    expect(mirrors!.abstract).toBeNull()
    expect(result.entries.map((e) => e.line)).toEqual([17, 28, 37])
    expect(result.warnings).toEqual([])
  })

  it('reads upvotes, a dash counting as none', () => {
    const cards = readCards(parseHtml(html).children, html)
    expect(cards.map((c) => c.upvotes)).toEqual([87, 0, 12])
  })

  it('dates the list from the saved page URL', () => {
    expect(result.digest).toEqual({
      title: 'Daily Papers - Hugging Face',
      dateFrom: '2024-03-12',
      dateTo: '2024-03-12'
    })
  })

  it('infers the year of a "Mar 12" list date from the file time when the URL is missing', () => {
    const withoutUrl = html.replace(/<!-- saved from[^>]*-->/, '').replace(/\/papers\/date\/[\d-]+/g, '/papers')
    expect(hfHtmlParser.parse(withoutUrl, context('d.html', new Date(2025, 0, 5))).digest.dateFrom).toBe('2024-03-12')
    expect(hfHtmlParser.parse(withoutUrl, context('d.html', new Date(2025, 5, 5))).digest.dateFrom).toBe('2025-03-12')
  })

  it('lets the user override the date', () => {
    const dated = hfHtmlParser.parse(html, { ...context('daily.html'), dateOverride: '2024-01-01' })
    expect(dated.digest.dateFrom).toBe('2024-01-01')
  })
})

describe('a single paper page', () => {
  const result = hfHtmlParser.parse(read('paper-page.html'), context('paper.html'))

  it('reads the title, authors, abstract and links', () => {
    expect(result.entries).toHaveLength(1)
    const [paper] = result.entries
    expect(paper!.title).toBe('Whispering Tokens: A Study of Quiet Prompts')
    expect(paper!.authors).toEqual(['Ana Peña', 'Bjørn Holm'])
    expect(paper!.abstract).toBe(
      'Prompts that whisper are studied in an invented setting. We find that quiet prompts produce calm answers, and calm answers are preferred by invented readers in 73% of cases.'
    )
    expect(paper!.arxivId).toBe('2403.06006')
    expect(paper!.links.map((l) => l.kind)).toEqual(['abs', 'abs', 'code'])
    expect(paper!.publishedAt).toBe('2024-03-08')
    expect(result.digest.dateFrom).toBe('2024-03-08')
  })
})

describe('hostile and empty pages', () => {
  const result = hfHtmlParser.parse(read('hostile.html'), context('hostile.html'))

  it('keeps text only: no scripts, no javascript: links', () => {
    expect(result.entries.map((e) => e.title)).toEqual(['Safe Title'])
    const urls = result.entries[0]!.links.map((l) => l.url)
    expect(urls).toContain('https://github.com/example/real-repo')
    expect(urls.some((url) => url.startsWith('javascript:') || url.includes('evil'))).toBe(false)
  })

  it('warns with the line of a card whose title is only a script', () => {
    expect(result.warnings).toEqual([{ line: 11, message: 'the card for 2402.17002 has no title; it was skipped' }])
  })

  it('reads a Feb 29 list date', () => {
    expect(result.digest.dateFrom).toBe('2024-02-29')
  })

  it('refuses a page without paper cards, naming the file', () => {
    const parse = (): unknown =>
      hfHtmlParser.parse('<html><body><p>Nothing here</p></body></html>', context('empty.html'))
    expect(parse).toThrowError(ImportError)
    expect(parse).toThrowError(/^empty\.html: no Hugging Face paper cards/)
  })
})
