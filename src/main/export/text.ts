// Small text helpers the exporters share: ASCII folding for keys and file names, dates.
import type { Link } from '../../shared/model'
import { NAME_PARTICLES } from '../../shared/name-particles'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const

/** Letters without accents, lower case, only a-z and 0-9: `Łukasz Müller` -> `lukaszmuller`. */
export function asciiWord(text: string): string {
  return text
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** The family name of a display name (`Ada Lovelace`, `Lovelace, Ada`, `Guido van Rossum` -> Rossum). */
export function familyName(name: string): string {
  const comma = name.indexOf(',')
  if (comma > 0) return name.slice(0, comma).trim()
  const words = name.trim().split(/\s+/)
  return words[words.length - 1] ?? ''
}

/** The parts of a YYYY-MM-DD date; null parts where the date is absent. */
export function dateParts(date: string | null): { year: number; month: number; day: number } | null {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null
  if (!match) return null
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
}

/** `jan`..`dec`: the BibTeX month macros. */
export function monthMacro(month: number): string {
  return MONTHS[month - 1] ?? 'jan'
}

/** Words that make a poor citation key: the key takes the first word of the title that is not one. */
const KEY_STOPWORDS = new Set(
  'a an the of on in for and or to with from by at is are do does via towards toward what how why when'.split(' ')
)

export function firstTitleWord(title: string): string {
  for (const word of title.split(/[\s\-–—:/]+/)) {
    const folded = asciiWord(word)
    if (folded.length > 0 && !KEY_STOPWORDS.has(folded)) return folded
  }
  return ''
}

/** One line: newlines and runs of spaces become single spaces (line-based formats). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** `Guido van Rossum` -> given `Guido`, family `van Rossum`; one word (or an organization) has no given name. */
export function splitName(name: string): { given: string; family: string } {
  const comma = name.indexOf(',')
  if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() }
  const words = name.trim().split(/\s+/)
  let start = words.length - 1
  while (start > 1 && NAME_PARTICLES.has(words[start - 1]!.toLowerCase())) start--
  return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') }
}

/** Subjects, then the reader's tags, each once (compared without case): what `keywords` lists. */
export function keywordsOf(paper: { subjects: readonly string[]; tags: readonly string[] }): string[] {
  const seen = new Set<string>()
  return [...paper.subjects, ...paper.tags].filter((word) => {
    const key = word.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The links a reader cannot rebuild from the paper's identifiers: not its page (`url`), not
 * the arXiv abstract or PDF of its id (any version), not its DOI's page.
 */
export function otherLinks(paper: {
  url: string | null
  arxivId: string | null
  doi: string | null
  links: readonly Link[]
}): Link[] {
  const arxiv = paper.arxivId
  const doiPage = paper.doi ? `https://doi.org/${paper.doi}`.toLowerCase() : null
  return paper.links.filter((link) => {
    if (link.url === paper.url) return false
    if (doiPage && link.url.toLowerCase() === doiPage) return false
    const onArxiv = /^https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:v\d+)?(?:\.pdf)?$/.exec(link.url)
    return !(arxiv && onArxiv && onArxiv[1] === arxiv)
  })
}
