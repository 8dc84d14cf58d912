// The line scanner: walks the file once, keeping the heading, list item and table open at each
// line, and hands finished papers to the entries list.
import type { DigestMeta, ParseContext, ParsedPaper, ParseResult, ParseStream, ParseWarning } from '../../types'
import { collectStream, paperStream } from '../../stream'
import { dateIn } from './dates'
import { atxHeading, confirmByProseLink, headingAbstract, headingBody, type HeadingEntry } from './headings'
import { readDetails } from './html-fragments'
import { inlineText, isLinkLine, linksOf } from './inline'
import { listContinuation, listItemContent, startListItem, type ListEntry } from './lists'
import { metadata, paragraphs } from './metadata'
import { addLinks, completePaper, isPaperUrl } from './paper-rules'
import { hasTitleColumn, isSeparatorRow, lacksTitleColumn, readTableRow, tableHeader, type Table } from './tables'
import { titleFrom } from './titles'
import { titleFromFileName } from '../../normalize'
import { parsedPaper } from '../../paper'

const MAX_WARNINGS = 200
const FENCE = /^\s{0,3}(`{3,}|~{3,})/

const NO_PAPERS =
  'no papers found: a paper needs a title and a paper link (arXiv, DOI, OpenReview, PDF...), authors or an abstract'

export function parseMarkdown(text: string, context: ParseContext): ParseResult {
  return collectStream(streamMarkdown(text, context), context.fileName)
}

/** Papers as the scan finishes them; the digest's dates are known once the scan is done. */
export function streamMarkdown(text: string, context: ParseContext): ParseStream {
  const reader = new MarkdownReader(text, context)
  return paperStream(reader.papers(), () => reader.result(), NO_PAPERS)
}

class MarkdownReader {
  private readonly lines: string[]
  /** Papers finished and not yet handed over. */
  private entries: ParsedPaper[] = []
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

  *papers(): Generator<ParsedPaper> {
    const { lines } = this
    let fence: { marker: string; line: number } | null = null
    for (let i = 0; i < lines.length; i++) {
      if (this.entries.length > 0) yield* this.handOver()
      const raw = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!
      const line = i + 1
      const trimmed = raw.trim()
      if (fence) {
        if (trimmed.startsWith(fence.marker)) fence = null
        continue
      }
      const fenceMatch = FENCE.exec(raw)
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
      const heading = atxHeading(raw)
      if (heading) {
        this.headingLine(heading.level, heading.text, line)
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
    yield* this.handOver()
  }

  private handOver(): ParsedPaper[] {
    const finished = this.entries
    this.entries = []
    return finished
  }

  /** The digest (its title and the dates the file names) and the warnings, as far as the scan got. */
  result(): { digest: DigestMeta; warnings: ParseWarning[] } {
    const dates =
      this.updatedOn.length > 0 ? this.updatedOn : this.headingDates.length > 0 ? this.headingDates : this.columnDates
    let from: string | null = null
    let to: string | null = null
    for (const date of dates) {
      if (from === null || date < from) from = date
      if (to === null || date > to) to = date
    }
    const override = this.context.dateOverride
    return {
      digest: {
        title: this.title ?? titleFromFileName(this.context.fileName, ''),
        dateFrom: override ?? from,
        dateTo: override ?? to
      },
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
      const date = dateIn(text, this.context.fileModifiedAt, false)
      if (date) this.headingDates.push(date)
      return
    }
    if (!hasPaperLink) {
      const date = dateIn(text, this.context.fileModifiedAt, true)
      if (date) this.headingDates.push(date)
    }
    const title = titleFrom(text)
    const paper = parsedPaper({ title, line })
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
      abstract: [[]],
      proseLinks: [],
      endsWithPaperLink: false
    }
  }

  private closeHeading(): void {
    const open = this.heading
    this.heading = null
    if (!open) return
    const bySummaryLink = confirmByProseLink(open)
    if (!open.confirmed || open.isSection) return
    this.paperLevel = open.level
    const abstract = bySummaryLink ? null : headingAbstract(open)
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
    const content = listItemContent(raw)
    const indent = raw.length - raw.trimStart().length
    const open = this.listItem
    if (open && trimmed === '') {
      open.abstract.push([])
      return
    }
    // Lines indented under an item belong to it, unless the item is a category and the line a nested item.
    if (open && indent > open.indent && (open.confirmed || content === null)) {
      listContinuation(open, content ?? trimmed, this.context.fileModifiedAt)
      return
    }
    if (content !== null) {
      const heading = this.heading
      const inPaperSection = heading !== null && this.paperLevel !== null && heading.level >= this.paperLevel
      if (heading && (heading.confirmed || inPaperSection || metadata(content) || isLinkLine(content))) {
        headingBody(heading, content, this.context.fileModifiedAt)
        return
      }
      this.closeList()
      this.listItem = startListItem(indent, content, line)
      return
    }
    this.closeList()
    if (this.heading) headingBody(this.heading, trimmed, this.context.fileModifiedAt)
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
    this.table = tableHeader(raw, line)
    if (lacksTitleColumn(this.table)) this.warn(line, 'a table with paper columns but no title column was skipped')
  }

  private tableRow(raw: string, line: number): void {
    const table = this.table!
    if (!hasTitleColumn(table)) return
    const row = readTableRow(table, raw, line, this.context.fileModifiedAt)
    for (const warning of row.warnings) this.warn(line, warning)
    this.columnDates.push(...row.dates)
    if (row.paper) this.finish(row.paper)
  }

  private finish(paper: ParsedPaper): void {
    this.entries.push(completePaper(paper))
  }
}
