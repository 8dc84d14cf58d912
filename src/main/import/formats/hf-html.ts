// The Hugging Face papers page saved from the browser as HTML: the daily/weekly list of paper
// cards (`h3 > a[href="/papers/ID"]`, an upvote box, author avatars, a GitHub link), or a single
// paper's page (an `h1` title and an Abstract section). Everything comes out as plain text.
import { parseDate } from '../dates'
import { collapseWhitespace, parseArxivId, toLinks } from '../normalize'
import { attributeOf, elementsByName, nodesToText, parseHtml, type AnyNode, type Element } from '../text/html'
import { arxivFields, parsedPaper } from '../paper'
import { ImportError } from '../types'
import type { DigestParser, ParseContext, ParsedPaper, ParseResult, ParseWarning } from '../types'

const PAPER_HREF = /^(?:https?:\/\/huggingface\.co)?\/papers\/([^/?#\s]+)(?:[?#].*)?$/
const LIST_DATE_IN_URL = /huggingface\.co\/papers(?:\/date\/|\?date=)(\d{4}-\d{2}-\d{2})/
/** A card paragraph shorter than this is a one-line summary (trending view), not an abstract. */
const MIN_ABSTRACT_LENGTH = 200

export const hfHtmlParser: DigestParser = {
  format: 'hf-html',
  label: 'Hugging Face papers page (saved as HTML)',
  extensions: ['.html', '.htm'],
  detect(text, fileName) {
    const head = text.slice(0, 262_144)
    const isHtml = /<html|<!doctype html|<h3|<div/i.test(head)
    if (!isHtml) return 0
    const cards =
      head.match(/<h3[^<>]*>\s*<a[^<>]*href="(?:https:\/\/huggingface\.co)?\/papers\/\d{4}\.\d{4,5}/g)?.length ?? 0
    if (cards > 0) return 0.95
    if (/huggingface\.co\/papers\/\d{4}\.\d{4,5}/.test(head) && /Abstract/.test(head)) return 0.8
    // A page that only mentions the papers pages is a weak hint, a bit stronger when saved as .html.
    if (/huggingface\.co\/papers/.test(head)) return /\.html?$/i.test(fileName) ? 0.4 : 0.3
    return 0
  },
  parse: parseHfHtml
}

/** One card as the page shows it; upvotes have no place in ParsedPaper, but tests and callers may want them. */
export interface HfCard {
  paper: ParsedPaper
  upvotes: number | null
}

export function parseHfHtml(html: string, context: ParseContext): ParseResult {
  const document = parseHtml(html)
  const warnings: ParseWarning[] = []
  let cards = readCards(document.children, html, warnings)
  let listDate = findListDate(html, document.children, context.fileModifiedAt)
  if (cards.length === 0) {
    const single = readPaperPage(document.children, html, context.fileModifiedAt)
    if (single) {
      cards = [single]
      listDate ??= single.paper.publishedAt
    }
  }
  if (cards.length === 0)
    throw new ImportError(
      'NO_PAPERS',
      context.fileName,
      'no Hugging Face paper cards (h3 links to /papers/ID) were found'
    )
  const date = context.dateOverride ?? listDate
  const pageTitle = tidy(nodesToText(elementsByName(document, 'title')[0]?.children ?? []))
  return {
    digest: { title: pageTitle || 'Hugging Face papers', dateFrom: date, dateTo: date },
    entries: cards.map((card) => card.paper),
    warnings
  }
}

/** The paper cards of a list page, in page order. */
export function readCards(nodes: AnyNode[], html: string, warnings: ParseWarning[] = []): HfCard[] {
  const cards: HfCard[] = []
  const lines = new LineFinder(html)
  const seen = new Set<string>()
  for (const heading of elementsByName(nodes, 'h3')) {
    const anchor = elementsByName(heading, 'a').find((a) => PAPER_HREF.test(attributeOf(a, 'href') ?? ''))
    if (!anchor) continue
    const id = PAPER_HREF.exec(attributeOf(anchor, 'href')!)![1]!
    const line = lines.lineOf(`/papers/${id}`)
    const title = tidy(nodesToText(anchor.children))
    if (!title) {
      warnings.push({ line, message: `the card for ${id} has no title; it was skipped` })
      continue
    }
    if (seen.has(id)) continue
    seen.add(id)
    const card = cardRoot(heading)
    const paragraph = tidy(nodesToText(elementsByName(card, 'p').flatMap((p) => p.children)))
    const github = elementsByName(card, 'a')
      .map((a) => attributeOf(a, 'href') ?? '')
      .find((href) => /^https:\/\/(www\.)?github\.com\/[^/\s]+\/[^/\s]+/.test(href))
    const arxiv = parseArxivId(id)
    const paper = parsedPaper({
      title,
      authors: elementsByName(card, 'li')
        .map((li) => tidy(attributeOf(li, 'title') ?? ''))
        .filter((name) => name !== ''),
      abstract: paragraph.length >= MIN_ABSTRACT_LENGTH ? paragraph : null,
      snippet: paragraph && paragraph.length < MIN_ABSTRACT_LENGTH ? paragraph : null,
      ...arxivFields(arxiv),
      links: toLinks([
        `https://huggingface.co/papers/${id}`,
        ...(arxiv ? [`https://arxiv.org/abs/${arxiv.id}`] : []),
        ...(github ? [github] : [])
      ]),
      line
    })
    cards.push({ paper, upvotes: upvotesIn(card) })
  }
  return cards
}

/** The card around a title: its `article`, or failing that a few levels up. */
function cardRoot(heading: Element): Element {
  let node: Element = heading
  for (let up = 0; up < 6 && node.parent && node.parent.type === 'tag'; up++) {
    node = node.parent as Element
    if (node.name === 'article') return node
  }
  return (heading.parent?.parent as Element | null) ?? heading
}

function upvotesIn(card: Element): number | null {
  for (const element of elementsByName(card, 'div')) {
    if (!/\bleading-none\b/.test(attributeOf(element, 'class') ?? '')) continue
    const text = tidy(nodesToText(element.children))
    if (/^\d+$/.test(text)) return Number(text)
    if (text === '-') return 0
  }
  return null
}

/** A single paper's page: `h1` title, the page's /papers/ID, the Abstract section, authors. */
function readPaperPage(nodes: AnyNode[], html: string, reference: Date): HfCard | null {
  const h1 = elementsByName(nodes, 'h1')[0]
  const idMatch = /huggingface\.co\/papers\/(\d{4}\.\d{4,5})/.exec(html)
  if (!h1 || !idMatch) return null
  const title = tidy(nodesToText(h1.children))
  if (!title) return null
  const id = idMatch[1]!
  const abstractHeading = elementsByName(nodes, 'h2').find((h2) => /^abstract$/i.test(tidy(nodesToText(h2.children))))
  const parent = abstractHeading?.parent as Element | null | undefined
  const abstract = parent ? tidy(nodesToText(parent.children.filter((child) => child !== abstractHeading))) : ''
  const published = /Published on\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)/.exec(html)
  const github = /href="(https:\/\/github\.com\/[^"\s]+)"/.exec(html)
  const arxiv = parseArxivId(id)
  return {
    paper: parsedPaper({
      title,
      authors: elementsByName(nodes, 'span')
        .filter((span) => /\bauthor\b/.test(attributeOf(span, 'class') ?? ''))
        .map((span) => tidy(nodesToText(span.children)))
        .filter((name) => name !== ''),
      abstract: abstract || null,
      ...arxivFields(arxiv),
      links: toLinks([
        `https://huggingface.co/papers/${id}`,
        `https://arxiv.org/abs/${id}`,
        ...(github ? [github[1]!] : [])
      ]),
      publishedAt: published ? parseDate(published[1]!, reference) : null,
      line: new LineFinder(html).lineOf('<h1')
    }),
    upvotes: null
  }
}

