// Shortcuts taken for speed on large files must answer exactly what the general path answers.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { collapseWhitespace, titleKey, urlParts, type UrlParts } from '../../../src/main/import/normalize'
import { CHROME, chromeKey } from '../../../src/main/import/formats/hf-text-lines'
import { scholarAlertParser } from '../../../src/main/import/formats/scholar-alert'
import { inlineText } from '../../../src/main/import/formats/markdown/inline'

/** The title key by the general (Unicode) rules alone. */
function unicodeTitleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

describe('the title key', () => {
  it('folds case, punctuation and spacing of ASCII titles as the Unicode rules do', () => {
    expect(titleKey('  Attention is All you Need.  ')).toBe('attention is all you need')
    expect(titleKey('GPT-4o: a\tStudy (v2)!')).toBe('gpt 4o a study v2')
    expect(titleKey('***')).toBe('')
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 80 }), (title) => {
        expect(titleKey(title)).toBe(unicodeTitleKey(title))
      }),
      { numRuns: 2000 }
    )
  })

  it('still folds accents, full-width letters and ligatures outside ASCII', () => {
    expect(titleKey('Éléments de Théorie')).toBe('elements de theorie')
    expect(titleKey('Ｆｕｌｌ　Ｗｉｄｔｈ ﬁne')).toBe('full width fine')
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (title) => {
        expect(titleKey(title)).toBe(unicodeTitleKey(title))
      }),
      { numRuns: 500 }
    )
  })
})

describe('Scholar alert detection in a large file', () => {
  const filler = 'gse gs_alrt _alrt_titl scholaralerts noreply@example.org '.repeat(20_000)

  it('finds the title class and the sender anywhere, not only at the start', () => {
    const html = `<html><body>${filler}<a class="gse_alrt_title" href="https://x.example/">A</a></body></html>`
    expect(scholarAlertParser.detect(html, 'alert.html')).toBe(0.95)
    const mail = `<html><body>${filler}sent by scholaralerts-noreply@google.com</body></html>`
    expect(scholarAlertParser.detect(mail, 'alert.html')).toBe(0.4)
  })

  it('is not fooled by the rarer half of either marker alone', () => {
    const text = `${filler} x_alrt_title and alerts-noreply@google.com`
    expect(scholarAlertParser.detect(text, 'notes.txt')).toBe(0)
  })
})

describe('URL parts', () => {
  function parserParts(text: string): UrlParts | null {
    try {
      const url = new URL(text)
      return { protocol: url.protocol, hostname: url.hostname, pathname: url.pathname }
    } catch {
      return null
    }
  }

  it('are what the URL parser says for the links digests hold', () => {
    const links = [
      'http://arxiv.org/abs/2405.00001v1',
      'https://github.com/bench-lab/2405-00001',
      'https://huggingface.co/papers/2405.00001?utm=x#top',
      'https://openreview.net',
      'https://example.org/a/./b/../c',
      'https://example.org/a/..',
      'http://0x7f.1/',
      'http://1.2.3/',
      'http://a.b.0/',
      'https://xn--nxasmq6b.example/',
      'https://xn--a.example/',
      'https://EXAMPLE.org/Path',
      'https://example.org:443/x',
      'https://user@example.org/x',
      'https://example.org\\x\\y',
      'https://example.org/%2e%2e/x',
      'https://example.org/a b',
      'https://example.org./x',
      'https://-a-.b--c.example/_x~y'
    ]
    for (const link of links) expect(urlParts(link), link).toEqual(parserParts(link))
  })

  it('match the URL parser on URL-like text', () => {
    const piece = fc.constantFrom(
      'a', 'z', '0', '9', '-', '.', '/', '..', '/.', '/..', '_', '~', '%2e', '%', '?', '#', ':', '@', '\\',
      'xn--', '0x', ' ', '\t', 'A', 'é', '[', ']', '!', "'", '(', ')', '*', '+', ',', ';', '=', '$', '&', '|'
    ) // prettier-ignore
    const url = fc
      .tuple(
        fc.constantFrom('http://', 'https://', 'HTTP://', 'http:/', 'ftp://', ''),
        fc.array(piece, { maxLength: 24 })
      )
      .map(([scheme, parts]) => scheme + parts.join(''))
    fc.assert(
      fc.property(url, (text) => {
        expect(urlParts(text)).toEqual(parserParts(text))
      }),
      { numRuns: 5000 }
    )
  })
})

describe('page chrome of a copied papers page', () => {
  const fullKey = (trimmed: string): string => (trimmed.length < 80 ? collapseWhitespace(trimmed).toLowerCase() : '')

  it('is recognized in any case and spacing, as by folding the whole line', () => {
    for (const line of ['New', 'DAILY  papers', 'Daily\tWeekly Monthly', 'byAK and the research community'])
      expect(CHROME.has(chromeKey(line)), line).toBe(true)
    const chromeLike = fc
      .tuple(
        fc.constantFrom(...CHROME),
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.constantFrom(' ', '  ', '\t', '\u00a0')
      )
      .map(([line, upper, space]) =>
        [...line].map((c, i) => (c === ' ' ? space : upper[i] ? c.toUpperCase() : c)).join('')
      )
    const anyLine = fc.string({ unit: 'grapheme', maxLength: 90 }).map((text) => text.trim())
    fc.assert(
      fc.property(fc.oneof(chromeLike, anyLine), (line) => {
        expect(CHROME.has(chromeKey(line))).toBe(CHROME.has(fullKey(line)))
      }),
      { numRuns: 3000 }
    )
  })
})

describe('Markdown inline text', () => {
  /** Emphasis and escapes removed by the general rewrites (text without links or HTML). */
  const rewritten = (text: string): string =>
    collapseWhitespace(
      text
        .replace(/\*\*|__|`/g, '')
        .replace(/(^|[\s(])[*_](?=\S)/g, '$1')
        .replace(/(\S)[*_](?=$|[\s).,;:!?])/g, '$1')
        .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
    )

  it('of a bold cell is its text, as the general rewrites make it', () => {
    expect(inlineText('**2024-05-02**')).toBe('2024-05-02')
    expect(inlineText('** Spaced  Title **')).toBe('Spaced Title')
    expect(inlineText('**Bold** and **more**')).toBe('Bold and more')
    expect(inlineText('**a\\*b**')).toBe('a*b')
    const piece = fc.constantFrom(
      '**',
      '*',
      '_',
      '__',
      '`',
      '\\',
      '\\*',
      'a',
      'Bc',
      ' ',
      '  ',
      '(',
      ')',
      '.',
      '\t',
      'é'
    )
    const text = fc
      .tuple(fc.boolean(), fc.array(piece, { maxLength: 12 }), fc.boolean())
      .map(([open, parts, close]) => `${open ? '**' : ''}${parts.join('')}${close ? '**' : ''}`)
    fc.assert(
      fc.property(text, (cell) => {
        expect(inlineText(cell)).toBe(rewritten(cell))
      }),
      { numRuns: 3000 }
    )
  })
})
