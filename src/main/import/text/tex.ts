// TeX as it appears in titles, author names and abstracts (arXiv listings, BibTeX), turned
// into plain Unicode. One left-to-right pass with an explicit brace stack: linear time, no
// recursion, no backtracking regex, so a hostile line cannot make it slow or blow the stack.
// Math ($...$) is passed through untouched so the reader can render it with KaTeX.

export interface TexConversion {
  text: string
  /** Targets of `\href{url}{text}` and `\url{url}`, which the text alone no longer shows. */
  urls: string[]
}

/** Combining marks for the accent commands; the base letter follows the command. */
const ACCENTS = table({
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  r: '\u030a',
  c: '\u0327',
  k: '\u0328',
  d: '\u0323',
  b: '\u0331'
})

/** Spacing forms used when an accent has nothing to sit on (`\'{}`). */
const BARE_ACCENTS = table({
  "'": '\u00b4',
  '`': '`',
  '^': '^',
  '"': '\u00a8',
  '~': '~',
  '=': '\u00af',
  '.': '\u02d9'
})

/** Letters written as commands; like TeX, the spaces after the name are swallowed (`Bj\\o rn`). */
const LETTER_COMMANDS = table({
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  l: 'ł',
  L: 'Ł',
  ae: 'æ',
  AE: 'Æ',
  aa: 'å',
  AA: 'Å',
  oe: 'œ',
  OE: 'Œ',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ'
})

/** Words and symbols written as commands; the space after them stays. */
const WORD_COMMANDS = table({
  copyright: '©',
  textregistered: '®',
  texttrademark: '™',
  textbackslash: '\\',
  textasciitilde: '~',
  textasciicircum: '^',
  textbraceleft: '{',
  textbraceright: '}',
  textendash: '–',
  textemdash: '—',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  S: '§',
  P: '¶',
  pounds: '£',
  euro: '€',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  BibTeX: 'BibTeX',
  quad: ' ',
  qquad: ' ',
  newline: ' ',
  par: ' '
})

/** Commands whose argument is plain text: the command goes, the text stays. */
const UNWRAP_COMMANDS = new Set([
  'textit',
  'emph',
  'textbf',
  'textrm',
  'textsf',
  'texttt',
  'textsc',
  'textup',
  'textsl',
  'textnormal',
  'underline',
  'mbox',
  'hbox',
  'text'
])

/** Old-style font switches (`{\em word}`): dropped, the group's braces go as usual. */
const SWITCH_COMMANDS = new Set(['em', 'it', 'bf', 'sc', 'rm', 'sf', 'tt', 'sl', 'small', 'large', 'normalfont'])

const SYMBOLS = table({
  '&': '&',
  '%': '%',
  $: '$',
  _: '_',
  '#': '#',
  '{': '{',
  '}': '}',
  ' ': ' ',
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '!': '',
  '-': '',
  '/': '',
  '@': '',
  '\\': ' '
})

function table(entries: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(entries))
}

const SPECIAL = new Set([..."\\${}-`'~"].map((c) => c.charCodeAt(0)))

export function texToUnicode(text: string): string {
  return convertTex(text).text
}

export function convertTex(text: string): TexConversion {
  return new TexConverter(text).run()
}

/**
 * One pass over the text. A class rather than one long closure so that each construct
 * (commands, accents, math, links) is a method that fits on a screen; the state they share
 * is the output, the found URLs and the brace stack.
 */
class TexConverter {
  private readonly out: string[] = []
  private readonly urls: string[] = []
  // true: the closing brace is kept (argument of a command we do not know), false: dropped.
  private readonly braces: boolean[] = []
  private readonly n: number

  constructor(private readonly text: string) {
    this.n = text.length
  }

  run(): TexConversion {
    let i = 0
    while (i < this.n) {
      const ch = this.text[i]!
      if (ch === '\\') {
        i = this.command(i)
      } else if (ch === '$') {
        i = this.math(i)
      } else if (ch === '{') {
        this.braces.push(false)
        i++
      } else if (ch === '}') {
        if (this.braces.pop() === true) this.out.push('}')
        i++
      } else if (ch === '-' && this.text[i + 1] === '-') {
        if (this.text[i + 2] === '-') {
          this.out.push('—')
          i += 3
        } else {
          this.out.push('–')
          i += 2
        }
      } else if (ch === '`' && this.text[i + 1] === '`') {
        this.out.push('“')
        i += 2
      } else if (ch === "'" && this.text[i + 1] === "'") {
        this.out.push('”')
        i += 2
      } else if (ch === '~') {
        // A tie is a space, except in a URL path (`/~user`).
        this.out.push(i > 0 && this.text[i - 1] === '/' ? '~' : ' ')
        i++
      } else {
        // Plain text is copied in runs, not character by character.
        let j = i + 1
        while (j < this.n && !SPECIAL.has(this.text.charCodeAt(j))) j++
        this.out.push(this.text.slice(i, j))
        i = j
      }
    }
    return { text: this.out.join(''), urls: this.urls }
  }

