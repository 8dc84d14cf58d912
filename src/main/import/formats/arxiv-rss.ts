// arXiv's listing feeds (rss.arxiv.org/rss/<category>): RSS 2.0 whose descriptions begin
// "arXiv:ID Announce Type: new Abstract: ...", and the older feeds (RSS 2.0 or RSS 1.0) that put
// "(arXiv:ID [cs.CV])" after the title and HTML in the description and authors.
// As with every feed, no items means no entries (the pipeline reports NO_PAPERS).
import type { Element } from 'domhandler'
import { toLinks } from '../normalize'
import type { DigestParser, ParsedPaper, ParseWarning } from '../types'
import { parseFeed, streamFeed } from './feed'
import {
  arxivIdIn,
  child,
  childDay,
  childElements,
  childText,
  doiIn,
  feedLinks,
  paragraphs,
  richText,
  textOf,
  type FeedDocument,
  feedCategories
} from './feed-common'
import { arxivFields, parsedPaper } from '../paper'
import { splitAuthorList } from '../names'

// Anchored and free of nested quantifiers: linear on any line.
const ANNOUNCEMENT = /^arXiv:(\S+)\s+Announce Type:\s*\S+\s+Abstract:\s*/i
const TITLE_SUFFIX = /^\(arXiv:([^\s)]+)(?:\s+\[[^\]]*\])?(?:\s+[A-Z]+)?\)\s*$/

export const arxivRssParser: DigestParser = {
  format: 'arxiv-rss',
  label: 'arXiv RSS feed',
  extensions: ['.rss', '.xml', '.rdf'],
  detect(text, fileName) {
    const head = text.slice(0, 65_536)
    const isFeed = /<rss[\s>]|<rdf:RDF[\s>]/.test(head)
    if (!isFeed) return /arxiv/i.test(fileName) && /\.(rss|xml|rdf)$/i.test(fileName) ? 0.1 : 0
    if (head.includes('arxiv:announce_type')) return 0.95
    if (head.includes('Announce Type:') && head.includes('arxiv.org')) return 0.95
    if (/\(arXiv:[^\s)]+ \[/.test(head) && head.includes('arxiv.org')) return 0.9
    if (/<link>https?:\/\/(?:rss\.|export\.)?arxiv\.org\//.test(head)) return 0.85
    return 0
  },
  parse(text, context) {
    return parseFeed(text, context, arxivItemToPaper)
  },
  stream(text, context) {
    return streamFeed(text, context, arxivItemToPaper, 'no papers found in it (read as arXiv RSS feed)')
  }
}

function arxivItemToPaper(item: Element, feed: FeedDocument): { paper: ParsedPaper | null; warnings: ParseWarning[] } {
  const line = feed.lineOf(item)
  const { title, idInTitle } = splitTitle(childText(item, 'title'))
  if (!title) return { paper: null, warnings: [{ line, message: 'skipped an item without a title' }] }
  const description = child(item, 'description') ?? child(item, 'summary')
  const { abstract, idInDescription } = splitDescription(description ? richText(description).text : '')
  const links = feedLinks(item)
  const guid = child(item, 'guid')
  // Ids that carry the version first: the link names the paper without one.
  const arxiv = arxivIdIn([
    idInDescription ? `arXiv:${idInDescription}` : '',
    guid ? textOf(guid) : '',
    idInTitle ? `arXiv:${idInTitle}` : '',
    ...links.map((link) => link.href)
  ])
  const urls = links.map((link) => link.href)
  if (urls.length === 0 && arxiv) urls.push(`https://arxiv.org/abs/${arxiv.id}`)
  return {
    paper: parsedPaper({
      title,
      authors: childElements(item, 'creator').flatMap((creator) => splitAuthorList(richText(creator).text)),
      abstract,
      ...arxivFields(arxiv),
      doi: doiIn(childElements(item, 'doi').map(textOf)),
      links: toLinks(urls),
      publishedAt: childDay(item, 'pubdate', 'date'),
      venue: childText(item, 'journal_reference', 'journal_ref') || null,
      subjects: feedCategories(item),
      line
    }),
    warnings: []
  }
}

/** "Title. (arXiv:2304.02012v1 [cs.CV] UPDATED)" -> the title and the id. */
function splitTitle(raw: string): { title: string; idInTitle: string | null } {
  const at = raw.lastIndexOf('(arXiv:')
  const suffix = at >= 0 ? TITLE_SUFFIX.exec(raw.slice(at)) : null
  if (!suffix) return { title: raw, idInTitle: null }
  return { title: raw.slice(0, at).trim().replace(/\.$/, '').trim(), idInTitle: suffix[1]! }
}

function splitDescription(text: string): { abstract: string | null; idInDescription: string | null } {
  const announcement = ANNOUNCEMENT.exec(text)
  const abstract = paragraphs(announcement ? text.slice(announcement[0].length) : text)
  return { abstract: abstract || null, idInDescription: announcement?.[1] ?? null }
}
