// The arXiv listing e-mail as plain text: a header naming the list and the submission
// window, then entries between rule lines, each `\\`, `arXiv:ID`, header fields, `\\`, the
// abstract and a closing `\\ ( https://arxiv.org/abs/ID , NNkb)`. Section lines split the
// new submissions from cross-lists and replacements. Only this structure starts an entry,
// so an abstract line that happens to begin with "arXiv:" stays part of its abstract.
import { collapseWhitespace, extractUrls, normalizeDoi, parseArxivId, toLinks } from '../normalize'
import { convertTex } from '../text/tex'
import { ImportError } from '../types'
import type { DigestParser, ParseContext, ParsedPaper, ParseResult, ParseWarning } from '../types'
import { arxivFields, parsedPaper } from '../paper'
import { monthNumber } from '../dates'

type Section = 'new' | 'cross' | 'replaced' | 'end'

const RULE = /^-{20,}\s*$/
const ENTRY_ID = /^arXiv:(\S+)(.*)$/
const FIELD = /^([A-Za-z][A-Za-z-]*(?: \([^()]{0,40}\))?):(.*)$/
const CLOSING = /^\\\\\s*\(/
const INDENTED = /^[ \t\u00a0]/
const DAY_MONTH_YEAR = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\b/
const CATEGORY_CODE = /^[a-z-]+(?:\.[A-Za-z-]+)?$/
const SCAN_LIMIT = 65_536

export const arxivEmailParser: DigestParser = {
  format: 'arxiv-email',
  label: 'arXiv listing e-mail (plain text)',
  extensions: ['.txt', '.eml'],
  detect(text, fileName) {
    const head = text.slice(0, SCAN_LIMIT)
    const hasStructure = /(?:^|\n)\\\\[ \t]*\r?\n[ \t]*arXiv:\S+/.test(head)
    const hasClosing = head.includes('\\\\ ( http') && head.includes('arxiv.org/abs/')
    if (/(?:^|\n)[ \t]*Submissions to:/.test(head) && (hasStructure || /received from/.test(head))) return 0.95
    if (hasStructure && hasClosing) return 0.9
    if (hasStructure) return 0.6
    return /\.txt$/i.test(fileName) && hasClosing ? 0.3 : 0
  },
  parse: parseArxivEmail
}

interface Field {
  name: string
  value: string
}

interface EntryScan {
  paper: ParsedPaper | null
  category: string | null
  section: Section
  next: number
}

export function parseArxivEmail(text: string, context: ParseContext): ParseResult {
  const lines = text.split(/\r\n|\r|\n/)
  const warnings: ParseWarning[] = []
  const entries: ParsedPaper[] = []
  const newCategories: string[] = []
  const header = readHeader(lines)
  let section: Section = 'new'

  let i = 0
  while (i < lines.length && section !== 'end') {
    const line = lines[i]!
    const marker = sectionMarker(line)
    if (marker) {
      section = marker
      i++
    } else if (startsEntry(lines, i)) {
      const scan = readEntry(lines, i, section, warnings)
      if (scan.paper) {
        entries.push(scan.paper)
        if (scan.section === 'new' && scan.category) newCategories.push(scan.category)
      }
      i = scan.next
    } else {
      i++
    }
  }

  if (entries.length === 0) {
    throw new ImportError('NO_PAPERS', context.fileName, 'no arXiv listing entries found', null)
  }
  const dateFrom = context.dateOverride ?? header.dateFrom
  const dateTo = context.dateOverride ?? header.dateTo ?? dateFrom
  return {
    digest: { title: digestTitle(header.lists, newCategories), dateFrom, dateTo },
    entries,
    warnings
  }
}

function sectionMarker(line: string): Section | null {
  if (line.startsWith('%%%---%%%---')) return 'end'
  if (line.startsWith('%%--%%--')) return 'replaced'
  if (line.startsWith('%-%-%-')) return 'cross'
  return null
}

function startsEntry(lines: string[], i: number): boolean {
  return (lines[i] ?? '').trim() === '\\\\' && ENTRY_ID.test((lines[i + 1] ?? '').trim())
}

function readHeader(lines: string[]): { lists: string[]; dateFrom: string | null; dateTo: string | null } {
  const lists: string[] = []
  let dateFrom: string | null = null
  let dateTo: string | null = null
  for (let i = 0; i < lines.length && !startsEntry(lines, i); i++) {
    const line = lines[i]!.trim()
    const submissions = /^Submissions to:(.*)$/.exec(line)
    if (!submissions) continue
    const names = [submissions[1]!.trim()]
    for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
      const next = lines[j]!.trim()
      const received = /^received from\s+(.*?)\s+to\s+(.*)$/i.exec(next)
      if (received) {
        dateFrom = parseMailDate(received[1]!)
        dateTo = parseMailDate(received[2]!)
        break
      }
      if (RULE.test(next) || startsEntry(lines, j)) break
      names.push(next)
    }
    lists.push(...names.filter((name) => name.length > 0))
    break
  }
  return { lists, dateFrom, dateTo }
}

function digestTitle(lists: string[], newCategories: string[]): string {
  if (lists.length === 1 && CATEGORY_CODE.test(lists[0]!)) return `arXiv ${lists[0]}`
  // A list named in words ("Computation and Language") whose new papers all share one
  // primary category is that category.
  const distinct = new Set(newCategories)
  if (lists.length <= 1 && distinct.size === 1) return `arXiv ${[...distinct][0]}`
  if (lists.length > 0) return `arXiv ${lists.join(', ')}`
  return 'arXiv listing'
}

