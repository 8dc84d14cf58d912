// Tagged reference formats (RIS, Web of Science): records of `XX` tags with repeated values,
// and the one way both turn a record into a paper once a mapping says which tag holds what.
import { flipName } from '../names'
import {
  arxivFromDoi,
  arxivReference,
  collapseWhitespace,
  extractUrls,
  isArxivPaperUrl,
  normalizeDoi,
  parseArxivId,
  toLinks
} from '../normalize'
import { arxivFields, parsedPaper } from '../paper'
import type { ParsedPaper, ParseWarning } from '../types'

/** A record of tagged values: every value of a tag, in file order. */
export interface TaggedRecord {
  line: number
  fields: Map<string, string[]>
}

/** Which tags hold which facts. */
export interface TagMapping {
  title: (record: TaggedRecord) => string | null
  authors: (record: TaggedRecord) => string[]
  abstract: string[]
  doi: string[]
  urls: string[]
  notes: string[]
  venue: string[]
  date: (record: TaggedRecord) => string | null
  /** Keyword tags (RIS `KW`, Web of Science `DE`); a value may hold several, split at semicolons. */
  subjects?: string[]
}

export function recordsToPapers(records: TaggedRecord[], mapping: TagMapping, warnings: ParseWarning[]): ParsedPaper[] {
  const papers: ParsedPaper[] = []
  for (const record of records) {
    const paper = taggedPaper(record, mapping, warnings)
    if (paper) papers.push(paper)
  }
  return papers
}

/** One record as a paper; a record without a title is skipped with a warning. */
export function taggedPaper(record: TaggedRecord, mapping: TagMapping, warnings: ParseWarning[]): ParsedPaper | null {
  const paper = recordToPaper(record, mapping)
  if (!paper) warnings.push({ line: record.line, message: 'record has no title; skipped' })
  return paper
}

function recordToPaper(record: TaggedRecord, mapping: TagMapping): ParsedPaper | null {
  const title = collapseWhitespace(mapping.title(record) ?? '')
  if (!title) return null
  const doi = normalizeDoi(first(record, mapping.doi))
  const urls: string[] = []
  for (const tag of mapping.urls) {
    for (const value of record.fields.get(tag) ?? []) urls.push(...extractUrls(value))
  }
  const notes = mapping.notes.flatMap((tag) => record.fields.get(tag) ?? [])
  const venue = first(record, mapping.venue)
  const arxiv = arxivOf([...urls, ...notes, venue ?? ''], doi)
  const links: string[] = []
  if (arxiv) links.push(`https://arxiv.org/abs/${arxiv.id}`, `https://arxiv.org/pdf/${arxiv.id}`)
  if (doi) links.push(`https://doi.org/${doi}`)
  links.push(...urls.filter((url) => !(arxiv && isArxivPaperUrl(url) && parseArxivId(url)?.id === arxiv.id)))
  for (const note of notes) links.push(...extractUrls(note))
  const abstract = first(record, mapping.abstract)
  const authors = mapping
    .authors(record)
    .map(flipName)
    .filter((name) => name.length > 0)
  const subjects = (mapping.subjects ?? []).flatMap((tag) =>
    (record.fields.get(tag) ?? []).flatMap((value) => value.split(';').map((label) => collapseWhitespace(label)))
  )
  return parsedPaper({
    ...(subjects.some((label) => label !== '') ? { subjects: subjects.filter((label) => label !== '') } : {}),
    title,
    authors: [...new Set(authors)],
    abstract: abstract ? collapseWhitespace(abstract) || null : null,
    ...arxivFields(arxiv),
    doi,
    links: toLinks(links),
    publishedAt: mapping.date(record),
    venue: venue ? collapseWhitespace(venue) : null,
    line: record.line
  })
}

function arxivOf(texts: string[], doi: string | null): { id: string; version: number | null } | null {
  for (const text of texts) {
    const id = (isArxivPaperUrl(text) ? parseArxivId(text) : null) ?? arxivReference(text)
    if (id) return id
  }
  return arxivFromDoi(doi)
}

/** The first non-empty value of the first tag that has one. */
export function first(record: TaggedRecord, tags: string[]): string | null {
  for (const tag of tags) {
    const value = record.fields.get(tag)?.find((v) => v.trim() !== '')
    if (value !== undefined) return value.trim()
  }
  return null
}
