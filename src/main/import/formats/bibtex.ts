// BibTeX (and biblatex) bibliographies. An iterative scanner with explicit positions: no
// recursion, and a value's braces are counted, never matched by regex, so a run of a million
// `{` or an unclosed entry costs one linear pass. A broken entry is skipped with a warning and
// scanning resumes at the next line that starts an entry.
import { MONTH_NAMES, monthNumber, partialDate } from '../dates'
import {
  arxivFromDoi,
  arxivReference,
  collapseWhitespace,
  extractUrls,
  normalizeDoi,
  parseArxivId,
  titleFromFileName,
  toLinks
} from '../normalize'
import { convertTex, texToUnicode } from '../text/tex'
import { ImportError } from '../types'
import type { DigestParser, ParseContext, ParsedPaper, ParseResult, ParseWarning } from '../types'
import { arxivFields, parsedPaper } from '../paper'
import { ExpansionBudget, ExpansionLimit } from '../expansion-budget'

const SCAN_LIMIT = 65_536
const ENTRY_START = /(?:^|\n)[ \t]*@([A-Za-z]{2,40})[ \t]*[{(]/g
/** Entry types that collect papers; referenced through `crossref`, they are containers, not papers. */
const CONTAINER_TYPES = new Set(['proceedings', 'mvproceedings', 'book', 'mvbook', 'collection', 'mvcollection'])

export const bibtexParser: DigestParser = {
  format: 'bibtex',
  label: 'BibTeX bibliography',
  extensions: ['.bib', '.bibtex'],
  detect(text, fileName) {
    const head = text.slice(0, SCAN_LIMIT)
    const bibName = /\.bib(tex)?$/i.test(fileName)
    let score = bibName ? 0.2 : 0
    for (const match of head.matchAll(ENTRY_START)) {
      const type = match[1]!.toLowerCase()
      // Comments and preambles alone do not make a bibliography.
      if (type === 'comment' || type === 'preamble') {
        score = Math.max(score, bibName ? 0.5 : 0.3)
        continue
      }
      const rest = head.slice(match.index + match[0].length, match.index + match[0].length + 400)
      if (type !== 'string' && /^[^,\n]*,\s*[A-Za-z][\w-]*\s*=/.test(rest)) return 0.95
      score = Math.max(score, 0.6)
    }
    return score
  },
  parse: parseBibtex
}

interface RawEntry {
  type: string
  key: string
  fields: Map<string, string>
  line: number
}

/** Thrown inside one entry; the scanner warns and carries on after it. */
class BrokenEntry extends Error {
  constructor(
    message: string,
    /** Where scanning resumes. */
    readonly resumeAt: number
  ) {
    super(message)
  }
}

export function parseBibtex(text: string, context: ParseContext): ParseResult {
  const budget = new ExpansionBudget(text.length)
  let raw: RawEntry[]
  let warnings: ParseWarning[]
  let entries: ParsedPaper[]
  try {
    const scanner = new BibScanner(text, budget)
    raw = scanner.run()
    warnings = scanner.warnings
    entries = toPapers(raw, warnings, budget)
  } catch (error) {
    if (error instanceof ExpansionLimit) throw new ImportError('TOO_LARGE', context.fileName, error.message, error.line)
    throw error
  }
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  if (entries.length === 0) {
    throw new ImportError('NO_PAPERS', context.fileName, 'no BibTeX entries with a title found', null)
  }
  // A bibliography is not dated like a daily list; only the user's date applies.
  const title = titleFromFileName(context.fileName, 'BibTeX bibliography')
  return { digest: { title, dateFrom: context.dateOverride, dateTo: context.dateOverride }, entries, warnings }
}

class BibScanner {
  readonly warnings: ParseWarning[] = []
  private readonly entries: RawEntry[] = []
  private readonly macros = new Map<string, string>(
    MONTH_NAMES.map((name) => [name.slice(0, 3), name[0]!.toUpperCase() + name.slice(1)])
  )
  private readonly lineStarts: number[] = [0]
  private pos = 0

  constructor(
    private readonly text: string,
    private readonly budget: ExpansionBudget
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1)
  }

  run(): RawEntry[] {
    const { text } = this
    while (this.pos < text.length) {
      const c = text[this.pos]
      if (c === '%') {
        this.skipLine()
      } else if (c === '@') {
        const start = this.pos
        try {
          this.item()
        } catch (error) {
          if (!(error instanceof BrokenEntry)) throw error
          this.warnings.push({ line: this.lineOf(start), message: error.message })
          this.pos = Math.max(error.resumeAt, start + 1)
        }
      } else {
        this.pos++
      }
    }
    return this.entries
  }

  /** One `@type{...}` item from its `@`. */
  private item(): void {
    const start = this.pos
    this.pos++
    const type = this.identifier().toLowerCase()
    this.skipSpace()
    const open = this.text[this.pos]
    // "name@example.org" in free text between entries is not an entry.
    if (!type || (open !== '{' && open !== '(')) return
    const close = open === '{' ? '}' : ')'
    this.pos++
    if (type === 'comment' || type === 'preamble') {
      this.skipGroup(start, close)
      return
    }
    if (type === 'string') {
      const fields = this.fields(start, close, new Map())
      for (const [name, value] of fields) this.macros.set(name, value)
      return
    }
    this.skipSpace()
    const keyStart = this.pos
    while (this.pos < this.text.length && !/[,\s})]/.test(this.text[this.pos]!)) this.pos++
    const key = this.text.slice(keyStart, this.pos)
    this.skipSpace()
    if (this.text[this.pos] === ',') this.pos++
    const fields = this.fields(start, close, new Map())
    this.entries.push({ type, key, fields, line: this.lineOf(start) })
  }

  private fields(start: number, close: string, fields: Map<string, string>): Map<string, string> {
    const { text } = this
    for (;;) {
      this.skipSpace()
      const c = text[this.pos]
      if (c === undefined) {
        if (fields.size === 0) throw new BrokenEntry('entry is not closed before the end of the file', text.length)
        this.warnings.push({ line: this.lineOf(start), message: 'entry is not closed before the end of the file' })
        return fields
      }
      if (c === close) {
        this.pos++
        return fields
      }
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === '%') {
        this.skipLine()
        continue
      }
      if (c === '@') {
        const at = this.pos
        this.pos++
        const name = this.identifier().toLowerCase()
        this.skipSpace()
        if (name === 'comment' && (text[this.pos] === '{' || text[this.pos] === '(')) {
          // A field commented out inside the entry.
          const inner = text[this.pos] === '{' ? '}' : ')'
          this.pos++
          this.skipGroup(at, inner)
          continue
        }
        // The next entry begins: this one lost its closing brace.
        this.warnings.push({ line: this.lineOf(start), message: 'entry is not closed; read up to the next entry' })
        this.pos = at
        return fields
      }
      const nameStart = this.pos
      const name = this.identifier(true).toLowerCase()
      if (!name) {
        throw new BrokenEntry(
          `unexpected "${text[this.pos]}" at line ${this.lineOf(this.pos)}; entry skipped`,
          this.nextEntryLine(this.pos)
        )
      }
      this.skipSpace()
      if (text[this.pos] !== '=') {
        throw new BrokenEntry(
          `field "${name}" at line ${this.lineOf(nameStart)} has no "="; entry skipped`,
          this.nextEntryLine(this.pos)
        )
      }
      this.pos++
      if (fields.has(name)) {
        this.warnings.push({ line: this.lineOf(nameStart), message: `field "${name}" repeats; the last one counts` })
      }
      fields.set(name, this.value(name))
    }
  }

  /** `{...}`, `"..."`, a number or a macro, joined by `#`. */
  private value(field: string): string {
    const { text } = this
    const parts: string[] = []
    let expanded = 0
    for (;;) {
      this.skipSpace()
      const c = text[this.pos]
      if (c === '{' || c === '"') {
        parts.push(this.delimited(c === '{' ? '}' : '"', field))
      } else if (c !== undefined && /[0-9]/.test(c)) {
        const from = this.pos
        while (this.pos < text.length && /[0-9]/.test(text[this.pos]!)) this.pos++
        parts.push(text.slice(from, this.pos))
      } else {
        const at = this.pos
        const name = this.identifier(true)
        if (!name) {
          throw new BrokenEntry(
            `field "${field}" at line ${this.lineOf(at)} has no value; entry skipped`,
            this.nextEntryLine(at)
          )
        }
        const macro = this.macros.get(name.toLowerCase())
        if (macro === undefined) {
          this.warnings.push({ line: this.lineOf(at), message: `undefined string "${name}" in field "${field}"` })
        }
        parts.push(macro ?? '')
        expanded += macro?.length ?? 0
        // Checked as the value grows: a value joining one huge macro many times is refused before it is built.
        this.budget.spend(expanded, `the string "${name}" in field "${field}"`, this.lineOf(at))
      }
      this.skipSpace()
      if (text[this.pos] !== '#') return parts.join('')
      this.pos++
    }
  }

  /** The text of a braced or quoted value, without its delimiters. */
  private delimited(close: '}' | '"', field: string): string {
    const { text } = this
    const start = this.pos
    let depth = 0
    for (let i = start + 1; i < text.length; i++) {
      const c = text[i]
      if (c === '\\') {
        i++
      } else if (c === '{') {
        depth++
      } else if (c === '}') {
        if (depth === 0) {
          if (close === '}') {
            this.pos = i + 1
            return text.slice(start + 1, i)
          }
          // A stray closing brace inside a quoted value: tolerated, as BibTeX does not.
          continue
        }
        depth--
      } else if (c === '"' && close === '"' && depth === 0) {
        this.pos = i + 1
        return text.slice(start + 1, i)
      } else if (c === '\n' && this.entryStartsAt(i + 1)) {
        throw new BrokenEntry(
          `unbalanced braces in field "${field}" (opened at line ${this.lineOf(start)}); entry skipped`,
          i + 1
        )
      }
    }
    throw new BrokenEntry(
      `unbalanced braces in field "${field}" (opened at line ${this.lineOf(start)}); entry skipped`,
      text.length
    )
  }

  /** Skips a comment or preamble body, braces counted. */
  private skipGroup(start: number, close: string): void {
    const { text } = this
    let depth = 0
    for (let i = this.pos; i < text.length; i++) {
      const c = text[i]
      if (c === '{') depth++
      else if (c === '}' && depth > 0) depth--
      else if (c === close && depth === 0) {
        this.pos = i + 1
        return
      } else if (c === '\n' && this.entryStartsAt(i + 1)) {
        this.warnings.push({ line: this.lineOf(start), message: 'unclosed @comment or @preamble; skipped' })
        this.pos = i + 1
        return
      }
    }
    this.warnings.push({ line: this.lineOf(start), message: 'unclosed @comment or @preamble; skipped' })
    this.pos = text.length
  }

  /** True when a line starting at `at` opens an entry: `@word{` or `@word(`, spaces allowed. */
  private entryStartsAt(at: number): boolean {
    const { text } = this
    let i = at
    while (text[i] === ' ' || text[i] === '\t') i++
    if (text[i] !== '@') return false
    i++
    const from = i
    while (i < text.length && i - from < 40 && isIdentifierChar(text[i]!, false)) i++
    if (i === from) return false
    while (text[i] === ' ' || text[i] === '\t') i++
    return text[i] === '{' || text[i] === '('
  }

  private nextEntryLine(from: number): number {
    const { text } = this
    for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (this.entryStartsAt(i + 1)) return i + 1
    }
    return text.length
  }

  private identifier(fieldName = false): string {
    const from = this.pos
    while (this.pos < this.text.length && isIdentifierChar(this.text[this.pos]!, fieldName)) this.pos++
    return this.text.slice(from, this.pos)
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++
  }

  private skipLine(): void {
    const end = this.text.indexOf('\n', this.pos)
    this.pos = end < 0 ? this.text.length : end + 1
  }

  lineOf(offset: number): number {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.lineStarts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return low + 1
  }
}

