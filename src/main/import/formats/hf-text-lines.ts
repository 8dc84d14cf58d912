// The first pass over the Hugging Face page's text: every line classified (page chrome, upvote
// count, "Submitted by", meta lines, star counts, "Code:" lines) and text lines gathered into
// paragraphs. hf-text.ts places the paragraphs into papers.
import type { LinkKind } from '../../../shared/model'
import { parseDate } from '../dates'
import { collapseWhitespace, isHttpUrl } from '../normalize'
// Lines the page shows around the list, compared lower-cased with white space folded.
export const CHROME = new Set([
  'new',
  'upvote',
  'upvotes',
  'subscribe',
  'get trending papers in your email inbox!',
  'get trending papers in your email inbox once a day!',
  'byak and the research community',
  'by ak and the research community',
  'daily papers',
  'trending papers',
  'daily weekly monthly',
  'daily',
  'weekly',
  'monthly'
])
/** The first two characters of each CHROME line, to pass over most lines without folding them. */
const CHROME_STARTS = new Set([...CHROME].map((line) => line.slice(0, 2)))

/**
 * A trimmed line as CHROME lists it (lower-cased, white space folded), or '' for a line that
 * cannot be chrome. Most lines are told apart by their first two characters alone, when
 * those are ASCII (whose lower case and folding are known without the whole line).
 */
export function chromeKey(trimmed: string): string {
  if (trimmed.length >= 80) return ''
  const start = asciiKey(trimmed.charCodeAt(0), trimmed.charCodeAt(1))
  if (start !== null && !CHROME_STARTS.has(start)) return ''
  return collapseWhitespace(trimmed).toLowerCase()
}

/** Two characters lower-cased, white space as one space; null when either is not ASCII. */
function asciiKey(first: number, second: number): string | null {
  if (!(first < 128 && second < 128)) return null
  return String.fromCharCode(foldAscii(first), foldAscii(second))
}

function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c | 0x20 : c === 32 || (c >= 9 && c <= 13) ? 32 : c
}

export const STRONG_CHROME = [
  'get trending papers in your email inbox',
  'byak and the research community',
  'by ak and the research community',
  'daily papers',
  'trending papers'
]

export interface SourceLine {
  text: string
  line: number
}

export type Token =
  | { kind: 'para'; lines: SourceLine[] }
  | { kind: 'upvotes'; line: number }
  | { kind: 'submitted'; line: number }
  | { kind: 'link'; line: number; url: string; linkKind: LinkKind }
  | { kind: 'authors'; line: number; names: string[] }
  | { kind: 'meta'; line: number; text: string; date: string | null }
  | { kind: 'stars'; line: number }

// All anchored, no nested quantifiers: safe on a 20 MB line.
export const UPVOTES = /^(?:\d[\d,]*(?:\.\d+)?k?|-)$/i
export const SUBMITTED = /^submitted\s*by\b\s*(.*)$/i
const LABELLED_LINK = /^(code|github|repo|repository|project page|project|website)\s*:\s*(\S+)$/i
const AUTHORS_LINE = /^authors?\s*:\s*(.+)$/i
export const STARS = /^(?:[★⭐☆]\s*\d[\d,]*(?:\.\d+)?k?|\d[\d,]*(?:\.\d+)?k?\s+(?:github\s+)?stars?)$/iu
const AUTHOR_COUNT = /^\d[\d,]*\s+authors?$/i
const COMMENT_COUNT = /^(?:\d[\d,]*|no)\s+comments?$/i
const PUBLISHED = /^(?:published|submitted)\s+on\s+(.+)$/i
const YEAR = /^(?:19|20)\d{2}$/
const META_SEPARATOR = /[·•]/

export function* scanLines(lines: readonly string[], reference: Date): Generator<Token> {
  // The paragraph is handed over inline at each break (a nested generator per blank line costs
  // more than the line).
  let paragraph: SourceLine[] = []
  for (let index = 0; index < lines.length; index++) {
    const trimmed = lines[index]!.trim()
    const line = index + 1
    // Blank lines and page chrome end a paragraph and are dropped.
    const isBreak = trimmed === '' || CHROME.has(chromeKey(trimmed))
    const token = isBreak ? null : classify(trimmed, line, reference)
    if (!isBreak && token === null) {
      paragraph.push({ text: trimmed, line })
      continue
    }
    if (paragraph.length > 0) {
      yield { kind: 'para', lines: paragraph }
      paragraph = []
    }
    if (token === null) continue
    yield token
    // "Submitted by" sometimes loses its name to the next line when copied.
    if (token.kind === 'submitted' && SUBMITTED.exec(trimmed)![1] === '') {
      const next = lines[index + 1]?.trim() ?? ''
      if (next !== '' && next.length <= 60 && !next.includes(' ')) index++
    }
  }
  if (paragraph.length > 0) yield { kind: 'para', lines: paragraph }
}

function classify(text: string, line: number, reference: Date): Token | null {
  if (text.length > 400) return null
  if (UPVOTES.test(text)) return { kind: 'upvotes', line }
  if (SUBMITTED.test(text)) return { kind: 'submitted', line }
  if (STARS.test(text)) return { kind: 'stars', line }
  const labelled = LABELLED_LINK.exec(text)
  if (labelled && isHttpUrl(labelled[2]!)) {
    const label = labelled[1]!.toLowerCase()
    const linkKind: LinkKind = label.startsWith('project') || label === 'website' ? 'project' : 'code'
    return { kind: 'link', line, url: labelled[2]!, linkKind }
  }
  const authors = AUTHORS_LINE.exec(text)
  if (authors) return { kind: 'authors', line, names: splitAuthors(authors[1]!) }
  return classifyMeta(text, line, reference)
}

/** "· Mar 12 · 3 comments", "12 authors", "Published on Mar 12", a lone "·" or a lone date. */
function classifyMeta(text: string, line: number, reference: Date): Token | null {
  if (META_SEPARATOR.test(text)) {
    const parts = text
      .split(META_SEPARATOR)
      .map((part) => part.trim())
      .filter((part) => part !== '')
    if (parts.length === 0) return { kind: 'meta', line, text, date: null }
    const facts = parts.map((part) => metaFact(part, reference))
    // One recognised fact is enough: the other parts are organisation names.
    if (!facts.some((fact) => fact !== null)) return null
    const date = facts.find((fact) => fact !== null && fact.date !== null)?.date ?? null
    return { kind: 'meta', line, text, date }
  }
  const fact = metaFact(text, reference)
  return fact === null ? null : { kind: 'meta', line, text, date: fact.date }
}

function metaFact(part: string, reference: Date): { date: string | null } | null {
  if (AUTHOR_COUNT.test(part) || COMMENT_COUNT.test(part) || STARS.test(part) || YEAR.test(part)) return { date: null }
  const published = PUBLISHED.exec(part)
  const date = parseDate(published ? published[1]! : part, reference)
  return date === null ? null : { date }
}

export function splitAuthors(text: string): string[] {
  return text
    .split(/,|\band\b|&/)
    .map((name) => collapseWhitespace(name))
    .filter((name) => name !== '')
}
