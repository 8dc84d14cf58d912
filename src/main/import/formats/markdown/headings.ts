// A heading that may be a paper, and the lines under it: its metadata, link lines and prose.
import type { ParsedPaper } from '../../types'
import { inlineText, isBadgeOnly, isLinkLine, linksOf, type LabelledLink } from './inline'
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
  /** Paper links found in the section's prose (a digest may link each paper from its summary). */
  proseLinks: LabelledLink[]
  /** Whether the section's last line so far holds a paper link. */
  endsWithPaperLink: boolean
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
  const paperLinks = links.filter((l) => isPaperUrl(l.url))
  open.endsWithPaperLink = paperLinks.length === 1 && isLabelledLinkLine(text, paperLinks[0]!)
  if (isLinkLine(text)) {
    addLinks(paper, links)
    if (paperLinks.length > 0) open.confirmed = true
    return
  }
  if (open.section === 'other') return
  const prose = text.replace(/^>\s?/, '')
  if (isBadgeOnly(prose)) return
  open.proseLinks.push(...paperLinks)
  // "[Read the paper](https://huggingface.co/papers/...)" on its own line is a link, not summary text.
  if (open.endsWithPaperLink) return
  target[target.length - 1]!.push(prose)
}

/** Most a line may say around its one link and still be that link's line ("Paper:", "原文："). */
const MAX_LINK_LEAD = 16

/** A line that is one paper link, with at most a short lead-in: "论文页面: https://...", "[Read it](...)". */
function isLabelledLinkLine(text: string, link: LabelledLink): boolean {
  const all = inlineText(text)
  const label = inlineText(link.label)
  const rest = label !== '' && all.includes(label) ? all.replace(label, '') : all
  return rest.replace(/https?:\/\/\S+/g, '').trim().length <= MAX_LINK_LEAD
}

/**
 * A heading not otherwise a paper whose section ends with a link to a paper and holds no other
 * paper link (a digest of summaries, each linking its paper) is that paper; its text is the snippet.
 */
export function confirmByProseLink(open: HeadingEntry): boolean {
  if (open.confirmed || open.isSection || !open.endsWithPaperLink) return false
  const urls = new Set(open.proseLinks.map((link) => link.url))
  if (urls.size !== 1) return false
  addLinks(open.paper, [open.proseLinks[0]!])
  open.paper.snippet = paragraphs(open.intro)
  open.confirmed = true
  return true
}

/** The text under an `Abstract` heading or label, else the prose right under the heading. */
export function headingAbstract(open: HeadingEntry): string | null {
  return paragraphs(open.abstract) ?? paragraphs(open.intro)
}
