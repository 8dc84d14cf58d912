// Results of the arXiv API (export.arxiv.org/api/query): an Atom feed whose entries carry the
// id with its version, wrapped titles and summaries, and arxiv:* fields (DOI, journal reference,
// comment). The `arxiv` prefix is matched by local name, so where it is declared does not matter.
// The API reports a bad query as an entry with an errors id: that becomes a warning.
import type { Element } from 'domhandler'
import { extractUrls, linkKind, parseArxivId, toLinks } from '../normalize'
import type { LinkKind } from '../../../shared/model'
import { ImportError, type DigestParser, type ParsedLink, type ParsedPaper, type ParseWarning } from '../types'
import { parseFeed } from './feed'
import {
  child,
  childDay,
  childElements,
  childText,
  creatorNames,
  doiIn,
  feedLinks,
  paragraphs,
  richText,
  textOf,
  type FeedDocument,
  feedCategories
} from './feed-common'
import { arxivFields, parsedPaper } from '../paper'

const API_ERROR = 'the arXiv API reported an error'
const LINK_ORDER: LinkKind[] = ['abs', 'pdf', 'doi', 'code', 'project', 'other']

export const arxivAtomParser: DigestParser = {
  format: 'arxiv-atom',
  label: 'arXiv API (Atom)',
  extensions: ['.atom', '.xml'],
  detect(text, fileName) {
    const head = text.slice(0, 65_536)
    if (!/<feed[\s>]/.test(head)) return /arxiv/i.test(fileName) && /\.(atom|xml)$/i.test(fileName) ? 0.1 : 0
    if (head.includes('arxiv.org/api') || head.includes('<arxiv:primary_category')) return 0.95
    if (head.includes('xmlns:arxiv="http://arxiv.org/schemas/atom"') && head.includes('arxiv.org/abs/')) return 0.9
    return 0
  },
  parse(text, context) {
    const result = parseFeed(text, context, arxivEntryToPaper)
    const apiError = result.warnings.find((warning) => warning.message.startsWith(API_ERROR))
    if (result.entries.length === 0 && apiError) {
      throw new ImportError('MALFORMED', context.fileName, apiError.message, apiError.line)
    }
    return result
  }
}

function arxivEntryToPaper(
  entry: Element,
  feed: FeedDocument
): { paper: ParsedPaper | null; warnings: ParseWarning[] } {
  const line = feed.lineOf(entry)
  const id = childText(entry, 'id')
  const summaryElement = child(entry, 'summary')
  const summary = summaryElement ? paragraphs(richText(summaryElement).text) : ''
  if (/arxiv\.org\/api\/errors/i.test(id)) {
    return { paper: null, warnings: [{ line, message: `${API_ERROR}: ${summary || id}` }] }
  }
  const title = childText(entry, 'title')
  if (!title) return { paper: null, warnings: [{ line, message: 'skipped an entry without a title' }] }
  const arxiv = /arxiv\.org\/abs\//i.test(id) ? parseArxivId(id.replace(/^.*\/abs\//i, '')) : null
  const comment = childText(entry, 'comment')
  return {
    paper: parsedPaper({
      title,
      authors: creatorNames(entry),
      abstract: summary || null,
      ...arxivFields(arxiv),
      doi: doiIn([...childElements(entry, 'doi').map(textOf), `doi:${childText(entry, 'doi')}`]),
      links: [...entryLinks(entry), ...toLinks(extractUrls(`${summary} ${comment}`))]
        .filter((link, index, all) => all.findIndex((other) => other.url === link.url) === index)
        .sort((a, b) => LINK_ORDER.indexOf(a.kind) - LINK_ORDER.indexOf(b.kind)),
      publishedAt: childDay(entry, 'published', 'updated'),
      venue: childText(entry, 'journal_ref') || null,
      subjects: feedCategories(entry),
      line
    }),
    warnings: []
  }
}

/** The abstract page, the PDF (`title="pdf"`) and the DOI page (`title="doi"`). */
function entryLinks(entry: Element): ParsedLink[] {
  const links: ParsedLink[] = []
  for (const link of feedLinks(entry)) {
    const title = link.title?.toLowerCase()
    const kind = title === 'pdf' ? 'pdf' : title === 'doi' ? 'doi' : linkKind(link.href)
    links.push(...toLinks([link.href], kind))
  }
  return links
}