function isIdentifierChar(c: string, fieldName: boolean): boolean {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true
  return c === '_' || c === '-' || (fieldName && (c === ':' || c === '.' || c === '+' || c === '/'))
}

function toPapers(raw: RawEntry[], warnings: ParseWarning[], budget: ExpansionBudget): ParsedPaper[] {
  const byKey = new Map<string, RawEntry>()
  const referenced = new Set<RawEntry>()
  for (const entry of raw) {
    const lower = entry.key.toLowerCase()
    const earlier = byKey.get(lower)
    if (earlier) {
      warnings.push({
        line: entry.line,
        message: `duplicate key "${entry.key}" (also at line ${earlier.line}); both entries kept`
      })
    } else {
      byKey.set(lower, entry)
    }
  }
  for (const entry of raw) {
    const ref = entry.fields.get('crossref')
    if (!ref) continue
    const parent = byKey.get(ref.trim().toLowerCase())
    if (!parent || parent === entry) {
      warnings.push({ line: entry.line, message: `crossref "${ref}" of "${entry.key}" is not in the file` })
      continue
    }
    referenced.add(parent)
    // Like BibTeX: missing fields come from the parent; its title names the book or proceedings.
    for (const [name, value] of parent.fields) {
      if (name === 'title' || name === 'crossref' || name === 'ids') continue
      if (entry.fields.has(name)) continue
      budget.spend(value.length, `the crossref "${ref}" of "${entry.key}"`, entry.line)
      entry.fields.set(name, value)
    }
    const parentTitle = parent.fields.get('title')
    if (parentTitle && !entry.fields.has('booktitle')) entry.fields.set('booktitle', parentTitle)
  }

  const papers: ParsedPaper[] = []
  for (const entry of raw) {
    if (referenced.has(entry) && CONTAINER_TYPES.has(entry.type)) continue
    const paper = toPaper(entry)
    if (paper) papers.push(paper)
    else warnings.push({ line: entry.line, message: `entry "${entry.key}" has no title; skipped` })
  }
  return papers
}

