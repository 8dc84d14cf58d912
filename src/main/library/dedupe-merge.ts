// Pure: a parsed entry as the library stores it, the dedupe rules and the merge of two records.
// Dedupe key, strongest first: arXiv id (no version), DOI (lower-cased), title key.
import type { Link } from '../../shared/model'
import type { StoredAbstract } from './abstract-text'
import type { CarriedState, ParsedPaper } from '../import/types'
import { collapseWhitespace, normalizeDoi, titleKey } from '../import/normalize'
import { MARKERS } from './search-query'
import { wellFormed } from '../../shared/well-formed'

export interface PaperRecord {
  title: string
  titleKey: string
  authors: string[]
  abstract: string | null
  snippet: string | null
  arxivId: string | null
  arxivVersion: number | null
  doi: string | null
  links: Link[]
  publishedAt: string | null
  venue: string | null
  readHint: boolean
  starHint: boolean
  subjects: string[]
  groups: string[]
  carriedState: CarriedState | null
  /** The abstract's stored form, made ahead of the write (abstract-deflater.ts), and the text it was made of. */
  prepared?: { abstract: string | null; stored: StoredAbstract }
}

/** Trimmed, without the search highlight markers (private-use characters no digest means). */
function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const trimmed = wellFormed(value).replace(MARKERS, '').trim()
  return trimmed === '' ? null : trimmed
}

export function uniqueLinks(links: Iterable<Link>): Link[] {
  const seen = new Set<string>()
  const unique: Link[] = []
  for (const link of links) {
    if (seen.has(link.url)) continue
    seen.add(link.url)
    unique.push({ url: link.url, kind: link.kind })
  }
  return unique
}

/** A paper keeps at most this many subjects or groups, each at most MAX_LABEL characters. */
export const MAX_LABELS = 32
const MAX_LABEL = 100

/** Trimmed, spacing collapsed, without repeats (case-insensitive), bounded. */
export function cleanLabels(labels: readonly string[] | undefined): string[] {
  return unionLabels([], labels ?? [])
}

function unionLabels(existing: readonly string[], incoming: readonly string[]): string[] {
  const seen = new Set(existing.map((label) => label.toLowerCase()))
  const labels = [...existing]
  for (const raw of incoming) {
    if (labels.length >= MAX_LABELS) break
    const label = collapseWhitespace(raw.replace(MARKERS, '')).slice(0, MAX_LABEL)
    const key = label.toLowerCase()
    if (label === '' || seen.has(key)) continue
    seen.add(key)
    labels.push(label)
  }
  return labels
}

export function hasCode(links: readonly Link[]): boolean {
  return links.some((link) => link.kind === 'code')
}

/** arXiv's own DOI (10.48550/arXiv.ID) names the arXiv record: "2403.01234" from it. */
function arxivIdOfDoi(doi: string | null): string | null {
  const match = doi === null ? null : /^10\.48550\/arxiv\.(.+)$/i.exec(doi)
  return match ? match[1]! : null
}

export function toRecord(entry: ParsedPaper): PaperRecord {
  const title = collapseWhitespace(wellFormed(entry.title).replace(MARKERS, ''))
  const doi = normalizeDoi(entry.doi)
  const arxivId = (text(entry.arxivId) ?? arxivIdOfDoi(doi))?.replace(/v\d+$/, '') ?? null
  return {
    title,
    titleKey: titleKey(title),
    authors: entry.authors
      .map((name) => collapseWhitespace(wellFormed(name).replace(MARKERS, '')))
      .filter((name) => name !== ''),
    abstract: text(entry.abstract),
    snippet: text(entry.snippet),
    arxivId,
    arxivVersion: arxivId ? entry.arxivVersion : null,
    doi,
    links: uniqueLinks(entry.links),
    publishedAt: text(entry.publishedAt),
    venue: text(entry.venue),
    readHint: entry.readHint === true,
    starHint: entry.starHint === true,
    subjects: cleanLabels(entry.subjects),
    groups: cleanLabels(entry.groups),
    carriedState: entry.carriedState ?? null
  }
}

/** Identifiers that disagree mean two different papers, whatever their titles say. */
export function compatible(a: PaperRecord, b: PaperRecord): boolean {
  if (a.arxivId && b.arxivId && a.arxivId !== b.arxivId) return false
  if (a.doi && b.doi && a.doi !== b.doi) return false
  return true
}

/** The first author's family name, folded ("Müller, J." and "J. Muller" agree), or null. */
export function firstAuthorKey(authors: readonly string[]): string | null {
  const first = authors[0]?.trim()
  if (!first) return null
  const family = first.includes(',') ? first.split(',')[0]! : first.split(/\s+/).pop()!
  const folded = family
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
  return folded === '' ? null : folded
}

function yearOf(date: string | null): number | null {
  const match = date === null ? null : /^(\d{4})/.exec(date)
  return match ? Number(match[1]) : null
}

/**
 * Two records with the same title are one paper when nothing says otherwise: identifiers
 * agree, the first authors' family names agree and the years are at most one apart (a
 * preprint's year and its publication's), each checked only where both records have it.
 */