  private math(start: number): number {
    const display = this.text[start + 1] === '$'
    const open = display ? 2 : 1
    let j = start + open
    while (j < this.n) {
      const c = this.text[j]
      if (c === '\\') {
        j += 2
        continue
      }
      if (c === '$') {
        const end = display && this.text[j + 1] === '$' ? j + 2 : j + 1
        this.out.push(this.text.slice(start, end))
        return end
      }
      j++
    }
    // No closing dollar anywhere after this one, so no later dollar closes either: literal.
    this.out.push(this.text.slice(start, start + open))
    return start + open
  }

  private command(start: number): number {
    const first = this.text[start + 1]
    if (first === undefined) {
      this.out.push('\\')
      return start + 1
    }
    if (!isLetter(first)) {
      if (ACCENTS.has(first)) return this.accent(first, start + 2)
      const symbol = SYMBOLS.get(first)
      if (symbol !== undefined) {
        this.out.push(symbol)
        return start + 2
      }
      this.out.push('\\', first)
      return start + 2
    }
    let j = start + 1
    while (j < this.n && isLetter(this.text[j]!)) j++
    const name = this.text.slice(start + 1, j)

    if (name.length === 1 && ACCENTS.has(name)) return this.accent(name, j)
    if (name === 'href') return this.href(j)
    if (name === 'url') return this.url(j)
    if (UNWRAP_COMMANDS.has(name)) return this.skipSpaces(j)
    if (SWITCH_COMMANDS.has(name)) return this.skipSpaces(j)
    const letter = LETTER_COMMANDS.get(name)
    const word = WORD_COMMANDS.get(name)
    if (letter !== undefined || word !== undefined) {
      this.out.push(letter ?? word!)
      const after = letter !== undefined ? this.skipSpaces(j) : j
      // `\ss{}e`: the empty group only ends the command name.
      return this.text[after] === '{' && this.text[after + 1] === '}' ? after + 2 : after
    }
    // Unknown command: keep it with its braced argument, for the reader to see as written.
    this.out.push(this.text.slice(start, j))
    if (this.text[j] === '{') {
      this.out.push('{')
      this.braces.push(true)
      return j + 1
    }
    return j
  }

  private accent(name: string, from: number): number {
    const mark = ACCENTS.get(name)!
    let j = this.skipSpaces(from)
    if (this.text[j] === '{') {
      let k = this.skipSpaces(j + 1)
      if (this.text[k] === '}') {
        this.out.push(BARE_ACCENTS.get(name) ?? '')
        return k + 1
      }
      const base = this.accentBase(k)
      if (base === null) {
        this.out.push(BARE_ACCENTS.get(name) ?? '')
        this.braces.push(false)
        return j + 1
      }
      this.out.push((base.char + mark).normalize('NFC'))
      k = this.skipSpaces(base.end)
      if (this.text[k] === '}') return k + 1
      // `\'{ab}`: the accent took the first letter, the rest of the group goes on as this.text.
      this.braces.push(false)
      return base.end
    }
    const base = this.accentBase(j)
    if (base === null) {
      this.out.push(BARE_ACCENTS.get(name) ?? '')
      return from
    }
    j = base.end
    this.out.push((base.char + mark).normalize('NFC'))
    return j
  }

  /** The letter an accent sits on: a character, or `\i`/`\j` (dotless, so accented as i/j). */
  private accentBase(at: number): { char: string; end: number } | null {
    const c = this.text[at]
    if (c === undefined || c === '}' || c === '{' || c === '$' || /\s/.test(c)) return null
    if (c === '\\') {
      const d = this.text[at + 1]
      if ((d === 'i' || d === 'j') && !isLetter(this.text[at + 2] ?? ''))
        return { char: d, end: this.skipSpaces(at + 2) }
      return null
    }
    const code = this.text.codePointAt(at)!
    const char = String.fromCodePoint(code)
    return { char, end: at + char.length }
  }

  private href(from: number): number {
    const target = this.rawGroup(this.skipSpaces(from))
    if (target === null) {
      this.out.push('\\href')
      return from
    }
    const link = target.text.trim()
    if (link) this.urls.push(link)
    const j = this.skipSpaces(target.end)
    if (this.text[j] !== '{') {
      this.out.push(link)
      return target.end
    }
    // The link text is ordinary TeX: its braces are handled by the main loop.
    this.braces.push(false)
    return j + 1
  }

  private url(from: number): number {
    const target = this.rawGroup(this.skipSpaces(from))
    if (target === null) {
      this.out.push('\\url')
      return from
    }
    const link = target.text.trim()
    if (link) this.urls.push(link)
    this.out.push(link)
    return target.end
  }

  /**
   * A braced argument taken verbatim. Unclosed, it runs to the end of the text, so a
   * broken `\url{` costs one scan, never one per later brace.
   */
  private rawGroup(at: number): { text: string; end: number } | null {
    if (this.text[at] !== '{') return null
    let depth = 0
    for (let j = at; j < this.n; j++) {
      const c = this.text[j]
      if (c === '\\') {
        j++
      } else if (c === '{') {
        depth++
      } else if (c === '}') {
        depth--
        if (depth === 0) return { text: this.text.slice(at + 1, j), end: j + 1 }
      }
    }
    return { text: this.text.slice(at + 1), end: this.n }
  }

  private skipSpaces(from: number): number {
    let j = from
    while (
      j < this.n &&
      (this.text[j] === ' ' || this.text[j] === '\t' || this.text[j] === '\n' || this.text[j] === '\u00a0')
    )
      j++
    return j
  }
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
