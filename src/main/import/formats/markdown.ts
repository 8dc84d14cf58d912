// Markdown digests: papers as headings, as list items, or as table rows.
//
// The file is scanned line by line (no regular expression ever runs over more than one line,
// and none can backtrack badly within one). What counts as a paper, so that badges, tables
// of contents, intro prose and how-to sections do not:
//   a title, plus at least one of: a link to a paper (arXiv, DOI, OpenReview, a PDF, a
//   proceedings page...), an authors line/column, or an explicit abstract (an `Abstract`
//   heading or label, an abstract/summary column, a `<details>` block).
// A heading that is a paper owns every deeper heading below it (its Abstract, its embedded
// summary), so those are never papers themselves. Imported HTML comes out as plain text.
import { parseDate } from '../dates'
import { collapseWhitespace, extractUrls, linkKind, normalizeDoi, parseArxivId, toLinks } from '../normalize'
import { decodeHTML } from 'entities'
import { ImportError } from '../types'
import type { DigestParser, ParseContext, ParsedLink, ParsedPaper, ParseResult, ParseWarning } from '../types'

const MAX_WARNINGS = 200
const DETECT_SCAN = 65_536

export const markdownParser: DigestParser = {
  format: 'markdown',
  label: 'Markdown digest (papers as headings, lists or tables)',
  extensions: ['.md', '.markdown'],
  detect(text, fileName) {
    const head = text.slice(0, DETECT_SCAN)
    const byName = /\.(md|markdown)$/i.test(fileName) ? 0.3 : 0
    let paperLinks = 0
    let fenced = false
    for (const line of head.split('\n', 2000)) {
      if (/^\s{0,3}(`{3,}|~{3,})/.test(line)) fenced = !fenced
      // Only links on structure lines (headings, list items, table rows) count: prose cites papers too.
      if (fenced || !/^\s{0,3}(#{1,6}\s|\||[-*+]\s|\d{1,4}[.)]\s)/.test(line) || !line.includes('](')) continue
      if (linksOf(line.slice(0, 4000)).some((l) => isPaperUrl(l.url))) paperLinks++
    }
    if (paperLinks >= 3) return Math.max(byName, 0.85)
    if (paperLinks >= 1) return Math.max(byName, 0.7)
    if (/^\s*\*\*authors?\*\*\s*:/im.test(head)) return Math.max(byName, 0.6)
    return byName
  },
  parse: parseMarkdown
}

// ---------- the line scanner ----------

interface HeadingEntry {
  level: number
  line: number
  title: string
  paper: ParsedPaper
  /** Evidence that this heading is a paper and not a section. */
  confirmed: boolean
  /** A section heading that already held list papers is never a paper itself. */
  isSection: boolean
  section: 'intro' | 'abstract' | 'other'
  intro: string[][]
  abstract: string[][]
}

interface ListEntry {
  indent: number
  paper: ParsedPaper
  confirmed: boolean
  abstract: string[][]
}

interface Table {
  roles: (ColumnRole | null)[]
  headerLine: number
}

type ColumnRole = 'title' | 'date' | 'authors' | 'link' | 'code' | 'abstract' | 'venue'

export function parseMarkdown(text: string, context: ParseContext): ParseResult {
  return new MarkdownReader(text, context).read()
}

class MarkdownReader {
  private readonly lines: string[]
  private readonly entries: ParsedPaper[] = []
  private readonly warnings: ParseWarning[] = []
  private title: string | null = null
  private readonly updatedOn: string[] = []
  private readonly headingDates: string[] = []
  private readonly columnDates: string[] = []
  private heading: HeadingEntry | null = null
  /** Level of the last heading that was a paper: its siblings are papers or summary sections, never lists of papers. */
  private paperLevel: number | null = null
  private listItem: ListEntry | null = null
  private table: Table | null = null

  constructor(
    text: string,
    private readonly context: ParseContext
  ) {
    this.lines = text.split('\n')
  }

  read(): ParseResult {
    const { lines } = this
    let fence: { marker: string; line: number } | null = null
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!
      const line = i + 1
      const trimmed = raw.trim()
      if (fence) {
        if (trimmed.startsWith(fence.marker)) fence = null
        continue
      }
      const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw)
      if (fenceMatch) {
        fence = { marker: fenceMatch[1]!, line }
        continue
      }
      if (this.table) {
        if (trimmed.includes('|')) {
          this.tableRow(raw, line)
          continue
        }
        this.table = null
      }
      const updated = /\bupdated on:?\s+(\S{8,10})/i.exec(trimmed.slice(0, 200))
      if (updated) {
        const date = dateIn(updated[1]!, this.context.fileModifiedAt, false)
        if (date) this.updatedOn.push(date)
      }
      if (/^<details\b/i.test(trimmed)) {
        const end = /<\/details>/i.test(trimmed) ? i : this.findDetailsEnd(i)
        this.details(lines.slice(i, end + 1).join('\n'))
        i = end
        continue
      }
      const heading = /^\s{0,3}(#{1,6})(?:\s+|$)/.exec(raw)
      if (heading) {
        this.headingLine(heading[1]!.length, stripClosingHashes(raw.slice(heading[0].length)), line)
        continue
      }
      if (trimmed.includes('|') && i + 1 < lines.length && isSeparatorRow(lines[i + 1]!)) {
        this.startTable(raw, line)
        i++
        continue
      }
      if (/^=+$/.test(trimmed) && i > 0 && this.title === null && lines[i - 1]!.trim() !== '') {
        this.title = inlineText(lines[i - 1]!) || null
        continue
      }
      this.bodyLine(raw, trimmed, line)
    }
    if (fence) this.warn(fence.line, 'a code block opened here is never closed; the rest of the file was skipped')
    this.closeList()
    this.closeHeading()
    if (this.entries.length === 0) {
      throw new ImportError(
        'NO_PAPERS',
        this.context.fileName,
        'no papers found: a paper needs a title and a paper link (arXiv, DOI, OpenReview, PDF...), authors or an abstract'
      )
    }
    const dates =
      this.updatedOn.length > 0 ? this.updatedOn : this.headingDates.length > 0 ? this.headingDates : this.columnDates
    const sorted = [...dates].sort()
    const override = this.context.dateOverride
    return {
      digest: {
        title: this.title ?? this.context.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''),
        dateFrom: override ?? sorted[0] ?? null,
        dateTo: override ?? sorted[sorted.length - 1] ?? null
      },
      entries: this.entries,
      warnings: this.warnings
    }
  }

  private warn(line: number, message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push({ line, message })
    else if (this.warnings.length === MAX_WARNINGS)
      this.warnings.push({ line: null, message: 'more warnings were left out' })
  }

  private findDetailsEnd(start: number): number {
    for (let j = start + 1; j < this.lines.length; j++) if (/<\/details>/i.test(this.lines[j]!)) return j
    this.warn(start + 1, 'a <details> block opened here is never closed')
    return this.lines.length - 1
  }

  // ----- headings -----

  private headingLine(level: number, text: string, line: number): void {
    this.closeList()
    const open = this.heading
    if (open && open.confirmed && level > open.level) {
      open.section = /^abstract:?$/i.test(inlineText(text)) ? 'abstract' : 'other'
      return
    }
    if (open && !open.confirmed && level > open.level && /^abstract:?$/i.test(inlineText(text))) {
      open.confirmed = true
      open.section = 'abstract'
      return
    }
    this.closeHeading()
    if (this.paperLevel !== null && level < this.paperLevel) this.paperLevel = null
    const links = linksOf(text)
    const hasPaperLink = links.some((l) => isPaperUrl(l.url))
    if (level === 1 && this.title === null && !hasPaperLink) {
      this.title = inlineText(text) || null
      return
    }
    if (!hasPaperLink) {
      const date = dateIn(text, this.context.fileModifiedAt, true)
      if (date) this.headingDates.push(date)
    }
    const title = titleFrom(text)
    const paper = emptyPaper(title, line)
    addLinks(paper, links)
    this.heading = {
      level,
      line,
      title,
      paper,
      confirmed: hasPaperLink,
      isSection: false,
      section: 'intro',
      intro: [[]],
      abstract: [[]]
    }
  }

  private closeHeading(): void {
    const open = this.heading
    this.heading = null
    if (!open || !open.confirmed || open.isSection) return
    this.paperLevel = open.level
    const abstract = paragraphs(open.abstract) ?? paragraphs(open.intro)
    const paper = open.paper
    if (abstract && !paper.abstract) paper.abstract = abstract
    if (!open.title) {
      this.warn(open.line, 'a heading with paper details but no title was skipped')
      return
    }
    this.finish(paper)
  }

  // ----- body lines: paragraphs, metadata, list items -----

  private bodyLine(raw: string, trimmed: string, line: number): void {
    const item = /^(\s*)(?:[-*+]|\d{1,4}[.)])\s+(.*)$/.exec(raw)
    const indent = raw.length - raw.trimStart().length
    const open = this.listItem
    if (open && trimmed === '') {
      open.abstract.push([])
      return
    }
    // Lines indented under an item belong to it, unless the item is a category and the line a nested item.
    if (open && indent > open.indent && (open.confirmed || !item)) {
      this.listContinuation(item ? item[2]! : trimmed)
      return
    }
    if (item) {
      const content = item[2]!
      const heading = this.heading
      const inPaperSection = heading !== null && this.paperLevel !== null && heading.level >= this.paperLevel
      if (heading && (heading.confirmed || inPaperSection || metadata(content) || isLinkLine(content))) {
        this.headingBody(content, line)
        return
      }
      this.closeList()
      this.startListItem(indent, content, line)
      return
    }
    this.closeList()
    if (this.heading) this.headingBody(trimmed, line)
  }

  private headingBody(text: string, _line: number): void {
    const open = this.heading!
    const paper = open.paper
    const target = open.section === 'abstract' ? open.abstract : open.intro
    if (text === '') {
      if (target[target.length - 1]!.length > 0) target.push([])
      return
    }
    const meta = metadata(text)
    if (meta) {
      if (applyMetadata(paper, meta, this.context.fileModifiedAt)) {
        open.confirmed = true
        if (meta.label === 'abstract') {
          open.section = 'abstract'
          if (meta.value) open.abstract[open.abstract.length - 1]!.push(meta.value)
        }
        return
      }
    }
    const links = linksOf(text)
    if (isLinkLine(text)) {
      addLinks(paper, links)
      if (links.some((l) => isPaperUrl(l.url))) open.confirmed = true
      return
    }
    if (open.section === 'other') return
    const prose = text.replace(/^>\s?/, '')
    if (isBadgeOnly(prose)) return
    target[target.length - 1]!.push(prose)
  }

  private startListItem(indent: number, content: string, line: number): void {
    const links = linksOf(content)
    const title = listTitle(content)
    const paper = emptyPaper(title.text, line)
    addLinks(paper, links)
    const authors = title.rest ? namesIn(title.rest) : null
    if (authors) paper.authors = authors
    const confirmed = links.some((l) => isPaperUrl(l.url))
    this.listItem = { indent, paper, confirmed, abstract: [[]] }
  }

  private listContinuation(text: string): void {
    const item = this.listItem!
    const meta = metadata(text)
    if (meta && applyMetadata(item.paper, meta, this.context.fileModifiedAt)) {
      item.confirmed = true
      if (meta.label === 'abstract' && meta.value) item.abstract[item.abstract.length - 1]!.push(meta.value)
      return
    }
    const links = linksOf(text)
    addLinks(item.paper, links)
    if (links.some((l) => isPaperUrl(l.url))) item.confirmed = true
    if (!isLinkLine(text) && !isBadgeOnly(text))
      item.abstract[item.abstract.length - 1]!.push(text.replace(/^>\s?/, ''))
  }

  private closeList(): void {
    const item = this.listItem
    this.listItem = null
    if (!item || !item.confirmed) return
    if (this.heading && !this.heading.confirmed) this.heading.isSection = true
    const abstract = paragraphs(item.abstract)
    if (abstract && !item.paper.abstract) item.paper.abstract = abstract
    if (!item.paper.title) {
      this.warn(item.paper.line, 'a list item with paper details but no title was skipped')
      return
    }
    this.finish(item.paper)
  }

  private details(html: string): void {
    const { summary, body } = readDetails(html)
    if (!body) return
    const heading = this.heading
    if (this.listItem) {
      this.listItem.abstract.push([body], [])
      this.listItem.confirmed ||= /abstract/i.test(summary)
    } else if (heading && heading.section !== 'other') {
      const isAbstract = /abstract/i.test(summary) || heading.section === 'abstract'
      const target = isAbstract ? heading.abstract : heading.intro
      target.push([body], [])
      heading.confirmed ||= isAbstract
    }
  }

  // ----- tables -----

  private startTable(raw: string, line: number): void {
    this.closeList()
    const roles = splitCells(raw).map((cell) => columnRole(inlineText(cell).toLowerCase()))
    this.table = { roles, headerLine: line }
    if (!roles.includes('title') && roles.some((r) => r !== null))
      this.warn(line, 'a table with paper columns but no title column was skipped')
  }

  private tableRow(raw: string, line: number): void {
    const table = this.table!
    if (!table.roles.includes('title')) return
    const cells = splitCells(raw)
    // Fewer cells than the header is ordinary Markdown; more means something is not where it should be.
    if (cells.length > table.roles.length)
      this.warn(
        line,
        `this row has ${cells.length} cells but the header (line ${table.headerLine}) has ${table.roles.length}`
      )
    const paper = emptyPaper('', line)
    let evidence = false
    cells.forEach((cell, index) => {
      if (cell === '') return
      const role = table.roles[index] ?? null
      const details = cell.includes('<') && /<details\b/i.test(cell) ? readDetails(cell) : null
      const outside = details ? withoutDetails(cell) : cell
      const links = outside.includes('](') || outside.includes('http') ? linksOf(outside) : []
      if (links.length > 0) {
        addLinks(paper, role === 'code' ? links.map((l) => ({ ...l, label: 'code' })) : links)
        if (links.some((l) => isPaperUrl(l.url))) evidence = true
      }
      if (details?.body) {
        paper.abstract ??= details.body
        evidence = true
      }
      switch (role) {
        case 'title':
          paper.title = titleFrom(outside) || (details ? titleFrom(details.summary) : '')
          break
        case 'authors':
          paper.authors = splitAuthors(outside)
          evidence ||= paper.authors.length > 0
          break
        case 'abstract': {
          const value = inlineText(outside)
          if (value) {
            paper.abstract ??= value
            evidence = true
          }
          break
        }
        case 'venue':
          paper.venue = inlineText(outside) || null
          break
        case 'date': {
          const date = dateIn(outside, this.context.fileModifiedAt, false)
          if (date) {
            paper.publishedAt = date
            this.columnDates.push(date)
          }
          break
        }
        case 'link': {
          // An id written as text counts only when no link in the cell already gave one (with its version).
          const id =
            paper.arxivId || links.length > 0
              ? null
              : /^(?:arxiv:)?\s*(\d{4}\.\d{4,5}(?:v\d+)?)$/i.exec(inlineText(outside))
          if (id) setArxiv(paper, id[1]!)
          break
        }
      }
    })
    if (!paper.title) {
      if (evidence) this.warn(line, 'a table row with paper details but no title was skipped')
      return
    }
    if (evidence) this.finish(paper)
  }

  private finish(paper: ParsedPaper): void {
    paper.title = paper.title.trim()
    if (paper.abstract)
      addLinks(
        paper,
        extractUrls(paper.abstract).map((url) => ({ url, label: '' }))
      )
    for (const link of paper.links) {
      const { hostname: host, pathname: path } = new URL(link.url)
      if (
        !paper.arxivId &&
        (/(^|\.)arxiv\.org$/.test(host) ||
          (/(^|\.)(huggingface\.co|alphaxiv\.org)$/.test(host) && /^\/(papers|abs)\//.test(path)))
      )
        setArxiv(paper, path)
      if (!paper.doi && link.kind === 'doi') paper.doi = normalizeDoi(link.url)
    }
    this.entries.push(paper)
  }
}

// ---------- entry helpers ----------

function emptyPaper(title: string, line: number): ParsedPaper {
  return {
    title,
    authors: [],
    abstract: null,
    snippet: null,
    arxivId: null,
    arxivVersion: null,
    doi: null,
    links: [],
    publishedAt: null,
    venue: null,
    line
  }
}

function setArxiv(paper: ParsedPaper, text: string): void {
  const found = parseArxivId(text)
  if (!found) return
  paper.arxivId = found.id
  paper.arxivVersion = found.version
}

function addLinks(paper: ParsedPaper, links: LabelledLink[]): void {
  const seen = new Set(paper.links.map((l) => l.url))
  for (const link of links) {
    for (const parsed of toLinks([link.url])) {
      if (seen.has(parsed.url)) continue
      seen.add(parsed.url)
      paper.links.push(withLabelKind(parsed, link.label))
    }
  }
}

function withLabelKind(link: ParsedLink, label: string): ParsedLink {
  if (link.kind !== 'other') return link
  const key = label.toLowerCase()
  if (key === 'code') return { ...link, kind: 'code' }
  if (/^(project( page)?|website|homepage|home page|page|demo|blog)$/.test(key)) return { ...link, kind: 'project' }
  return link
}

/** collapseWhitespace, skipping the rewrite when the text is already tidy (the common case, by far). */
function tidy(text: string): string {
  return /\s\s|[\t\n\r\f\v\u00a0]|^\s|\s$/.test(text) ? collapseWhitespace(text) : text
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return ''
  }
}

interface Metadata {
  label: 'authors' | 'abstract' | 'snippet' | 'links' | 'doi' | 'venue' | 'date'
  value: string
  raw: string
}

const LABELS: [RegExp, Metadata['label']][] = [
  [/^authors?(\(s\))?$/, 'authors'],
  [/^abstract$/, 'abstract'],
  [/^(tl;?dr|summary|one-?liner|ai summary)$/, 'snippet'],
  [/^(paper|pdf|arxiv|link|links|url|code|github|repo|project|project page|website|homepage|demo)$/, 'links'],
  [/^doi$/, 'doi'],
  [/^(venue|conference|journal|published in|publication)$/, 'venue'],
  [/^(date|published|publish date|submitted|submission date)$/, 'date']
]

/** `**Authors**: A, B`, `- Authors: A`, `**Abstract:** text` -> a known label and its value. */
function metadata(text: string): Metadata | null {
  const stripped = text.replace(/^(\*\*|__|\*|_)/, '')
  const match = /^([A-Za-z][A-Za-z ();/-]{0,24}?)\s*(?:\*\*|__|\*|_)?\s*[:\uff1a]\s*(?:\*\*|__|\*|_)?\s*(.*)$/.exec(
    stripped
  )
  if (!match) return null
  const key = match[1]!.trim().toLowerCase()
  const found = LABELS.find(([pattern]) => pattern.test(key))
  return found ? { label: found[1], value: match[2]!.trim(), raw: text } : null
}

/** Applies a metadata line; true when it is evidence of a paper. */
function applyMetadata(paper: ParsedPaper, meta: Metadata, reference: Date): boolean {
  const value = inlineText(meta.value)
  switch (meta.label) {
    case 'authors':
      paper.authors = splitAuthors(value)
      return paper.authors.length > 0
    case 'abstract':
      return true
    case 'snippet':
      if (value) paper.snippet = value
      return false
    case 'links': {
      const label = /code|github|repo/i.test(meta.raw.slice(0, 30)) ? 'code' : ''
      const links = linksOf(meta.value).map((l) => (label ? { ...l, label } : l))
      addLinks(paper, links)
      return links.some((l) => isPaperUrl(l.url))
    }
    case 'doi':
      paper.doi = normalizeDoi(meta.value)
      if (paper.doi) addLinks(paper, [{ url: `https://doi.org/${paper.doi}`, label: '' }])
      return paper.doi !== null
    case 'venue':
      paper.venue = value || null
      return false
    case 'date':
      paper.publishedAt = dateIn(value, reference, false) ?? paper.publishedAt
      return false
  }
}

function paragraphs(groups: string[][]): string | null {
  const text = groups
    .filter((g) => g.length > 0)
    .map((g) => inlineText(g.join(' ')))
    .filter((p) => p !== '')
    .join('\n\n')
  return text || null
}

// ---------- titles and names ----------

const GENERIC_LABELS = new Set([
  'pdf', 'paper', 'arxiv', 'abs', 'abstract', 'code', 'github', 'project', 'project page', 'page', 'website',
  'homepage', 'link', 'html', 'demo', 'video', 'slides', 'poster', 'blog', 'dataset', 'data', 'hf', 'huggingface',
  'hugging face', 'model', 'models', 'openreview', 'doi', 'bib', 'bibtex', 'citation', 'official', 'repo', 'web'
]) // prettier-ignore

function isGenericLabel(label: string): boolean {
  const key = label
    .toLowerCase()
    .replace(/[[\]()|:]/g, '')
    .trim()
  return key === '' || GENERIC_LABELS.has(key)
}

/** A heading or cell as a title: numbering, badges and [PDF]/[Code] links dropped. */
function titleFrom(text: string): string {
  return inlineText(text, true)
    .replace(/^\d{1,4}[.)]\s+/, '')
    .replace(/(\s*[|,;·•\-–—]\s*|\s*\[\s*\]\s*|\s*\(\s*\)\s*)+$/, '')
    .replace(/^[|,;·•\-–—\s]+/, '')
    .trim()
}

/** `[Title](url) - A. Author, B. Author` / `**Title** ...` -> the title and what follows it. */
function listTitle(content: string): { text: string; rest: string } {
  const leading = /^(\*\*|__)?\[/.test(content) ? linksOf(content)[0] : undefined
  if (leading && leading.start <= 2) {
    let end = leading.end
    if (content.slice(end, end + 2) === '**' || content.slice(end, end + 2) === '__') end += 2
    return { text: titleFrom(leading.text), rest: content.slice(end) }
  }
  const bold = /^(\*\*|__)(.+?)\1/.exec(content.slice(0, 2000))
  if (bold) return { text: titleFrom(bold[2]!), rest: content.slice(bold[0].length) }
  const cut = content.search(/\s[-–—]\s|\[|\(http/)
  return cut > 0
    ? { text: titleFrom(content.slice(0, cut)), rest: content.slice(cut) }
    : { text: titleFrom(content), rest: '' }
}

/** Authors after a list title, only when the text reads like a list of names. */
function namesIn(rest: string): string[] | null {
  let text = inlineText(rest, true).replace(/^[\s\-–—:,.]+/, '')
  text = text.replace(/^by\s+/i, '')
  const cut = text.search(/[([]|\s[-–—|]\s|\.\s|\d{4}/)
  if (cut >= 0) text = text.slice(0, cut)
  const names = splitAuthors(text)
  if (names.length === 0) return null
  const looksLikeName = (name: string): boolean =>
    name.length <= 50 && !/\d/.test(name) && name.split(/\s+/).length <= 6 && /^\p{Lu}/u.test(name)
  return names.every(looksLikeName) ? names : null
}

function splitAuthors(text: string): string[] {
  return inlineText(text)
    .replace(/\bet\.?\s*al\.?/gi, '')
    .replace(/\([^()]{0,200}\)/g, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((name) => name.replace(/[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '').trim())
    .filter((name) => name !== '' && !/^(null|n\/a|-)$/i.test(name))
}

// ---------- dates ----------

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?'
const DOTTED = /\b(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b/
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'i')
const DAY_FIRST = new RegExp(`\\b\\d{1,2}\\s+${MONTH}(?:,?\\s+\\d{4})?\\b`, 'i')

/** A date inside a short text; dates without a year only when `allowYearless`. */
function dateIn(text: string, reference: Date, allowYearless: boolean): string | null {
  const sample = text.slice(0, 200)
  const dotted = DOTTED.exec(sample)
  if (dotted) return parseDate(`${dotted[1]}-${dotted[2]!.padStart(2, '0')}-${dotted[3]!.padStart(2, '0')}`, reference)
  for (const pattern of [MONTH_FIRST, DAY_FIRST]) {
    const match = pattern.exec(sample)
    if (match && (allowYearless || /\d{4}/.test(match[0]))) {
      const date = parseDate(match[0], reference)
      if (date) return date
    }
  }
  return null
}

// ---------- tables ----------

/** Cells of a table row; `\\|` is a pipe inside a cell. */
function splitCells(row: string): string[] {
  let text = row.trim()
  if (text.startsWith('|')) text = text.slice(1)
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1)
  const cells: string[] = []
  let start = 0
  let escaped = false
  for (let bar = text.indexOf('|'); bar >= 0; bar = text.indexOf('|', bar + 1)) {
    if (bar > 0 && text[bar - 1] === '\\') {
      escaped = true
      continue
    }
    cells.push(text.slice(start, bar))
    start = bar + 1
  }
  cells.push(text.slice(start))
  return cells.map((cell) => (escaped ? cell.replaceAll('\\|', '|') : cell).trim())
}

function isSeparatorRow(line: string): boolean {
  if (!line.includes('-')) return false
  const cells = splitCells(line)
  return cells.length > 0 && cells.every((cell) => /^:?-{1,}:?$/.test(cell))
}

function columnRole(name: string): ColumnRole | null {
  if (/^(title|paper|papers|paper title|name|paper name)$/.test(name)) return 'title'
  if (/author/.test(name)) return 'authors'
  if (/date|published|updated|^day$|^time$/.test(name)) return 'date'
  if (/code|github|repo|implementation/.test(name)) return 'code'
  if (/^(abstract|summary|tl;?dr)$/.test(name)) return 'abstract'
  if (/venue|conference|journal|publication/.test(name)) return 'venue'
  if (/^(pdf|link|links|url|arxiv|arxiv id|id|paper link|abs|doi)$/.test(name)) return 'link'
  return null
}

/** The cell without its `<details>...</details>` blocks (searched forward only: linear). */
function withoutDetails(cell: string): string {
  let out = ''
  let at = 0
  for (;;) {
    const open = indexOfTag(cell, DETAILS_OPEN, at)
    if (open < 0) break
    out += cell.slice(at, open)
    const close = indexOfTag(cell, DETAILS_CLOSE, open)
    if (close < 0) return out
    at = close + '</details>'.length
  }
  return out + cell.slice(at)
}

/** `<details><summary>S</summary>body</details>` -> the summary and the body as plain text. */
function readDetails(html: string): { summary: string; body: string } {
  const open = indexOfTag(html, SUMMARY_OPEN, 0)
  const close = open < 0 ? -1 : indexOfTag(html, SUMMARY_CLOSE, open)
  if (open < 0 || close < 0) return { summary: '', body: fragmentText(html) }
  return {
    summary: tidy(fragmentText(html.slice(open, close))),
    body: fragmentText(html.slice(0, open) + html.slice(close + '</summary>'.length))
  }
}

const DETAILS_OPEN = /<details\b/gi
const DETAILS_CLOSE = /<\/details>/gi
const SUMMARY_OPEN = /<summary\b/gi
const SUMMARY_CLOSE = /<\/summary>/gi

/** Index of a tag at or after `from`, case-insensitive, without copying the text. */
function indexOfTag(text: string, pattern: RegExp, from: number): number {
  pattern.lastIndex = from
  const match = pattern.exec(text)
  return match ? match.index : -1
}

// ---------- HTML fragments ----------

// Markdown digests embed small HTML fragments by the thousand (one per table row). A DOM per
// fragment costs too much for a 10 MB digest and hostile nesting makes tree builders slow, so
// fragments become text in one linear pass instead: tags removed, unsafe elements dropped
// with their content, entities decoded. The output is text only, never markup.
const DROPPED_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'head',
  'title',
  'textarea'
])
const PARAGRAPH_ELEMENTS = new Set([
  'p',
  'details',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article'
])
const LINE_ELEMENTS = new Set(['br', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'summary', 'dt', 'dd', 'hr'])
// `[^<>]*` stops at the next `<`, so no start position is rescanned: linear.
const TAG_OR_COMMENT = /<!--|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>|<![^<>]*>/g

/** Plain text of an HTML fragment, paragraphs apart by a blank line. */
export function fragmentText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return tidy(html)
  const parts: string[] = []
  let at = 0
  TAG_OR_COMMENT.lastIndex = 0
  for (let match = TAG_OR_COMMENT.exec(html); match; match = TAG_OR_COMMENT.exec(html)) {
    parts.push(html.slice(at, match.index))
    at = TAG_OR_COMMENT.lastIndex
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', at)
      at = end < 0 ? html.length : end + 3
    } else if (match[2]) {
      const name = match[2].toLowerCase()
      if (!match[1] && DROPPED_ELEMENTS.has(name)) {
        const closing = new RegExp(`</${name}\\s*>`, 'gi')
        closing.lastIndex = at
        const end = closing.exec(html)
        at = end ? closing.lastIndex : html.length
      } else if (PARAGRAPH_ELEMENTS.has(name)) parts.push('\n\n')
      else if (LINE_ELEMENTS.has(name)) parts.push('\n')
    }
    TAG_OR_COMMENT.lastIndex = at
  }
  parts.push(html.slice(at))
  const text = parts.join('')
  return (text.includes('&') ? decodeHTML(text) : text)
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((paragraph) => tidy(paragraph))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n')
}

// ---------- inline Markdown ----------

interface LabelledLink {
  url: string
  label: string
}

interface InlineLink extends LabelledLink {
  text: string
  start: number
  end: number
  image: boolean
}

const MAX_URL = 2048
const MAX_BRACKET_DEPTH = 256

/**
 * Every `[text](url)` and `![alt](src)` in a line, found in one pass: brackets are matched with a
 * stack, and the closing parenthesis is looked up with a forward-only cursor, so a hostile
 * line of brackets costs linear time.
 */
function scanLinks(text: string): InlineLink[] {
  const links: InlineLink[] = []
  const opens: number[] = []
  let nextClose = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 92 /* \ */) {
      i++
    } else if (c === 91 /* [ */) {
      if (opens.length < MAX_BRACKET_DEPTH) opens.push(i)
    } else if (c === 93 /* ] */ && opens.length > 0) {
      const open = opens.pop()!
      if (text.charCodeAt(i + 1) !== 40 /* ( */) continue
      if (nextClose < i + 2) nextClose = text.indexOf(')', i + 2)
      if (nextClose < 0) {
        nextClose = text.length
        continue
      }
      if (nextClose >= text.length) continue
      let close = nextClose
      const target = text.slice(i + 2, close)
      if (target.length > MAX_URL) continue
      if (count(target, '(') > 0 && text[close + 1] === ')') close++
      const url = (
        text
          .slice(i + 2, close)
          .trim()
          .split(/\s+/)[0] ?? ''
      ).replace(/^<|>$/g, '')
      const image = open > 0 && text[open - 1] === '!'
      const inner = text.slice(open + 1, i)
      const alt = /^!\[([^\]]*)\]/.exec(inner)
      links.push({
        text: inner,
        url,
        // A cheap label (no nested parsing): enough to tell "[PDF]" or "[Code]" from a title.
        label: (alt ? alt[1]! : inner).replace(/[*_`]/g, '').trim(),
        start: image ? open - 1 : open,
        end: close + 1,
        image
      })
      i = close
    }
  }
  return links.sort((a, b) => a.start - b.start)
}

function count(text: string, char: string): number {
  let n = 0
  for (const c of text) if (c === char) n++
  return n
}

/** Links a reader can follow (not badge images), plus bare URLs in the text around them. */
function linksOf(text: string): InlineLink[] {
  const all = scanLinks(text)
  const found = all.filter((l) => !l.image)
  if (!text.includes('http')) return found
  const outside: string[] = []
  let at = 0
  for (const link of all) {
    if (link.start < at) continue
    outside.push(text.slice(at, link.start))
    at = link.end
  }
  outside.push(text.slice(at))
  const bare = extractUrls(outside.join(' ')).map((url) => ({
    url,
    label: '',
    text: url,
    start: -1,
    end: -1,
    image: false
  }))
  return [...found, ...bare]
}

/** Markdown inline text to plain text: links become their text, images vanish, HTML becomes text. */
function inlineText(text: string, dropGenericLinks = false): string {
  const parts: string[] = []
  let at = 0
  for (const link of scanLinks(text)) {
    if (link.start < at) continue
    parts.push(text.slice(at, link.start))
    if (!link.image && !(dropGenericLinks && isGenericLabel(link.label))) parts.push(inlineText(link.text))
    at = link.end
  }
  parts.push(text.slice(at))
  const plain = parts
    .join('')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|[\s(])[*_](?=\S)/g, '$1')
    .replace(/(\S)[*_](?=$|[\s).,;:!?])/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
  return tidy(/[<&]/.test(plain) ? fragmentText(plain) : plain)
}

/** A line of links labelled "PDF", "Code", "arXiv"... (or bare URLs): details of the paper above it. */
function isLinkLine(text: string): boolean {
  const links = scanLinks(text)
  if (links.length === 0 && !/https?:\/\//.test(text)) return false
  if (links.some((l) => !l.image && !isGenericLabel(l.label))) return false
  let rest = ''
  let at = 0
  for (const link of links) {
    if (link.start < at) continue
    rest += text.slice(at, link.start) + ' '
    at = link.end
  }
  rest = (rest + text.slice(at)).replace(/https?:\/\/\S+/g, '')
  return !/\p{L}{3,}/u.test(rest.replace(/\b(pdf|code|paper|project|arxiv|link|and|or)\b/gi, ''))
}

function isBadgeOnly(text: string): boolean {
  return text !== '' && scanLinks(text).length > 0 && inlineText(text) === ''
}

function stripClosingHashes(text: string): string {
  let end = text.length
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  let hashes = end
  while (hashes > 0 && text[hashes - 1] === '#') hashes--
  if (hashes < end && (hashes === 0 || text[hashes - 1] === ' ')) end = hashes
  return text.slice(0, end).trim()
}

const PAPER_HOSTS = [
  /(^|\.)openreview\.net$/,
  /(^|\.)aclanthology\.org$/,
  /(^|\.)semanticscholar\.org$/,
  /^(papers\.nips\.cc|proceedings\.neurips\.cc|openaccess\.thecvf\.com|proceedings\.mlr\.press|ojs\.aaai\.org)$/,
  /(^|\.)(ieeexplore\.ieee\.org|link\.springer\.com|nature\.com|biorxiv\.org|medrxiv\.org|jmlr\.org|ijcai\.org)$/,
  /(^|\.)(sciencedirect\.com|researchgate\.net|pubmed\.ncbi\.nlm\.nih\.gov|paperswithcode\.com|alphaxiv\.org)$/
]

/** A link to a paper itself (not a repository, a badge or a home page). */
export function isPaperUrl(url: string): boolean {
  const kind = linkKind(url)
  if (kind === 'abs' || kind === 'pdf' || kind === 'doi') return true
  const host = hostOf(url)
  if (host === '') return false
  if (/(^|\.)arxiv\.org$/.test(host)) return parseArxivId(url) !== null
  if (host === 'dl.acm.org') return url.includes('/doi/')
  return PAPER_HOSTS.some((pattern) => pattern.test(host))
}
