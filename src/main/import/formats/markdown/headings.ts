// A heading that may be a paper, and the lines under it: its metadata, link lines and prose.
import type { ParsedPaper } from '../../types'
import { isBadgeOnly, isLinkLine, linksOf } from './inline'
import { applyMetadata, metadata, paragraphs } from './metadata'
import { addLinks, isPaperUrl } from './paper-rules'

export interface HeadingEntry {
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

const HEADING = /^\s{0,3}(#{1,6})(?:\s+|$)/

/** `## Title ##` -> its level and text, or null when the line is not an ATX heading. */
export function atxHeading(raw: string): { level: number; text: string } | null {
  const heading = HEADING.exec(raw)
  return heading ? { level: heading[1]!.length, text: stripClosingHashes(raw.slice(heading[0].length)) } : null
}

function stripClosingHashes(text: string): string {
  let end = text.length
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  let hashes = end
  while (hashes > 0 && text[hashes - 1] === '#') hashes--
  if (hashes < end && (hashes === 0 || text[hashes - 1] === ' ')) end = hashes
  return text.slice(0, end).trim()
}

/** One line under an open heading: metadata, a line of links, or prose for its intro or abstract. */
export function headingBody(open: HeadingEntry, text: string, reference: Date): void {
  const paper = open.paper
  const target = open.section === 'abstract' ? open.abstract : open.intro
  if (text === '') {
    if (target[target.length - 1]!.length > 0) target.push([])
    return
  }
  const meta = metadata(text)
  if (meta) {
    if (applyMetadata(paper, meta, reference)) {
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

/** The text under an `Abstract` heading or label, else the prose right under the heading. */
export function headingAbstract(open: HeadingEntry): string | null {
  return paragraphs(open.abstract) ?? paragraphs(open.intro)
}
