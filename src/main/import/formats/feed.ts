// Generic feeds of papers: RSS 2.0, Atom and RSS 1.0 (RDF) from journals, preprint servers,
// blogs and Hugging Face-derived feeds. A feed is one digest; its items' days make the range.
// Text that is not a feed is refused (MALFORMED); a feed without usable items gives no entries,
// which the pipeline reports as NO_PAPERS.
import type { Element } from 'domhandler'
import { extractUrls, toLinks } from '../normalize'
import type {
  DigestParser,
  ParseContext,
  ParsedLink,
  ParsedPaper,
  ParseResult,
  ParseStream,
  ParseWarning
} from '../types'
import { collectStream, paperStream } from '../stream'
import { exactRepeats } from './entry-facts'
import {
  arxivIdIn,
  child,
  childDay,
  childElements,
  childText,
  creatorNames,
  digestDays,
  doiIn,
  feedLinks,
  looksLikeHttpUrl,
  paragraphs,
  richText,
  readFeedDocument,
  truncationWarnings,
  textOf,
  type FeedDocument,
  feedCategories
} from './feed-common'
import { arxivFields, parsedPaper } from '../paper'
import { splitAuthorList } from '../names'

const ABSTRACT_FIELDS = ['summary', 'description', 'abstract', 'encoded', 'content']
const DATE_FIELDS = ['pubdate', 'date', 'published', 'issued', 'publicationdate', 'coverdate', 'created', 'updated']
const CHANNEL_DATE_FIELDS = ['pubdate', 'lastbuilddate', 'date', 'updated', 'modified']

export const feedParser: DigestParser = {
  format: 'feed',
  label: 'RSS / Atom / RDF feed',
  extensions: ['.rss', '.atom', '.rdf', '.xml'],
  detect(text, fileName) {
    const head = text.slice(0, 4096)
    if (/<rss[\s>]/.test(head)) return 0.8
    if (/<feed[^>]*xmlns(?::\w+)?=["']http:\/\/www\.w3\.org\/2005\/Atom["']/.test(head)) return 0.8
    if (/<rdf:RDF[\s>]/.test(head) && head.includes('purl.org/rss/1.0')) return 0.8
    if (/<feed[\s>]/.test(head) || /<rdf:RDF[\s>]/.test(head)) return 0.5
    return /\.(rss|atom|rdf)$/i.test(fileName) ? 0.2 : /\.xml$/i.test(fileName) ? 0.05 : 0
  },
  parse(text, context) {
    return parseFeed(text, context, feedItemToPaper)
  },
  stream(text, context) {
    return streamFeed(text, context, feedItemToPaper, 'no papers found in it (read as RSS / Atom / RDF feed)')
  }
}

export type ItemReader = (item: Element, feed: FeedDocument) => { paper: ParsedPaper | null; warnings: ParseWarning[] }

/** Reads a feed with `readItem` per item, handing papers over as items are read; the digest is named after the channel. */
export function streamFeed(text: string, context: ParseContext, readItem: ItemReader, noPapers: string): ParseStream {
  const feed = readFeedDocument(text, context.fileName)
  const warnings: ParseWarning[] = []
  const isRepeat = exactRepeats()
  let first: string | null = null
  let last: string | null = null
  function* papers(): Generator<ParsedPaper> {
    for (const item of feed.items) {
      const { paper, warnings: itemWarnings } = readItem(item, feed)
      warnings.push(...itemWarnings)
      if (!paper || isRepeat(paper)) continue
      const day = paper.publishedAt
      if (day && (first === null || day < first)) first = day
      if (day && (last === null || day > last)) last = day
      yield paper
    }
    warnings.push(...truncationWarnings(feed))
  }
  return paperStream(
    papers(),
    () => ({
      digest: {
        title: childText(feed.channel, 'title') || context.fileName,
        ...digestDays([first, last], childDay(feed.channel, ...CHANNEL_DATE_FIELDS), context)
      },
      warnings
    }),
    noPapers
  )
}

/** The whole feed at once (an empty feed gives no papers rather than an error). */
export function parseFeed(text: string, context: ParseContext, readItem: ItemReader): ParseResult {
  return collectStream(streamFeed(text, context, readItem, ''), context.fileName, true)
}

function feedItemToPaper(item: Element, feed: FeedDocument): { paper: ParsedPaper | null; warnings: ParseWarning[] } {
  const line = feed.lineOf(item)
  const title = childText(item, 'title')
  if (!title) return { paper: null, warnings: [{ line, message: 'skipped an item without a title' }] }
  const abstractElement = firstWithText(item, ABSTRACT_FIELDS)
  const description = abstractElement ? richText(abstractElement) : { text: '', hrefs: [] }
  const abstract = paragraphs(description.text) || null
  const links = feedLinks(item)
  const guid = child(item, 'guid')
  const identifiers = [
    ...['doi', 'identifier', 'id'].flatMap((name) => childElements(item, name).map(textOf)),
    ...(guid ? [textOf(guid)] : []),
    ...links.map((link) => link.href),
    item.attribs['rdf:about'] ?? ''
  ]
  const arxiv = arxivIdIn(identifiers)
  return {
    paper: parsedPaper({
      title,
      authors: authorsOf(item),
      abstract,
      ...arxivFields(arxiv),
      doi: doiIn(identifiers),
      links: paperLinks(links, guid, description.hrefs, abstract),
      publishedAt: childDay(item, ...DATE_FIELDS),
      venue: childText(item, 'publicationname') || null,
      subjects: feedCategories(item),
      line
    }),
    warnings: []
  }
}

function firstWithText(item: Element, names: string[]): Element | undefined {
  for (const name of names) {
    const found = childElements(item, name).find((element) => textOf(element).length > 0)
    if (found) return found
  }
  return undefined
}

/** Several author elements are one name each; a single one may list everyone. */
function authorsOf(item: Element): string[] {
  const names = creatorNames(item)
  if (names.length !== 1) return names
  return splitAuthorList(names[0]!, { keepInvertedName: true })
}

function paperLinks(
  links: ReturnType<typeof feedLinks>,
  guid: Element | undefined,
  descriptionLinks: string[],
  abstract: string | null
): ParsedLink[] {
  const fromFeed = links.map((link) => ({
    url: link.href,
    pdf: link.title?.toLowerCase() === 'pdf' || link.type === 'application/pdf'
  }))
  const guidUrl = guid && guid.attribs.isPermaLink !== 'false' ? textOf(guid) : ''
  const abstractUrls = abstract?.includes('http') ? extractUrls(abstract) : []
  return [
    ...toLinks(fromFeed.filter((link) => !link.pdf).map((link) => link.url)),
    ...toLinks(
      fromFeed.filter((link) => link.pdf).map((link) => link.url),
      'pdf'
    ),
    ...toLinks(looksLikeHttpUrl(guidUrl) ? [guidUrl] : []),
    ...toLinks(descriptionLinks),
    ...toLinks(abstractUrls)
  ].filter((link, index, all) => all.findIndex((other) => other.url === link.url) === index)
}