function readEntry(lines: string[], start: number, section: Section, warnings: ParseWarning[]): EntryScan {
  const idLine = lines[start + 1]!.trim()
  const idMatch = ENTRY_ID.exec(idLine)!
  const parsedId = parseArxivId(idMatch[1]!)
  const crossListed = idMatch[2]!.includes('cross-list')
  const entryLine = start + 2
  if (!parsedId) warnings.push({ line: entryLine, message: `unrecognized arXiv id "${idMatch[1]}"` })

  const fields: Field[] = []
  let i = start + 2
  let closed = false
  let abstractLines: string[] | null = null

  for (; i < lines.length; i++) {
    const line = lines[i]!
    const trimmed = line.trim()
    if (CLOSING.test(trimmed)) {
      closed = true
      i++
      break
    }
    if (trimmed === '\\\\') {
      abstractLines = []
      i++
      break
    }
    if (endsEntryEarly(lines, i)) break
    if (trimmed === '' || /^replaced with revised version/i.test(trimmed)) continue
    const field = INDENTED.test(line) ? null : FIELD.exec(line)
    if (field) fields.push({ name: field[1]!.toLowerCase(), value: field[2]!.trim() })
    else if (fields.length > 0) fields[fields.length - 1]!.value += ` ${trimmed}`
  }

  if (abstractLines) {
    for (; i < lines.length; i++) {
      const line = lines[i]!
      if (CLOSING.test(line.trim())) {
        closed = true
        i++
        break
      }
      if (endsEntryEarly(lines, i)) break
      abstractLines.push(line)
    }
  }

  const label = parsedId ? `arXiv:${parsedId.id}` : idLine
  if (!closed) {
    const where = i >= lines.length ? 'the file ends inside it' : 'it has no closing line'
    warnings.push({ line: entryLine, message: `entry ${label} is incomplete: ${where}` })
  }

  const get = (name: string): string | null => fields.find((field) => field.name === name)?.value ?? null
  const rawTitle = get('title')
  if (!rawTitle) {
    warnings.push({ line: entryLine, message: `entry ${label} has no title; skipped` })
    return { paper: null, category: null, section, next: i }
  }

  const title = convertTex(rawTitle)
  const comments = convertTex(get('comments') ?? '')
  const abstract = abstractLines ? convertTex(abstractLines.join('\n')) : null
  const abstractText = abstract ? collapseWhitespace(abstract.text) : ''
  const doi = normalizeDoi(get('doi'))
  const categories = (get('categories') ?? '').split(/\s+/).filter((c) => c.length > 0)
  const journalRef = get('journal-ref')

  const urls: string[] = []
  if (parsedId) urls.push(`https://arxiv.org/abs/${parsedId.id}`, `https://arxiv.org/pdf/${parsedId.id}`)
  if (doi) urls.push(`https://doi.org/${doi}`)
  urls.push(...title.urls, ...(abstract?.urls ?? []), ...extractUrls(abstractText))
  urls.push(...comments.urls, ...extractUrls(comments.text))

  const dateField = get('date')
  const paper = parsedPaper({
    title: collapseWhitespace(title.text),
    authors: splitAuthors(convertTex(get('authors') ?? '').text),
    abstract: abstractText.length > 0 ? abstractText : null,
    ...arxivFields(parsedId),
    doi,
    links: toLinks(urls),
    // A replacement states only when the new version came, not when the paper did.
    publishedAt: dateField ? parseMailDate(dateField) : null,
    venue: journalRef ? collapseWhitespace(convertTex(journalRef).text) : null,
    ...(categories.length > 0 ? { subjects: categories } : {}),
    line: entryLine
  })
  const inSection: Section = crossListed && section === 'new' ? 'cross' : section
  return { paper, category: categories[0] ?? null, section: inSection, next: i }
}

/** A missing closing line: the next entry, a section line or the end of the listing begins. */
function endsEntryEarly(lines: string[], i: number): boolean {
  const line = lines[i]!
  if (sectionMarker(line)) return true
  return RULE.test(line) && (startsEntry(lines, i + 1) || i + 1 >= lines.length)
}

/** Author lists: affiliations in parentheses dropped, split on commas and "and". */
export function splitAuthors(text: string): string[] {
  let depth = 0
  let from = 0
  const kept: string[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '(') {
      if (depth === 0) kept.push(text.slice(from, i))
      depth++
    } else if (c === ')' && depth > 0) {
      depth--
      if (depth === 0) from = i + 1
    }
  }
  if (depth === 0) kept.push(text.slice(from))
  return collapseWhitespace(kept.join(' '))
    .split(/\s*,\s*|\s+and\s+|^and\s+/)
    .map((name) => name.replace(/^and\s+/, '').trim())
    .filter((name) => name.length > 0)
}

/** "Fri, 29 Dec 2023 00:00:12 GMT" or "Thu 28 Dec 23 19:00:00 GMT" -> 2023-12-29. */
export function parseMailDate(text: string): string | null {
  const match = DAY_MONTH_YEAR.exec(text)
  if (!match) return null
  const month = monthNumber(match[2]!)
  if (month === null) return null
  let year = Number(match[3])
  if (match[3]!.length === 2) year += year >= 90 ? 1900 : 2000
  const day = Number(match[1])
  if (day < 1 || day > 31) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
