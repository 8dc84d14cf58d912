// CSL-JSON, the citation data of citeproc: what pandoc (`--bibliography x.json`, `--citeproc`)
// and Zotero (File > Import) read. One array of items; ids are the same author-year-word keys
// as BibTeX's, so `[@vaswani2017attention]` cites the same paper either way. An arXiv paper is
// written as Zotero writes a preprint: type `article`, publisher `arXiv`, number `arXiv:ID`.
import { createKeyMaker } from './citation-keys'
import { dateParts, keywordsOf, splitName } from './text'
import type { ExportPaper, ExportWriter } from './types'

type CslName = { family: string; given?: string } | { literal: string }

export function cslJsonWriter(): ExportWriter {
  const keyOf = createKeyMaker()
  let count = 0
  return {
    begin: () => '[',
    paper: (paper) => (count++ === 0 ? '\n  ' : ',\n  ') + JSON.stringify(cslItem(paper, keyOf(paper))),
    end: () => (count === 0 ? ']\n' : '\n]\n')
  }
}

export function cslItem(paper: ExportPaper, id: string): Record<string, unknown> {
  const item: Record<string, unknown> = { id, type: paper.venue ? 'article-journal' : 'article', title: paper.title }
  if (paper.authors.length > 0) item['author'] = paper.authors.map(cslName)
  const date = dateParts(paper.date)
  if (date) item['issued'] = { 'date-parts': [[date.year, date.month, date.day]] }
  else if (paper.year !== null) item['issued'] = { 'date-parts': [[paper.year]] }
  if (paper.venue) item['container-title'] = paper.venue
  if (paper.arxivId) Object.assign(item, { publisher: 'arXiv', number: `arXiv:${paper.arxivId}` })
  if (paper.doi) item['DOI'] = paper.doi
  if (paper.url) item['URL'] = paper.url
  if (paper.abstract) item['abstract'] = paper.abstract
  const keywords = keywordsOf(paper)
  if (keywords.length > 0) item['keyword'] = keywords.join(', ')
  if (paper.note) item['annote'] = paper.note
  return item
}

function cslName(name: string): CslName {
  const { given, family } = splitName(name)
  return given ? { family, given } : { literal: family }
}
