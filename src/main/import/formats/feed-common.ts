// What RSS 2.0, Atom and RSS 1.0 (RDF) feeds share: finding the items and reading their fields
// as plain text (days, identifiers and duplicates are in entry-facts.ts). The feed, arXiv RSS
// and arXiv Atom parsers build on it.
import { parseDocument } from 'htmlparser2'
import type { AnyNode, Element } from 'domhandler'
import {
  htmlToText,
  indexOfDoctype,
  MAX_NESTING,
  nestingEstimate,
  nodesToText,
  parseCheckedHtml,
  withoutDoctype
} from '../text/html'
import { collapseParagraphs, collapseWhitespace } from '../normalize'
import { ImportError, type ParseWarning } from '../types'
import { isoDay } from './entry-facts'

export { arxivIdIn, digestDays, doiIn, isoDay, withoutExactDuplicates } from './entry-facts'

export type FeedKind = 'rss' | 'atom' | 'rdf'

export interface FeedDocument {
  kind: FeedKind
  /** `<channel>` for RSS and RDF, `<feed>` for Atom. */
  channel: Element
  items: Element[]
  /** True when the root element is never closed: the file was cut off. */
  truncated: boolean
  /** The 1-based line where a node starts in the text as given. */
  lineOf(node: AnyNode): number
  /** The last line of the text, for warnings about the end of the file. */
  lastLine: number
}

/**
 * Parses a feed without ever expanding DTD entities (the DOCTYPE is cut away first).
 * Text that has no RSS, Atom or RDF root element is refused as MALFORMED.
 */
export function readFeedDocument(text: string, fileName: string): FeedDocument {
  const doctypeAt = indexOfDoctype(text)
  const xml = withoutDoctype(text)
  const removed = text.length - xml.length
  // The tree builder slows quadratically with depth; no real feed nests anywhere near this.
  if (nestingEstimate(xml) > MAX_NESTING) {
    throw new ImportError('MALFORMED', fileName, `XML nested deeper than ${MAX_NESTING} elements`)
  }
  const document = parseDocument(xml, { xmlMode: true, decodeEntities: true, withStartIndices: true })
  const root = document.children.find(isElement)
  if (!root) throw new ImportError('MALFORMED', fileName, 'not an XML feed: no root element found')
  const newlines = newlineOffsets(text)
  const lineOf = (node: AnyNode): number => {
    const index = node.startIndex ?? 0
    return lineAtOffset(newlines, doctypeAt >= 0 && index >= doctypeAt ? index + removed : index)
  }
  const base = {
    truncated: !xml.includes(`</${root.name}`),
    lineOf,
    lastLine: newlines.length + (text.endsWith('\n') ? 0 : 1)
  }
  switch (localName(root)) {
    case 'rss': {
      const channel = childElements(root, 'channel')[0] ?? root
      const items = childElements(channel, 'item')
      // RSS 0.9x sometimes put the items beside the channel, as RDF does.
      return { kind: 'rss', channel, items: items.length > 0 ? items : childElements(root, 'item'), ...base }
    }
    case 'feed':
      return { kind: 'atom', channel: root, items: childElements(root, 'entry'), ...base }
    case 'rdf': {
      const channel = childElements(root, 'channel')[0] ?? root
      return { kind: 'rdf', channel, items: childElements(root, 'item'), ...base }
    }
    default:
      throw new ImportError('MALFORMED', fileName, `not an RSS, Atom or RDF feed (the root element is <${root.name}>)`)
  }
}

function newlineOffsets(text: string): number[] {
  const offsets: number[] = []
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) offsets.push(i)
  return offsets
}

/** 1 + the number of line breaks before `offset`, by binary search. */
function lineAtOffset(newlines: number[], offset: number): number {
  let low = 0
  let high = newlines.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (newlines[mid]! < offset) low = mid + 1
    else high = mid
  }
  return low + 1
}

/**
 * Text of a node and everything below it, entities decoded, trimmed. Iterative: hostile
 * feeds nest far deeper than the call stack (DomUtils.textContent recurses).
 */
export function textOf(node: AnyNode | undefined): string {
  if (!node) return ''
  const parts: string[] = []
  const stack: AnyNode[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type === 'text') parts.push((current as unknown as { data: string }).data)
    else if ('children' in current) {
      const children = (current as { children: AnyNode[] }).children
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }
  return parts.join('').trim()
}

/** Elements below `nodes` that pass `test`, in document order. Push/pop only: linear at any depth. */
export function findElements(nodes: AnyNode[], test: (element: Element) => boolean): Element[] {
  const found: Element[] = []
  const stack: AnyNode[] = [...nodes].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!isElement(node)) {
      if ('children' in node) stack.push(...[...(node as { children: AnyNode[] }).children].reverse())
      continue
    }
    if (test(node)) found.push(node)
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
  }
  return found
}

/** Elements only; in XML mode every element is a 'tag', in HTML mode script and style are their own types. */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style'
}

export function localName(element: Element): string {
  let local = LOCAL_NAMES.get(element.name)
  if (local === undefined) {
    const name = element.name.toLowerCase()
    const colon = name.lastIndexOf(':')
    local = colon >= 0 ? name.slice(colon + 1) : name
    if (LOCAL_NAMES.size < 4096) LOCAL_NAMES.set(element.name, local)
  }
  return local
}

// A feed repeats a few element names for every item: each is worked out once.
const LOCAL_NAMES = new Map<string, string>()

/** Direct children with this local name: `channel > title`, not the titles of its items. */
export function childElements(parent: Element, name: string): Element[] {
  const wanted = name.toLowerCase()
  return parent.children.filter((node): node is Element => isElement(node) && localName(node) === wanted)
}

