// Labelled lines under a paper: `**Authors**: A, B`, `- Abstract: ...`, `DOI: 10...`.
import { normalizeDoi } from '../../normalize'
import type { ParsedPaper } from '../../types'
import { dateIn } from './dates'
import { inlineText, linksOf } from './inline'
import { addLinks, isPaperUrl } from './paper-rules'
import { splitAuthors } from './titles'

export interface Metadata {
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
export function metadata(text: string): Metadata | null {
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
export function applyMetadata(paper: ParsedPaper, meta: Metadata, reference: Date): boolean {
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

/** Groups of lines as plain-text paragraphs a blank line apart; null when there is no text. */
export function paragraphs(groups: string[][]): string | null {
  const text = groups
    .filter((g) => g.length > 0)
    .map((g) => inlineText(g.join(' ')))
    .filter((p) => p !== '')
    .join('\n\n')
  return text || null
}