export function sameWorkByTitle(a: PaperRecord, b: PaperRecord): boolean {
  if (a.titleKey === '' || a.titleKey !== b.titleKey || !compatible(a, b)) return false
  const authorA = firstAuthorKey(a.authors)
  const authorB = firstAuthorKey(b.authors)
  if (authorA !== null && authorB !== null && authorA !== authorB) return false
  const yearA = yearOf(a.publishedAt)
  const yearB = yearOf(b.publishedAt)
  return yearA === null || yearB === null || Math.abs(yearA - yearB) <= 1
}

function sameLinks(a: readonly Link[], b: readonly Link[]): boolean {
  return a.length === b.length && a.every((link, i) => link.url === b[i]!.url && link.kind === b[i]!.kind)
}

function sameAuthors(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i])
}

function mergedVersion(existing: PaperRecord, incoming: PaperRecord): number | null {
  if (existing.arxivId === null) return incoming.arxivVersion
  if (incoming.arxivId !== existing.arxivId || incoming.arxivVersion === null) return existing.arxivVersion
  return Math.max(existing.arxivVersion ?? 0, incoming.arxivVersion)
}

/**
 * `incoming` fills what `existing` lacked (authors, abstract, snippet, identifiers, dates,
 * venue; links are merged without repeats). A newer arXiv version also replaces the title,
 * the abstract and the authors. Returns the merged record and whether anything changed.
 */
export function mergeRecords(existing: PaperRecord, incoming: PaperRecord): { record: PaperRecord; changed: boolean } {
  const newerVersion =
    existing.arxivId !== null &&
    existing.arxivId === incoming.arxivId &&
    existing.arxivVersion !== null &&
    incoming.arxivVersion !== null &&
    incoming.arxivVersion > existing.arxivVersion
  const arxivId = existing.arxivId ?? incoming.arxivId
  const title = newerVersion && incoming.title !== '' ? incoming.title : existing.title
  const record: PaperRecord = {
    title,
    titleKey: title === existing.title ? existing.titleKey : incoming.titleKey,
    authors:
      (newerVersion || existing.authors.length === 0) && incoming.authors.length > 0
        ? incoming.authors
        : existing.authors,
    abstract: newerVersion ? (incoming.abstract ?? existing.abstract) : (existing.abstract ?? incoming.abstract),
    snippet: existing.snippet ?? incoming.snippet,
    arxivId,
    arxivVersion: mergedVersion(existing, incoming),
    doi: existing.doi ?? incoming.doi,
    links: uniqueLinks([...existing.links, ...incoming.links]),
    publishedAt: existing.publishedAt ?? incoming.publishedAt,
    venue: existing.venue ?? incoming.venue,
    readHint: existing.readHint || incoming.readHint,
    starHint: existing.starHint || incoming.starHint,
    subjects: unionLabels(existing.subjects, incoming.subjects),
    groups: unionLabels(existing.groups, incoming.groups),
    carriedState: existing.carriedState ?? incoming.carriedState
  }
  const changed =
    record.title !== existing.title ||
    !sameAuthors(record.authors, existing.authors) ||
    record.abstract !== existing.abstract ||
    record.snippet !== existing.snippet ||
    record.arxivId !== existing.arxivId ||
    record.arxivVersion !== existing.arxivVersion ||
    record.doi !== existing.doi ||
    !sameLinks(record.links, existing.links) ||
    record.publishedAt !== existing.publishedAt ||
    record.venue !== existing.venue
  return { record, changed }
}

/**
 * The same paper listed twice in one file becomes one record (merged, at its first position),
 * by the same rules as against the library.
 */
export function collapseDuplicates(records: readonly PaperRecord[]): PaperRecord[] {
  const collapsed: PaperRecord[] = []
  const byArxiv = new Map<string, number>()
  const byDoi = new Map<string, number>()
  const byTitle = new Map<string, number[]>()
  const index = (at: number): void => {
    const record = collapsed[at]!
    if (record.arxivId) byArxiv.set(record.arxivId, at)
    if (record.doi && !byDoi.has(record.doi)) byDoi.set(record.doi, at)
    if (record.titleKey !== '') {
      const list = byTitle.get(record.titleKey)
      if (!list) byTitle.set(record.titleKey, [at])
      else if (!list.includes(at)) list.push(at)
    }
  }
  const find = (record: PaperRecord): number | undefined => {
    if (record.arxivId && byArxiv.has(record.arxivId)) return byArxiv.get(record.arxivId)
    const byDoiAt = record.doi ? byDoi.get(record.doi) : undefined
    if (byDoiAt !== undefined && compatible(collapsed[byDoiAt]!, record)) return byDoiAt
    return byTitle.get(record.titleKey)?.find((at) => sameWorkByTitle(collapsed[at]!, record))
  }
  for (const record of records) {
    const at = find(record)
    if (at === undefined) {
      collapsed.push(record)
      index(collapsed.length - 1)
    } else {
      collapsed[at] = mergeRecords(collapsed[at]!, record).record
      index(at)
    }
  }
  return collapsed
}
