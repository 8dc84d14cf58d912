// Reading HTML and XML into plain data. Imported markup never leaves the importer:
// parsers turn it into text here, and the renderer only ever sees text.
import { parseDocument, DomUtils } from 'htmlparser2'
import { decodeHTML } from 'entities'
import type { AnyNode, Document, Element } from 'domhandler'

export type { AnyNode, Document, Element }

/** Elements dropped with everything inside them: code, embedded documents, the page head. */
export const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'head'
])
/** Paragraph-like blocks are separated by a blank line, the others by a line break. */
export const PARAGRAPH_ELEMENTS: ReadonlySet<string> = new Set([
  'article',
  'blockquote',
  'details',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'pre',
  'section'
])
const LINES = new Set([
  'address',
  'aside',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul'
])

/** How deep documents may nest: far beyond any real page, well below where parsing slows down. */
export const MAX_NESTING = 4000

// Elements that never hold children, or that the parser closes implicitly: they do not deepen the tree.
const FLAT_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'dd',
  'dt',
  'embed',
  'hr',
  'img',
  'input',
  'li',
  'link',
  'meta',
  'option',
  'p',
  'source',
  'td',
  'th',
  'tr',
  'track',
  'wbr'
])

/**
 * An upper estimate of how deep the elements of a document nest, in one linear pass.
 * The tree builder slows down quadratically with depth, so hostile files are refused before it runs.
 */
export function nestingEstimate(markup: string): number {
  if (!markup.includes('<')) return 0
  let depth = 0
  let deepest = 0
  const tag = /<(\/?)([A-Za-z][\w:.-]*)[^<>]*?(\/?)>/g
  for (let match = tag.exec(markup); match; match = tag.exec(markup)) {
    const [, closing, name, selfClosing] = match
    if (selfClosing || FLAT_ELEMENTS.has(lowerCaseName(name!))) continue
    depth = closing ? Math.max(0, depth - 1) : depth + 1
    if (depth > deepest) deepest = depth
  }
  return deepest
}

// Documents repeat a handful of tag names thousands of times: each is lower-cased once.
const LOWER_CASE_NAMES = new Map<string, string>()

function lowerCaseName(name: string): string {
  let lower = LOWER_CASE_NAMES.get(name)
  if (lower === undefined) {
    lower = name.toLowerCase()
    if (LOWER_CASE_NAMES.size < 4096) LOWER_CASE_NAMES.set(name, lower)
  }
  return lower
}

function refuseDeepNesting(markup: string, kind: string): void {
  if (nestingEstimate(markup) > MAX_NESTING) {
    throw new Error(`${kind} nested deeper than ${MAX_NESTING} elements: refused as malformed`)
  }
}

/** Parses HTML forgivingly (entities decoded, no scripts run: it is only a tree). Throws for absurd nesting. */
export function parseHtml(html: string): Document {
  refuseDeepNesting(html, 'HTML')
  return parseCheckedHtml(html)
}

/** parseHtml for markup whose nestingEstimate the caller has already checked. */
export function parseCheckedHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true })
}

/**
 * Parses XML without a DTD: the internal subset is cut away first, so declared
 * entities are never expanded (no billion laughs, no external entities). Only the
 * five XML entities and numeric references are decoded.
 */
export function parseXml(xml: string): Document {
  const body = withoutDoctype(xml)
  refuseDeepNesting(body, 'XML')
  return parseDocument(body, { xmlMode: true, decodeEntities: true })
}

/** Removes `<!DOCTYPE ...>` including an internal subset `[...]`, in one linear pass. */
export function withoutDoctype(xml: string): string {
  const start = indexOfDoctype(xml)
  if (start < 0) return xml
  let depth = 0
  for (let i = start + 9; i < xml.length; i++) {
    const c = xml[i]
    if (c === '[') depth++
    else if (c === ']') depth = Math.max(0, depth - 1)
    else if (c === '>' && depth === 0) return xml.slice(0, start) + xml.slice(i + 1)
  }
  return xml.slice(0, start)
}

/** Where `<!DOCTYPE` (in any case) starts, or -1; `indexOf` finds the candidates, so a large feed is scanned once, natively. */
export function indexOfDoctype(text: string): number {
  for (let at = text.indexOf('<!'); at >= 0; at = text.indexOf('<!', at + 2)) {
    if (/^DOCTYPE$/i.test(text.slice(at + 2, at + 9))) return at
  }
  return -1
}

