// A list item that may be a paper, and the lines indented under it.
import type { ParsedPaper } from '../../types'
import { isBadgeOnly, isLinkLine, linksOf } from './inline'
import { applyMetadata, metadata } from './metadata'
import { addLinks, isPaperUrl } from './paper-rules'
import { listTitle, namesIn } from './titles'
import { parsedPaper } from '../../paper'

export interface ListEntry {
  indent: number
  paper: ParsedPaper
  confirmed: boolean
  abstract: string[][]
}

const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,4}[.)])\s+(.*)$/

/** `- text`, `1. text`: the item's content, or null when the line is not a list item. */
export function listItemContent(raw: string): string | null {
  const item = LIST_ITEM.exec(raw)
  return item ? item[2]! : null
}

export function startListItem(indent: number, content: string, line: number): ListEntry {
  const links = linksOf(content)
  const title = listTitle(content)
  const paper = parsedPaper({ title: title.text, line })
  addLinks(paper, links)
  const authors = title.rest ? namesIn(title.rest) : null
  if (authors) paper.authors = authors
  const confirmed = links.some((l) => isPaperUrl(l.url))
  return { indent, paper, confirmed, abstract: [[]] }
}

export function listContinuation(item: ListEntry, text: string, reference: Date): void {
  const meta = metadata(text)
  if (meta && applyMetadata(item.paper, meta, reference)) {
    item.confirmed = true
    if (meta.label === 'abstract' && meta.value) item.abstract[item.abstract.length - 1]!.push(meta.value)
    return
  }
  const links = linksOf(text)
  addLinks(item.paper, links)
  if (links.some((l) => isPaperUrl(l.url))) item.confirmed = true
  if (!isLinkLine(text) && !isBadgeOnly(text)) item.abstract[item.abstract.length - 1]!.push(text.replace(/^>\s?/, ''))
}
