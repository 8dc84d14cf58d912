// Shortcuts taken for speed on large files must answer exactly what the general path answers.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cleanUrl,
  collapseParagraphs,
  collapseWhitespace,
  extractUrls,
  isHttpUrl,
  titleKey,
  urlParts,
  type UrlParts
} from '../../../src/main/import/normalize'
import { CHROME, chromeKey } from '../../../src/main/import/formats/hf-text-lines'
import { scholarAlertParser } from '../../../src/main/import/formats/scholar-alert'
import { inlineText } from '../../../src/main/import/formats/markdown/inline'
import { fragmentText, markdownParser } from '../../../src/main/import/formats/markdown'
import type { ParseResult } from '../../../src/main/import/types'
import { isValidDate } from '../../../src/main/import/dates'

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

describe('white space folding', () => {
  /** The folding by one regular expression over the text: the definition the searches must keep. */
  function referenceFold(text: string, keepParagraphs: boolean): string {
    const isSpace = (c: string): boolean => /\s/.test(c)
    let i = 0
    while (i < text.length && isSpace(text[i]!)) i++
    let out = ''
    let chunkStart = i
    const irregular = /\s\s|[^\S ]/g
    irregular.lastIndex = i
    for (let match = irregular.exec(text); match; match = irregular.exec(text)) {
      let newline = false
      let blankLine = false
      for (i = match.index; i < text.length; i++) {
        const c = text[i]!
        if (c === '\n') {
          blankLine ||= newline
          newline = true
        } else if (c === ' ' || c === '\t' || c === '\u00a0') continue
        else if (isSpace(c)) newline = false
        else break
      }
      out += text.slice(chunkStart, match.index)
      if (i === text.length) return out
      out += keepParagraphs && blankLine ? '\n\n' : ' '
      chunkStart = i
      irregular.lastIndex = i
    }
    const end = text.endsWith(' ') && text.length > chunkStart ? text.length - 1 : text.length
    return out + text.slice(chunkStart, end)
  }

  it('gives what one scan for irregular runs gives', () => {
    const piece = fc.constantFrom(
      'a',
      'bc',
      ' ',
      '  ',
      '\t',
      '\n',
      '\n\n',
      ' \n \n',
      '\r',
      '\u00a0',
      '\u2028',
      '\u3000',
      '\ufeff',
      'é'
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect(collapseWhitespace(text)).toBe(referenceFold(text, false))
        expect(collapseParagraphs(text)).toBe(referenceFold(text, true))
      }),
      { numRuns: 5000 }
    )
  })

  it('folds a large text with runs of both kinds everywhere in one pass', () => {
    const text = 'word\n'.repeat(200_000) + 'two  spaces '.repeat(100_000)
    const folded = collapseWhitespace(text)
    expect(folded.startsWith('word word')).toBe(true)
    expect(folded.endsWith('two spaces')).toBe(true)
    expect(folded.length).toBe(200_000 * 5 + 100_000 * 11 - 1)
  })
})

describe('URLs in text', () => {
  /** Every URL the one expression finds scanning the whole text, as extractUrls keeps them. */
  function referenceUrls(text: string): string[] {
    const seen = new Set<string>()
    for (const match of text.matchAll(/\bhttps?:\/\/[^\s<>"'`\u00a0]+/gi)) {
      const url = cleanUrl(match[0])
      if (url.length > 'https://'.length && isHttpUrl(url)) seen.add(url)
    }
    return [...seen]
  }

  it('are the ones a scan of the whole text finds', () => {
    expect(extractUrls('see https://a.example/x, and HTTP://B.example. or xhttps://c.example')).toEqual([
      'https://a.example/x',
      'HTTP://B.example'
    ])
    const piece = fc.constantFrom(
      'http', 'https', 'HTTPS', '://', ':/', 'x', '_', '9', ' ', '"', '<', '.', ',', ')', '(', 'a.example', '/p', 's', 'h'
    ) // prettier-ignore
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect(extractUrls(text)).toEqual(referenceUrls(text))
      }),
      { numRuns: 5000 }
    )
  })
})