export function child(parent: Element, name: string): Element | undefined {
  return childElements(parent, name)[0]
}

/** The first of these children (in the order of names) that has text, collapsed to one line. */
export function childText(parent: Element, ...names: string[]): string {
  for (const name of names) {
    for (const element of childElements(parent, name)) {
      const text = collapseWhitespace(plainText(element))
      if (text) return text
    }
  }
  return ''
}

// Tags that mark a text as HTML. A bare `<` is not enough: abstracts write `$x<b$`.
const HTML_TAG =
  /<\/?(?:a|abbr|b|big|blockquote|br|code|div|em|font|h[1-6]|hr|i|iframe|img|li|object|ol|p|pre|script|small|span|strong|style|sub|sup|table|td|th|tr|u|ul)(?:\s[^<>]*)?\/?>/i
const ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i

/**
 * Plain text of a field that may carry HTML: as XHTML elements, in CDATA, or entity-escaped
 * (`&lt;p&gt;`). Scripts and styles are dropped, links keep their text only.
 */
export function plainText(element: Element): string {
  return richText(element).text
}

/** Plain text and paragraphs as plainText gives them, with the http(s) links of its `<a href>`. */
export function richText(element: Element): { text: string; hrefs: string[] } {
  let nodes: AnyNode[]
  if (element.children.some(isElement)) {
    nodes = element.children
  } else {
    const text = textOf(element)
    if (!looksLikeHtml(text)) return { text, hrefs: [] }
    // Absurdly nested markup keeps its words (htmlToText strips it flat) but not its links.
    if (nestingEstimate(text) > MAX_NESTING) return { text: htmlToText(text), hrefs: [] }
    nodes = parseCheckedHtml(text).children
  }
  const hrefs = findElements(nodes, (node) => node.name.toLowerCase() === 'a')
    .map((anchor) => (anchor.attribs.href ?? '').trim())
    .filter(looksLikeHttpUrl)
  return { text: nodesToText(nodes), hrefs }
}

/** True when a text carries tags or entities to decode; a bare `<` in `$x<y$` does not count. */
export function looksLikeHtml(text: string): boolean {
  const hasTag = text.includes('<')
  if (!hasTag && !text.includes('&')) return false
  return (hasTag && HTML_TAG.test(text)) || (!hasTag && ENTITY.test(text))
}

/** Plain text of a string that may be HTML (scraped abstracts often are). */
export function plainFromMaybeHtml(text: string): string {
  return looksLikeHtml(text) ? htmlToText(text) : text
}

/** Plain text kept in paragraphs; the white space inside each paragraph collapsed. */
export function paragraphs(text: string): string {
  return collapseParagraphs(text)
}

/** A cheap first filter; toLinks checks each URL properly. `javascript:` and the like fail here. */
export function looksLikeHttpUrl(text: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(text)
}

export interface FeedLink {
  href: string
  rel: string | null
  title: string | null
  type: string | null
}

/**
 * The item's categories as subjects: RSS `<category>text</category>`, Atom `<category term>`,
 * Dublin Core `<dc:subject>`. Spaces inside one category are kept ("Machine Learning").
 */
export function feedCategories(item: Element): string[] {
  const found: string[] = []
  for (const element of [...childElements(item, 'category'), ...childElements(item, 'subject')]) {
    const value = (element.attribs['term'] ?? textOf(element)).trim()
    if (value !== '') found.push(value)
  }
  return found
}

/** `<link>` as RSS writes it (text) and as Atom writes it (attributes), http(s) only. */
export function feedLinks(item: Element): FeedLink[] {
  const links: FeedLink[] = []
  for (const element of childElements(item, 'link')) {
    const href = (element.attribs.href ?? textOf(element)).trim()
    if (!looksLikeHttpUrl(href)) continue
    links.push({
      href,
      rel: element.attribs.rel ?? null,
      title: element.attribs.title ?? null,
      type: element.attribs.type ?? null
    })
  }
  return links
}

/**
 * One name per author element. RSS `<author>` is "mail@host (Name)"; RDF may hold an
 * `rdf:Seq` of `rdf:li`; Atom nests `<name>`.
 */
export function creatorNames(item: Element): string[] {
  const names: string[] = []
  for (const element of [...childElements(item, 'creator'), ...childElements(item, 'author')]) {
    const listed = findElements(element.children, (node) => localName(node) === 'li')
    const nameElement = child(element, 'name')
    const texts =
      listed.length > 0 ? listed.map(plainText) : [nameElement ? plainText(nameElement) : plainText(element)]
    for (const text of texts) {
      const name = nameFromAuthorField(collapseWhitespace(text))
      if (name) names.push(name)
    }
  }
  return names
}

function nameFromAuthorField(text: string): string | null {
  const mailWithName = /^\S+@\S+\s*\((.+)\)$/.exec(text)
  if (mailWithName) return mailWithName[1]!.trim()
  if (/^\S+@\S+$/.test(text)) return null
  return text || null
}

/** The first of these children that holds a date, as YYYY-MM-DD. */
export function childDay(parent: Element, ...names: string[]): string | null {
  for (const name of names) {
    for (const element of childElements(parent, name)) {
      const day = isoDay(textOf(element))
      if (day) return day
    }
  }
  return null
}

/** A warning for a feed cut off in the middle: what was read is kept. */
export function truncationWarnings(feed: FeedDocument): ParseWarning[] {
  return feed.truncated
    ? [{ line: feed.lastLine, message: 'the feed ends before its closing tag; the last item may be incomplete' }]
    : []
}
