// Google Scholar alert e-mails (HTML). Each result: a `gse_alrt_title` link wrapped in a
// scholar_url redirect, a byline "Authors - Venue, Year - host", and a `gse_alrt_sni`
// snippet. The snippet is truncated text, never an abstract. Scholar gives no ids:
// the real URL may carry an arXiv id or a DOI; otherwise the library dedupes by title.
import { collapseWhitespace, normalizeDoi, parseArxivId, toLinks } from '../normalize'
import { attributeOf, elementsByName, nodesToText, parseHtml, type AnyNode, type Element } from '../text/html'
import { headerValue, looksLikeMimeMessage, mailDate, parseMime, textParts } from '../text/mime'
import { ImportError, type DigestParser, type ParseContext, type ParseResult, type ParsedPaper } from '../types'
import { arxivFields, parsedPaper } from '../paper'

const TITLE_CLASS = 'gse_alrt_title'
const SNIPPET_CLASS = 'gse_alrt_sni'
const SENDER = 'scholaralerts-noreply@google.com'
// "[PDF]", "[HTML]", "[BOOK]", "[CITATION]"... before the title.
const KIND_TAGS = /^(?:\s*\[[A-Z]{1,10}\])+\s*/
const TRUNCATION = /\u2026|\.\.\./g

export const scholarAlertParser: DigestParser = {
  format: 'scholar-alert',
  label: 'Google Scholar alert (HTML or e-mail)',
  extensions: ['.html', '.htm'],
  detect(text) {
    const hasTitles = includesFrom(text, TITLE_CLASS, TITLE_CLASS.indexOf('_'))
    if (!hasTitles && !includesFrom(text, SENDER, SENDER.indexOf('@'))) return 0
    // A whole message is better read by the e-mail parser, which hands the HTML part back here.
    if (looksLikeMimeMessage(text)) return hasTitles ? 0.6 : 0.5
    return hasTitles ? 0.95 : 0.4
  },
  parse(text, context) {
    if (looksLikeMimeMessage(text)) return parseAlertMessage(text, context)
    return parseScholarAlertHtml(text, context)
  }
}

/**
 * `text.includes(needle)`, searched from the needle's character at `rare`: searching from a
 * common first letter stops at every such letter of a large file, from `_` or `@` it seldom stops.
 */
function includesFrom(text: string, needle: string, rare: number): boolean {
  const head = needle.slice(0, rare)
  const tail = needle.slice(rare)
  for (let at = text.indexOf(tail, rare); at >= 0; at = text.indexOf(tail, at + 1)) {
    if (text.startsWith(head, at - rare)) return true
  }
  return false
}

/** A whole alert e-mail given to this parser directly: read its HTML part. */
function parseAlertMessage(text: string, context: ParseContext): ParseResult {
  const { root, warnings } = parseMime(text)
  const part = textParts(root).find((p) => p.contentType === 'text/html' && p.text!.includes(TITLE_CLASS))
  if (!part) throw new ImportError('NO_PAPERS', context.fileName, 'the e-mail has no Google Scholar results in HTML')
  const result = parseScholarAlertHtml(part.text!, context, part.lineOf)
  const subject = headerValue(root, 'subject')
  const sent = headerValue(root, 'date')
  const date = context.dateOverride ?? (sent ? mailDate(sent, context.fileModifiedAt) : null)
  return {
    digest: { title: subject || result.digest.title, dateFrom: date, dateTo: date },
    entries: result.entries,
    warnings: [...warnings, ...result.warnings]
  }
}

