// What makes a link a paper's, and how a paper's links, arXiv id and DOI are filled in.
import { extractUrls, linkKind, normalizeDoi, parseArxivId, toLink, urlParts } from '../../normalize'
import type { ParsedLink, ParsedPaper } from '../../types'
import type { LabelledLink } from './inline'

const PAPER_HOSTS = [
  /(^|\.)openreview\.net$/,
  /(^|\.)aclanthology\.org$/,
  /(^|\.)semanticscholar\.org$/,
  /^(papers\.nips\.cc|proceedings\.neurips\.cc|openaccess\.thecvf\.com|proceedings\.mlr\.press|ojs\.aaai\.org)$/,
  /(^|\.)(ieeexplore\.ieee\.org|link\.springer\.com|nature\.com|biorxiv\.org|medrxiv\.org|jmlr\.org|ijcai\.org)$/,
  /(^|\.)(sciencedirect\.com|researchgate\.net|pubmed\.ncbi\.nlm\.nih\.gov|paperswithcode\.com|alphaxiv\.org)$/
]

/** A link to a paper itself (not a repository, a badge or a home page). */
export function isPaperUrl(url: string): boolean {
  const kind = linkKind(url)
  if (kind === 'abs' || kind === 'pdf' || kind === 'doi') return true
  const host = hostOf(url)
  if (host === '') return false
  if (/(^|\.)arxiv\.org$/.test(host)) return parseArxivId(url) !== null
  if (host === 'dl.acm.org') return url.includes('/doi/')
  return PAPER_HOSTS.some((pattern) => pattern.test(host))
}

function hostOf(url: string): string {
  return urlParts(url)?.hostname.toLowerCase() ?? ''
}

export function setArxiv(paper: ParsedPaper, text: string): void {
  const found = parseArxivId(text)
  if (!found) return
  paper.arxivId = found.id
  paper.arxivVersion = found.version
}

/** Adds links not already on the paper; a "Code" or "Project" label names the kind of an unknown link. */
export function addLinks(paper: ParsedPaper, links: LabelledLink[]): void {
  if (links.length === 0) return
  const seen = new Set(paper.links.map((l) => l.url))
  for (const link of links) {
    const parsed = toLink(link.url)
    if (!parsed || seen.has(parsed.url)) continue
    seen.add(parsed.url)
    paper.links.push(withLabelKind(parsed, link.label))
  }
}

function withLabelKind(link: ParsedLink, label: string): ParsedLink {
  if (link.kind !== 'other') return link
  const key = label.toLowerCase()
  if (key === 'code') return { ...link, kind: 'code' }
  if (/^(project( page)?|website|homepage|home page|page|demo|blog)$/.test(key)) return { ...link, kind: 'project' }
  return link
}

/** The last touches before a paper is kept: URLs in its abstract, and its arXiv id and DOI from its links. */
export function completePaper(paper: ParsedPaper): ParsedPaper {
  paper.title = paper.title.trim()
  if (paper.abstract)
    addLinks(
      paper,
      extractUrls(paper.abstract).map((url) => ({ url, label: '' }))
    )
  for (const link of paper.links) {
    const { hostname: host, pathname: path } = urlParts(link.url)!
    if (
      !paper.arxivId &&
      (/(^|\.)arxiv\.org$/.test(host) ||
        (/(^|\.)(huggingface\.co|alphaxiv\.org)$/.test(host) && /^\/(papers|abs)\//.test(path)))
    )
      setArxiv(paper, path)
    if (!paper.doi && link.kind === 'doi') paper.doi = normalizeDoi(link.url)
  }
  return paper
}