function toPaper(entry: RawEntry): ParsedPaper | null {
  const get = (name: string): string | null => {
    const value = entry.fields.get(name)
    return value !== undefined && value.trim() !== '' ? value : null
  }
  const title = collapseWhitespace(texToUnicode(get('title') ?? ''))
  if (!title) return null

  const doi = normalizeDoi(get('doi')) ?? doiFromUrl(get('url'))
  const arxiv = arxivOf(entry, doi)
  const urls: string[] = []
  if (arxiv) urls.push(`https://arxiv.org/abs/${arxiv.id}`, `https://arxiv.org/pdf/${arxiv.id}`)
  if (doi) urls.push(`https://doi.org/${doi}`)
  for (const name of ['url', 'pdf', 'howpublished', 'note']) {
    const value = get(name)
    if (!value) continue
    const converted = convertTex(value)
    urls.push(...converted.urls, ...extractUrls(converted.text))
  }
  const abstract = get('abstract')
  const venue = get('journal') ?? get('journaltitle') ?? get('booktitle')
  const paper = parsedPaper({
    title,
    authors: splitNames(get('author') ?? ''),
    abstract: abstract ? collapseWhitespace(texToUnicode(abstract)) || null : null,
    ...arxivFields(arxiv),
    doi,
    links: toLinks(urls.filter((url, index) => index < 2 || !sameArxivPaper(url, arxiv?.id))),
    publishedAt: entryDate(get('date'), get('year'), get('month'), get('day')),
    venue: venue ? collapseWhitespace(texToUnicode(venue)) || null : null,
    line: entry.line
  })
  const readStatus = get('readstatus')?.trim().toLowerCase()
  if (readStatus === 'read') paper.readHint = true
  if (get('ranking')?.trim().toLowerCase() === 'rank5' || get('priority')?.trim().toLowerCase() === 'prio1') {
    paper.starHint = true
  }
  return paper
}