export function parseScholarAlertHtml(
  html: string,
  context: ParseContext,
  lineOf: (line: number) => number = (line) => line
): ParseResult {
  const document = parseHtml(html)
  const elements = allElements(document.children)
  const titleLines = matchLines(html, /class\s*=\s*["']?[^"'>]*gse_alrt_title/g)
  const entries: ParsedPaper[] = []
  const warnings: ParseResult['warnings'] = []
  const titleIndexes = elements.flatMap((element, index) => (hasClass(element, TITLE_CLASS) ? [index] : []))

  titleIndexes.forEach((index, n) => {
    const anchor = elements[index]!
    const line = lineOf(titleLines[n] ?? 1)
    const title = collapseWhitespace(nodesToText(anchor.children)).replace(KIND_TAGS, '').trim()
    if (!title) {
      warnings.push({ line, message: 'a Scholar result without a title was skipped' })
      return
    }
    const following = elements.slice(index + 1, titleIndexes[n + 1] ?? elements.length)
    const urls = [
      attributeOf(anchor, 'href'),
      ...following.filter((e) => e.name === 'a').map((e) => attributeOf(e, 'href'))
    ]
      .map((href) => (href ? unwrapScholarUrl(href) : null))
      .filter((url): url is string => url !== null)
    const snippetElement = following.find((e) => hasClass(e, SNIPPET_CLASS))
    const bylineElement = findByline(following, snippetElement)
    const byline = parseByline(bylineElement ? nodesToText(bylineElement.children) : '')
    const snippet = snippetElement ? collapseWhitespace(nodesToText(snippetElement.children)) : ''
    const links = toLinks(urls)
    const arxiv = findArxivId(
      links.map((l) => l.url),
      byline.venue
    )
    entries.push(
      parsedPaper({
        title,
        authors: byline.authors,
        snippet: snippet || null,
        ...arxivFields(arxiv),
        doi: findDoi(links.map((l) => l.url)),
        links,
        venue: byline.venue,
        line
      })
    )
  })

  if (entries.length === 0)
    throw new ImportError(
      'NO_PAPERS',
      context.fileName,
      'no Google Scholar alert results (gse_alrt_title links) were found'
    )
  const pageTitle = collapseWhitespace(nodesToText(elementsByName(document, 'title')[0]?.children ?? []))
  const date = context.dateOverride
  return {
    digest: { title: pageTitle || 'Google Scholar alert', dateFrom: date, dateTo: date },
    entries,
    warnings
  }
}

/** The target of a scholar_url redirect; other http(s) links as they are; anything else null. */
export function unwrapScholarUrl(href: string): string | null {
  let url: URL
  try {
    url = new URL(href.trim(), 'https://scholar.google.com/')
  } catch {
    return null
  }
  if (/(^|\.)scholar\.google\.[a-z.]+$/.test(url.hostname)) {
    if (url.pathname !== '/scholar_url') return null
    const target = url.searchParams.get('url')
    return target && /^https?:\/\//i.test(target) ? target : null
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}

export interface Byline {
  authors: string[]
  /** The venue as the byline writes it, year included: "Journal of Things, 2024". */
  venue: string | null
}

/**
 * "A Author, B Author… - Journal of Things, 2024 - example.org" -> authors and venue.
 * Scholar truncates long author lists and venues with an ellipsis: drop it, keep what is there.
 */
export function parseByline(text: string): Byline {
  const segments = collapseWhitespace(text)
    .split(/\s[-\u2013]\s/)
    .map((s) => s.trim())
  const authors = (segments[0] ?? '')
    .split(',')
    .map((name) => name.replace(TRUNCATION, '').trim())
    .filter((name) => name !== '')
  let venue: string | null = null
  if (segments.length >= 2) {
    const second = segments[1]!.replace(TRUNCATION, '').replace(/\s+,/g, ',').trim()
    const isHost = segments.length === 2 && /^[\w-]+(\.[\w-]+)+$/.test(second)
    if (!isHost && second !== '') venue = second.replace(/^,\s*|,\s*$/g, '')
  }
  return { authors, venue }
}

function findArxivId(urls: string[], venue: string | null): { id: string; version: number | null } | null {
  for (const url of urls) {
    if (/^https?:\/\/(?:[\w-]+\.)*arxiv\.org\//i.test(url)) {
      const found = parseArxivId(url)
      if (found) return found
    }
  }
  const cited = venue ? /arXiv:\s*(\S+)/i.exec(venue) : null
  return cited ? parseArxivId(cited[1]!) : null
}

const DOI_PATH = /\/(?:doi(?:\/(?:abs|full|pdf|epdf|book))?|article|chapter)\/(10\.\d{4,9}\/[^?#\s]+)/i

function findDoi(urls: string[]): string | null {
  for (const url of urls) {
    if (/^https?:\/\/(?:dx\.)?doi\.org\//i.test(url)) return normalizeDoi(url)
    const match = DOI_PATH.exec(url)
    if (match) return normalizeDoi(decodeURIComponentSafe(match[1]!))
  }
  return null
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function hasClass(element: Element, name: string): boolean {
  return (attributeOf(element, 'class') ?? '').split(/\s+/).includes(name)
}

/**
 * The byline is the first non-empty div after the title that comes before the snippet and
 * does not wrap it. Only a few candidates are tried, so hostile nesting stays cheap.
 */
function findByline(following: Element[], snippet: Element | undefined): Element | undefined {
  const wrappers = new Set<unknown>()
  for (let node = snippet?.parent; node; node = node.parent) wrappers.add(node)
  const end = snippet ? following.indexOf(snippet) : following.length
  return following
    .slice(0, end)
    .filter((e) => e.name === 'div' && !wrappers.has(e))
    .slice(0, 5)
    .find((e) => collapseWhitespace(nodesToText(e.children)) !== '')
}

/** Every element in document order, walked with a stack (hostile mail nests deep). */
function allElements(nodes: AnyNode[]): Element[] {
  const found: Element[] = []
  const stack: AnyNode[] = [...nodes].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') found.push(node as Element)
    const children = (node as { children?: AnyNode[] }).children
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  return found
}

/** 1-based lines where each match of a global pattern starts, in order. */
function matchLines(text: string, pattern: RegExp): number[] {
  const lines: number[] = []
  let line = 1
  let from = 0
  for (const match of text.matchAll(pattern)) {
    for (let i = from; i < match.index; i++) if (text.charCodeAt(i) === 10) line++
    from = match.index
    lines.push(line)
  }
  return lines
}