/**
 * The list's day: from the page URL (canonical link, og:url or the browser's "saved from"
 * comment), then a `<time datetime>`, then a short date text such as "Mar 12", whose year is
 * the latest such date not after the file's time.
 */
function findListDate(html: string, nodes: AnyNode[], reference: Date): string | null {
  const inUrl = LIST_DATE_IN_URL.exec(html.slice(0, 65_536))
  if (inUrl) return parseDate(inUrl[1]!, reference)
  for (const time of elementsByName(nodes, 'time')) {
    const date = parseDate((attributeOf(time, 'datetime') ?? '').slice(0, 10), reference)
    if (date) return date
  }
  const h1 = elementsByName(nodes, 'h1').find((h) => /papers/i.test(tidy(nodesToText(h.children))))
  const scope = h1?.parent?.parent ? [h1.parent.parent as Element] : nodes
  for (const text of textNodes(scope)) {
    if (text.length > 30) continue
    const date = parseDate(text, reference)
    if (date) return date
  }
  return null
}

function textNodes(nodes: AnyNode[]): string[] {
  const found: string[] = []
  const stack = [...nodes].reverse()
  while (stack.length > 0 && found.length < 5000) {
    const node = stack.pop()!
    if (node.type === 'text') {
      const text = tidy((node as unknown as { data: string }).data)
      if (text) found.push(text)
    } else if (node.type === 'tag') {
      const children = (node as Element).children
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }
  return found
}

function tidy(text: string): string {
  return collapseWhitespace(text)
}

/** Lines of successive needles, searched forward from the last one found (linear overall). */
class LineFinder {
  private at = 0
  private line = 1

  constructor(private readonly text: string) {}

  lineOf(needle: string): number {
    const index = this.text.indexOf(needle, this.at)
    if (index < 0) return this.line
    for (let i = this.at; i < index; i++) if (this.text.charCodeAt(i) === 10) this.line++
    this.at = index
    return this.line
  }
}