function arxivOf(entry: RawEntry, doi: string | null): { id: string; version: number | null } | null {
  const eprint = entry.fields.get('eprint')?.trim()
  const prefix = (entry.fields.get('archiveprefix') ?? entry.fields.get('eprinttype') ?? '').trim().toLowerCase()
  if (eprint) {
    if (prefix === 'arxiv') return parseArxivId(eprint)
    // DBLP and others leave the prefix out; a bare id is unmistakable.
    if (!prefix && /^(?:arXiv:)?(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i.test(eprint)) {
      return parseArxivId(eprint)
    }
  }
  for (const name of ['journal', 'note', 'howpublished', 'number']) {
    const id = arxivReference(entry.fields.get(name) ?? '')
    if (id) return id
  }
  const url = entry.fields.get('url') ?? ''
  if (/arxiv\.org\/(?:abs|pdf)\//i.test(url)) return parseArxivId(url.slice(url.search(/arxiv\.org/i)))
  return arxivFromDoi(doi)
}

/** A versioned arxiv.org link to the paper whose abs and pdf links are already there. */
function sameArxivPaper(url: string, id: string | undefined): boolean {
  return id !== undefined && /^https?:\/\/(?:www\.)?arxiv\.org\//i.test(url) && parseArxivId(url)?.id === id
}

function doiFromUrl(url: string | null): string | null {
  return url && /^https?:\/\/(?:dx\.)?doi\.org\//i.test(url.trim()) ? normalizeDoi(url) : null
}

/** `author = {Lovelace, Ada and Charles Babbage and {Team Imaginary}}` -> display names. */
export function splitNames(value: string): string[] {
  const names: string[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === '{') depth++
    else if (c === '}') depth = Math.max(0, depth - 1)
    else if (depth === 0 && /\s/.test(c!) && /^and\s/i.test(value.slice(i + 1, i + 5))) {
      names.push(value.slice(from, i))
      i += 4
      from = i
    }
  }
  names.push(value.slice(from))
  return names
    .map((name) => displayName(name.trim()))
    .filter((name) => name.length > 0 && name.toLowerCase() !== 'others')
}

function displayName(name: string): string {
  const parts: string[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < name.length; i++) {
    const c = name[i]
    if (c === '{') depth++
    else if (c === '}') depth = Math.max(0, depth - 1)
    else if (c === ',' && depth === 0) {
      parts.push(name.slice(from, i).trim())
      from = i + 1
    }
  }
  parts.push(name.slice(from).trim())
  // "Last, First" and "Last, Jr, First" are written first-name first.
  const ordered =
    parts.length === 2
      ? [parts[1], parts[0]]
      : parts.length >= 3
        ? [parts.slice(2).join(' '), parts[0], parts[1]]
        : parts
  return collapseWhitespace(texToUnicode(ordered.filter((part) => part).join(' ')))
}

/** biblatex `date` (2024-03-12, 2024-03, 2024) or year/month/day; partial dates fall on the first. */
export function entryDate(
  date: string | null,
  year: string | null,
  month: string | null,
  day: string | null
): string | null {
  const iso = date ? /^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(date) : null
  if (iso) return partialDate(Number(iso[1]), iso[2] ? Number(iso[2]) : null, iso[3] ? Number(iso[3]) : null)
  const yearMatch = year ? /\d{4}/.exec(year) : null
  if (!yearMatch) return null
  return partialDate(
    Number(yearMatch[0]),
    monthNumber(month && texToUnicode(month)),
    day ? Number(day.trim()) || null : null
  )
}