/** Plain text of an HTML fragment: scripts and styles dropped, blocks on their own lines. */
export function htmlToText(html: string): string {
  // Absurdly nested markup loses its structure but keeps its words.
  if (nestingEstimate(html) > MAX_NESTING) return tidyText(decodeHTML(html.replace(/<[^<>]*>/g, ' ')))
  return nodesToText(parseHtml(html).children)
}

/** Plain text of already-parsed nodes, with the same rules as htmlToText. */
export function nodesToText(nodes: AnyNode[]): string {
  const out = new TextBuilder()
  // An explicit stack instead of recursion: hostile files nest thousands of elements deep.
  const stack: Array<AnyNode | number> = []
  pushReversed(stack, nodes)
  while (stack.length > 0) {
    const node = stack.pop()!
    if (typeof node === 'number') {
      out.breakLine(node)
    } else if (node.type === 'text') {
      out.append((node as unknown as { data: string }).data)
    } else if (node.type === 'cdata' || node.type === 'root') {
      pushReversed(stack, (node as unknown as { children: AnyNode[] }).children)
    } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const element = node as Element
      const name = element.name.toLowerCase()
      if (DROPPED_ELEMENTS.has(name)) continue
      const breaks = PARAGRAPH_ELEMENTS.has(name) ? 2 : LINES.has(name) ? 1 : 0
      if (breaks) stack.push(breaks)
      pushReversed(stack, element.children)
      if (breaks) out.breakLine(breaks)
    }
  }
  return tidyText(out.toString())
}

// A loop, not `push(...items)`: spreading a huge child list overflows the call stack.
function pushReversed<T>(stack: T[], items: readonly T[]): void {
  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!)
}

/** Collects text and knows how many line breaks it ends with, so adjacent blocks share theirs. */
class TextBuilder {
  private readonly parts: string[] = []
  private trailingBreaks = 0

  append(text: string): void {
    if (text.length === 0) return
    this.parts.push(text)
    let i = text.length - 1
    let breaks = 0
    while (i >= 0 && (text[i] === '\n' || text[i] === ' ' || text[i] === '\t')) {
      if (text[i] === '\n') breaks++
      i--
    }
    this.trailingBreaks = i < 0 ? this.trailingBreaks + breaks : breaks
  }

  breakLine(count: number): void {
    if (this.parts.length > 0 && this.trailingBreaks < count) this.append('\n'.repeat(count - this.trailingBreaks))
  }

  toString(): string {
    return this.parts.join('')
  }
}

/** Collapses spaces within lines and blank-line runs, keeping paragraph breaks. */
export function tidyText(text: string): string {
  // Line by line without splitting: each line is trimmed, and rewritten only when it has runs to collapse.
  const out: string[] = []
  let blankBefore = false
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    let line = text.slice(start, end).trim()
    start = end + 1
    if (line === '') {
      blankBefore = out.length > 0
      continue
    }
    if (HORIZONTAL_RUN.test(line)) line = line.replace(/[ \t\u00a0]+/g, ' ')
    if (out.length > 0) out.push(blankBefore ? '\n\n' : '\n')
    out.push(line)
    blankBefore = false
  }
  return out.join('')
}

// What tidyText rewrites inside a trimmed line: a tab, an NBSP or two spaces.
const HORIZONTAL_RUN = /[\t\u00a0]| {2}/

/** Elements below `root` with this tag name (case-insensitive, namespace prefix optional). */
export function elementsByName(root: AnyNode | AnyNode[], name: string): Element[] {
  const wanted = name.toLowerCase()
  return DomUtils.findAll(
    (element) => {
      const tag = element.name.toLowerCase()
      return tag === wanted || tag.endsWith(`:${wanted}`)
    },
    Array.isArray(root) ? root : [root]
  )
}

/** The text inside an element, entities decoded, markup stripped. */
export function textOf(node: AnyNode | undefined): string {
  return node ? DomUtils.textContent(node).trim() : ''
}

export function attributeOf(element: Element | undefined, name: string): string | null {
  return element?.attribs[name] ?? null
}
