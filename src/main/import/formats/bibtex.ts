// BibTeX (and biblatex) bibliographies: the scanner (bibtex-scanner.ts) hands over entries one
// at a time and each becomes a paper as it comes, so a large bibliography is written in batches
// rather than held whole. A `crossref` needs its parent, which BibTeX puts after its children:
// a file with crossrefs is scanned once first to keep only the entries they name.
import { monthNumber, partialDate } from '../dates'
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
import type { DigestParser, ParseContext, ParsedPaper, ParseResult, ParseStream, ParseWarning } from '../types'
import { arxivFields, parsedPaper } from '../paper'
import { ExpansionBudget, ExpansionLimit } from '../expansion-budget'
import { collectStream, paperStream } from '../stream'
import { BibScanner, type RawEntry } from './bibtex-scanner'

const SCAN_LIMIT = 65_536
const ENTRY_START = /(?:^|\n)[ \t]*@([A-Za-z]{2,40})[ \t]*[{(]/g
const CROSSREF_FIELD = /\bcrossref\s*=\s*(?:\{\s*([^{}\n]{1,200}?)\s*\}|"\s*([^"\n]{1,200}?)\s*"|([\w:.+/-]{1,200}))/gi

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
  parse: parseBibtex,
  stream: streamBibtex
}

export function parseBibtex(text: string, context: ParseContext): ParseResult {
  return collectStream(streamBibtex(text, context), context.fileName)
}

export function streamBibtex(text: string, context: ParseContext): ParseStream {
  const warnings: ParseWarning[] = []
  // A bibliography is not dated like a daily list; only the user's date applies.
  const digest = {
    title: titleFromFileName(context.fileName, 'BibTeX bibliography'),
    dateFrom: context.dateOverride,
    dateTo: context.dateOverride
  }
  return paperStream(
    namingExpansionLimits(bibtexPapers(text, warnings), context.fileName),
    () => ({ digest, warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }),
    'no BibTeX entries with a title found'
  )
}

function* namingExpansionLimits<T>(items: Iterable<T>, fileName: string): Generator<T> {
  try {
    yield* items
  } catch (error) {
    if (error instanceof ExpansionLimit) throw new ImportError('TOO_LARGE', fileName, error.message, error.line)
    throw error
  }
}

/** Lower-cased keys that some entry's `crossref` names, found without expanding anything. */
function crossrefKeys(text: string): Set<string> {
  const keys = new Set<string>()
  if (!/crossref/i.test(text)) return keys
  for (const match of text.matchAll(CROSSREF_FIELD)) keys.add((match[1] ?? match[2] ?? match[3]!).toLowerCase())
  return keys
}

/** The entries crossrefs name, by lower-cased key (the first of a repeated key). */
function crossrefParents(text: string, keys: Set<string>): Map<string, RawEntry> {
  const parents = new Map<string, RawEntry>()
  if (keys.size === 0) return parents
  for (const entry of new BibScanner(text, new ExpansionBudget(text.length)).entries()) {
    const key = entry.key.toLowerCase()
    if (keys.has(key) && !parents.has(key)) parents.set(key, entry)
  }
  return parents
}

function* bibtexPapers(text: string, warnings: ParseWarning[]): Generator<ParsedPaper> {
  const budget = new ExpansionBudget(text.length)
  const parents = crossrefParents(text, crossrefKeys(text))
  const scanner = new BibScanner(text, budget)
  const firstLineOfKey = new Map<string, number>()
  for (const entry of scanner.entries()) {
    const key = entry.key.toLowerCase()
    const earlier = firstLineOfKey.get(key)
    if (earlier === undefined) firstLineOfKey.set(key, entry.line)
    else
      warnings.push({
        line: entry.line,
        message: `duplicate key "${entry.key}" (also at line ${earlier}); both entries kept`
      })
    inheritCrossref(entry, parents, warnings, budget)
    // A book or proceedings that others crossref is listed as a paper of its own too.
    const paper = toPaper(entry)
    if (paper) yield paper
    else warnings.push({ line: entry.line, message: `entry "${entry.key}" has no title; skipped` })
    // The scanner's warnings so far (they come in file order, entry by entry).
    if (scanner.warnings.length > 0) warnings.push(...scanner.warnings.splice(0))
  }
  warnings.push(...scanner.warnings.splice(0))
}

/** Like BibTeX: missing fields come from the parent; its title names the book or proceedings. */
function inheritCrossref(
  entry: RawEntry,
  parents: Map<string, RawEntry>,
  warnings: ParseWarning[],
  budget: ExpansionBudget
): void {
  const ref = entry.fields.get('crossref')
  if (!ref) return
  const parent = parents.get(ref.trim().toLowerCase())
  if (!parent || parent.line === entry.line) {
    warnings.push({ line: entry.line, message: `crossref "${ref}" of "${entry.key}" is not in the file` })
    return
  }
  for (const [name, value] of parent.fields) {
    if (name === 'title' || name === 'crossref' || name === 'ids' || name === 'keywords' || name === 'groups') continue
    if (entry.fields.has(name)) continue
    budget.spend(value.length, `the crossref "${ref}" of "${entry.key}"`, entry.line)
    entry.fields.set(name, value)
  }
  const parentTitle = parent.fields.get('title')
  if (parentTitle && !entry.fields.has('booktitle')) entry.fields.set('booktitle', parentTitle)
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
  const subjects = labelList(get('keywords'))
  if (subjects.length > 0) paper.subjects = subjects
  const groups = labelList(get('groups'))
  if (groups.length > 0) paper.groups = groups
  const readStatus = get('readstatus')?.trim().toLowerCase()
  if (readStatus === 'read') paper.readHint = true
  if (get('ranking')?.trim().toLowerCase() === 'rank5' || get('priority')?.trim().toLowerCase() === 'prio1') {
    paper.starHint = true
  }
  return paper
}

/** `keywords = {sparse attention; graphs, {Kettle, Inc.}}`: JabRef separates by comma or semicolon. */
function labelList(value: string | null): string[] {
  if (!value) return []
  const labels: string[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i <= value.length; i++) {
    const c = value[i]
    if (c === '{') depth++
    else if (c === '}') depth = Math.max(0, depth - 1)
    else if (c === undefined || (depth === 0 && (c === ',' || c === ';'))) {
      const label = collapseWhitespace(texToUnicode(value.slice(from, i)))
      if (label !== '') labels.push(label)
      from = i + 1
    }
  }
  return labels
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
