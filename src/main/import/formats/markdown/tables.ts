// Papers as table rows: the header names what each column holds, each row is one paper.
import type { ParsedPaper } from '../../types'
import { dateIn } from './dates'
import { readDetails, withoutDetails } from './html-fragments'
import { inlineText, linksOf } from './inline'
import { addLinks, isPaperUrl, setArxiv } from './paper-rules'
import { splitAuthors, titleFrom } from './titles'
import { parsedPaper } from '../../paper'

type ColumnRole = 'title' | 'date' | 'authors' | 'link' | 'code' | 'abstract' | 'venue'

export interface Table {
  roles: (ColumnRole | null)[]
  headerLine: number
}

export interface TableRow {
  /** The row's paper when it has a title and evidence of being a paper. */
  paper: ParsedPaper | null
  /** The dates in its date columns, which date the digest when nothing else does. */
  dates: string[]
  warnings: string[]
}

/** Cells of a table row; `\\|` is a pipe inside a cell. */
export function splitCells(row: string): string[] {
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
  for (let i = 0; i < cells.length; i++) cells[i] = (escaped ? cells[i]!.replaceAll('\\|', '|') : cells[i]!).trim()
  return cells
}

export function isSeparatorRow(line: string): boolean {
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

const STRONG_TITLE_NAMES = new Set(['title', 'paper title', 'name', 'paper name'])

export function tableHeader(raw: string, line: number): Table {
  const names = splitCells(raw).map((cell) => inlineText(cell).toLowerCase())
  // "Paper" names the title column only when nothing else does; beside a "Title" column it holds the link.
  const titled = names.some((name) => STRONG_TITLE_NAMES.has(name))
  const roles = names.map((name) => (titled && /^papers?$/.test(name) ? 'link' : columnRole(name)))
  return { roles, headerLine: line }
}

export function hasTitleColumn(table: Table): boolean {
  return table.roles.includes('title')
}

/** Columns that say something about papers, without one for the title. */
export function lacksTitleColumn(table: Table): boolean {
  return !hasTitleColumn(table) && table.roles.some((r) => r !== null)
}

export function readTableRow(table: Table, raw: string, line: number, reference: Date): TableRow {
  const row: TableRow = { paper: null, dates: [], warnings: [] }
  const cells = splitCells(raw)
  // Fewer cells than the header is ordinary Markdown; more means something is not where it should be.
  if (cells.length > table.roles.length)
    row.warnings.push(
      `this row has ${cells.length} cells but the header (line ${table.headerLine}) has ${table.roles.length}`
    )
  const paper = parsedPaper({ title: '', line })
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
        const date = dateIn(outside, reference, false)
        if (date) {
          paper.publishedAt = date
          row.dates.push(date)
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
    if (evidence) row.warnings.push('a table row with paper details but no title was skipped')
  } else if (evidence) row.paper = paper
  return row
}