describe('calendar dates', () => {
  it('are valid on the days the calendar has, leap days by the Gregorian rules', () => {
    for (let year = 1000; year <= 9999; year += 7) {
      for (let month = 1; month <= 12; month++) {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
        expect(isValidDate(year, month, days), `${year}-${month}-${days}`).toBe(true)
        expect(isValidDate(year, month, days + 1), `${year}-${month}-${days + 1}`).toBe(false)
      }
    }
    expect(isValidDate(2000, 2, 29)).toBe(true)
    expect(isValidDate(1900, 2, 29)).toBe(false)
    expect(isValidDate(2024, 2, 29)).toBe(true)
  })
})

describe('HTML fragments in Markdown', () => {
  const DROPPED = ['script', 'style', 'title', 'textarea']
  /** Tags found by the one global expression scanning the text: the behaviour nextTag keeps. */
  function referenceFragment(html: string): string {
    const tags = /<!--|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>|<![^<>]*>/g
    const parts: string[] = []
    let at = 0
    for (let match = tags.exec(html); match; match = tags.exec(html)) {
      parts.push(html.slice(at, match.index))
      at = tags.lastIndex
      if (match[0] === '<!--') {
        const end = html.indexOf('-->', at)
        at = end < 0 ? html.length : end + 3
      } else if (match[2] && !match[1] && DROPPED.includes(match[2].toLowerCase())) {
        const closing = new RegExp(`</${match[2].toLowerCase()}\\s*>`, 'gi')
        closing.lastIndex = at
        at = closing.exec(html) ? closing.lastIndex : html.length
      } else if (match[2] && ['p', 'br'].includes(match[2].toLowerCase())) {
        parts.push(match[2].toLowerCase() === 'p' ? '\n\n' : '\n')
      }
      tags.lastIndex = at
    }
    parts.push(html.slice(at))
    return collapseParagraphs(parts.join(''))
  }

  it('are the text the one-expression scan leaves', () => {
    expect(fragmentText('<p>a < b</p><!-- c --><script>x<p>y</p></script><p>d<<e>f</p>')).toBe('a < b\n\nd<f')
    // Without a tag or an entity, a blank line still parts two paragraphs.
    expect(fragmentText('-->\n\n--> one  \n two')).toBe('-->\n\n--> one two')
    const piece = fc.constantFrom(
      '<', '>', '<p>', '</p>', '<br/>', '<!--', '-->', '<script>', '</script>', '<STYLE a=1>', '</style >', '<!x>',
      '<a href="u">', '</a>', '<b', 'word', ' ', '\n', '<<', '<1>', '</>'
    ) // prettier-ignore
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const html = parts.join('')
        expect(fragmentText(html)).toBe(referenceFragment(html))
      }),
      { numRuns: 3000 }
    )
  })
})

describe('a Markdown table as editors save it', () => {
  const rows = [
    '| Date | Title | Authors | PDF | Abstract |',
    '|:---|:---:|---|---|---|',
    '|**2024-05-02**|**Zürich\tNights: *Sparse* Maps**|Ana Łukasiewicz, Bo Ørsted et.al.|[2405.00001](http://arxiv.org/abs/2405.00001v2)|<details><summary>Abstract</summary><p>Pipes \\| stay,\ttabs fold &amp; “quotes” stay.<!-- hidden --></p></details>|',
    '|**2024-05-03**|**Plain Title**|Cy Dunn|[PDF](https://example.org/a/../paper.pdf)|<details><summary>Abstract</summary><p>See https://github.com/x/y.</p></details>|'
  ]
  const parseTable = (text: string): ParseResult =>
    markdownParser.parse(text, { fileName: 'table.md', fileModifiedAt: new Date(2024, 4, 10), dateOverride: null })

  it('reads the same papers with CRLF line ends as with LF', () => {
    const lf = parseTable(rows.join('\n'))
    expect(parseTable(rows.join('\r\n'))).toEqual(lf)
    const [first, second] = lf.entries
    expect(first).toMatchObject({
      title: 'Zürich Nights: Sparse Maps',
      authors: ['Ana Łukasiewicz', 'Bo Ørsted'],
      arxivId: '2405.00001',
      arxivVersion: 2,
      publishedAt: '2024-05-02',
      abstract: 'Pipes | stay, tabs fold & “quotes” stay.'
    })
    expect(second!.links.map((link) => [link.url, link.kind])).toEqual([
      ['https://example.org/a/../paper.pdf', 'pdf'],
      ['https://github.com/x/y', 'code']
    ])
  })
})
