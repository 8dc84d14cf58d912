// The shared text and link helpers every parser leans on.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arxivFromDoi,
  arxivReference,
  cleanUrl,
  collapseParagraphs,
  collapseWhitespace,
  extractUrls,
  titleFromFileName,
  toLink
} from '../../../src/main/import/normalize'

// The definitions, written the slow and obvious way.
const collapsedByRegex = (text: string): string => text.replace(/\s+/g, ' ').trim()
const paragraphsByRegex = (text: string): string =>
  text
    .split(/\n[ \t\u00a0]*\n/)
    .map(collapsedByRegex)
    .filter((p) => p !== '')
    .join('\n\n')

const spacey = fc
  .array(fc.constantFrom('a', 'Bé', ' ', '  ', '\t', '\n', '\r\n', '\n \n', '\u00a0', '\u2003', '\ufeff', 'x y'), {
    maxLength: 14
  })
  .map((parts) => parts.join(''))

describe('white space', () => {
  it('collapses every kind of white space to one space, trimmed', () => {
    expect(collapseWhitespace('  One\u00a0\u00a0two\tthree\n\nfour\u2003 ')).toBe('One two three four')
    expect(collapseWhitespace('already tidy')).toBe('already tidy')
    expect(collapseWhitespace(' \n\t ')).toBe('')
    fc.assert(fc.property(spacey, (text) => collapseWhitespace(text) === collapsedByRegex(text)))
  })

  it('keeps paragraphs a blank line apart and collapses the rest', () => {
    expect(collapseParagraphs('\n\nFirst  line\nstill first.\n \t\nSecond.\n\n\n')).toBe(
      'First line still first.\n\nSecond.'
    )
    expect(collapseParagraphs('a\n\u2003\nb')).toBe('a b')
    fc.assert(fc.property(spacey, (text) => collapseParagraphs(text) === paragraphsByRegex(text)))
  })
})

describe('links', () => {
  it('drops what a sentence added after a URL, keeping brackets the URL opened', () => {
    expect(cleanUrl('https://example.org/a.')).toBe('https://example.org/a')
    expect(cleanUrl('https://en.example.org/wiki/Thing_(idea)).')).toBe('https://en.example.org/wiki/Thing_(idea)')
    expect(cleanUrl('https://example.org/x?y=1";')).toBe('https://example.org/x?y=1')
  })

  it('finds URLs in prose once each, and none where there is no scheme', () => {
    expect(extractUrls('See https://a.example/x, and https://a.example/x. Also http://b.example.')).toEqual([
      'https://a.example/x',
      'http://b.example'
    ])
    expect(extractUrls('no links here: example.org')).toEqual([])
  })

  it('classifies one link, or refuses what is not http(s)', () => {
    expect(toLink('https://arxiv.org/pdf/2401.00001).')).toEqual({
      url: 'https://arxiv.org/pdf/2401.00001',
      kind: 'pdf'
    })
    expect(toLink('https://github.com/a/b', 'project')).toEqual({ url: 'https://github.com/a/b', kind: 'project' })
    expect(toLink('javascript:alert(1)')).toBeNull()
    expect(toLink('not a url')).toBeNull()
    expect(toLink('https:{//example.org/a.pdf')).toBeNull()
    expect(toLink('https:example.org')).toBeNull()
  })
})

describe('identifiers and names of digests', () => {
  it('reads arXiv ids from arXiv DOIs and from arXiv: references in prose', () => {
    expect(arxivFromDoi('10.48550/arxiv.2401.01234')).toEqual({ id: '2401.01234', version: null })
    expect(arxivFromDoi('10.1000/xyz')).toBeNull()
    expect(arxivReference('Preprint, arXiv: 2402.00002v3 [cs.CL]')).toEqual({ id: '2402.00002', version: 3 })
    expect(arxivReference('no reference here')).toBeNull()
  })

  it('names a digest after its file, without folder and extension', () => {
    expect(titleFromFileName('refs/reading-list.bib', 'BibTeX')).toBe('reading-list')
    expect(titleFromFileName('C:\\lists\\week.ris')).toBe('week')
    expect(titleFromFileName('dir/.bib', 'BibTeX')).toBe('BibTeX')
    expect(titleFromFileName('daily.v2.json', undefined, /\.json$/i)).toBe('daily.v2')
    expect(titleFromFileName('daily.txt', undefined, /\.json$/i)).toBe('daily.txt')
  })
})

describe('links after control characters', () => {
  it('keeps a link that a NUL or another control character runs into, without it', () => {
    expect(toLink('\u0000https://example.org/paper')).toEqual({ url: 'https://example.org/paper', kind: 'other' })
    expect(extractUrls('see \u0001https://example.org/x\u0000')).toEqual(['https://example.org/x'])
  })
})
