// BibTeX, written for BibTeX, biber/biblatex, JabRef and Zotero alike: author-year-word keys
// unique within the file, every value in braces with TeX's special characters escaped
// (tex-escape.ts), the title braced once more so styles keep its capitals, arXiv papers with
// eprint/archivePrefix/primaryClass, the note in `annote`, subjects and tags as `keywords`
// (what Zotero makes tags of) and the tags again as JabRef `groups`.
import { createKeyMaker } from './citation-keys'
import { texEscape } from './tex-escape'
import type { LinkKind } from '../../shared/model'
import { dateParts, keywordsOf, monthMacro, otherLinks } from './text'
import type { ExportMeta, ExportPaper, ExportWriter } from './types'

type Field = [name: string, value: string]

const LINK_LABELS: Record<LinkKind, string> = {
  abs: 'Page',
  pdf: 'PDF',
  code: 'Code',
  project: 'Project page',
  doi: 'DOI',
  other: 'Link'
}

export function bibtexWriter(meta: ExportMeta): ExportWriter {
  const keyOf = createKeyMaker()
  return {
    begin: () => `% ${meta.title}, exported by Dogear on ${meta.exportedAt.slice(0, 10)}\n\n`,
    paper: (paper) => bibtexEntry(paper, keyOf(paper)),
    end: () => ''
  }
}

export function bibtexEntry(paper: ExportPaper, key: string): string {
  const type = paper.venue ? 'article' : 'misc'
  const fields = [...describedFields(paper), ...identifierFields(paper), ...readerFields(paper)]
  const width = Math.max(...fields.map(([name]) => name.length))
  const lines = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`)
  return `@${type}{${key},\n${lines.join(',\n')}\n}\n\n`
}

function braced(text: string): string {
  return `{${texEscape(text)}}`
}

/** url, doi and eprint are verbatim in biblatex: no TeX escapes, only characters that would break the entry. */
function verbatim(text: string): string {
  return `{${text.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c))}}`
}

function describedFields(paper: ExportPaper): Field[] {
  const fields: Field[] = [['title', `{${braced(paper.title)}}`]]
  if (paper.authors.length > 0) fields.push(['author', `{${paper.authors.map(authorName).join(' and ')}}`])
  if (paper.venue) fields.push(['journal', braced(paper.venue)])
  const date = dateParts(paper.date)
  if (date) {
    fields.push(['year', `{${date.year}}`], ['month', monthMacro(date.month)], ['date', `{${paper.date}}`])
  } else if (paper.year !== null) fields.push(['year', `{${paper.year}}`])
  return fields
}

/**
 * A name BibTeX would split wrongly is braced whole: one holding the word "and" (an
 * organization) or more commas than `Last, Jr, First` has. `Müller, Karl` stays as it is.
 */
function authorName(name: string): string {
  const escaped = texEscape(name)
  return /\band\b/i.test(name) || name.split(',').length > 3 ? `{${escaped}}` : escaped
}

function identifierFields(paper: ExportPaper): Field[] {
  const fields: Field[] = []
  if (paper.arxivId) {
    fields.push(['eprint', verbatim(paper.arxivId)], ['archivePrefix', '{arXiv}'])
    if (paper.primaryClass) fields.push(['primaryClass', verbatim(paper.primaryClass)])
  }
  if (paper.doi) fields.push(['doi', verbatim(paper.doi)])
  if (paper.url) fields.push(['url', verbatim(paper.url)])
  // BibTeX has one url: the paper's other pages (code, project...) go in the note every style prints.
  const others = otherLinks(paper)
  if (others.length > 0) {
    fields.push(['note', braced(others.map((link) => `${LINK_LABELS[link.kind]}: ${link.url}`).join('; '))])
  }
  if (paper.abstract) fields.push(['abstract', braced(paper.abstract)])
  const keywords = keywordsOf(paper)
  if (keywords.length > 0) fields.push(['keywords', braced(keywords.join(', '))])
  return fields
}

/** What the reader did: JabRef's special fields (read, rank5 for a star), groups for tags, annote for the note. */
function readerFields(paper: ExportPaper): Field[] {
  const fields: Field[] = []
  if (paper.tags.length > 0) fields.push(['groups', braced(paper.tags.join(', '))])
  if (paper.read) fields.push(['readstatus', '{read}'])
  if (paper.starred) fields.push(['ranking', '{rank5}'])
  if (paper.note) fields.push(['annote', braced(paper.note)])
  return fields
}
