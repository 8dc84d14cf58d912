// Round trips for the export tests and the report: a library's papers written in a format,
// imported into an empty library, and compared field by field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportFormat } from '../../../src/shared/export'
import type { PaperDetail } from '../../../src/shared/model'
import { exportToFile } from '../../../src/main/export/output'
import { importFile, type ImportOptions } from '../../../src/main/ingest/pipeline'
import { openLibrary, type Library } from '../../../src/main/library'

/** The fields a round trip must keep (the list), then the others the report counts. */
export const FIELDS = ['title', 'authors', 'arxivId', 'doi', 'abstract', 'links'] as const
export const OTHER_FIELDS = [
  'arxivVersion',
  'publishedAt',
  'venue',
  'subjects',
  'tags',
  'read',
  'starred',
  'note'
] as const
type Field = (typeof FIELDS)[number] | (typeof OTHER_FIELDS)[number]
type Comparable = Record<Field, unknown>

/** A link as readers take it: a DOI's page without case, an arXiv page without its version. */
function sameLink(url: string): string {
  if (/^https?:\/\/(?:dx\.)?doi\.org\//i.test(url)) return url.toLowerCase().replace(/^http:/, 'https:')
  return url.replace(/^https?:(\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/.+?)(?:v\d+)?$/, 'https:$1')
}

export function comparable(paper: PaperDetail): Comparable {
  const versioned = paper.links.some((link) => /arxiv\.org\/(?:abs|pdf)\/.+v\d+$/.test(link.url))
  return {
    title: paper.title,
    authors: paper.authors,
    arxivId: paper.arxivId,
    doi: paper.doi,
    // Paragraph breaks are layout: formats with one-line values join them.
    abstract: paper.abstract === null ? null : paper.abstract.replace(/\s+/g, ' ').trim(),
    links: [...new Set(paper.links.map((link) => sameLink(link.url)))].sort(),
    arxivVersion: versioned,
    publishedAt: paper.publishedAt,
    venue: paper.venue,
    subjects: paper.subjects,
    tags: paper.tags,
    read: paper.read,
    starred: paper.starred,
    note: paper.note
  }
}

/** Whether `after` kept `before`. */
function kept(field: Field, before: unknown, after: unknown): boolean {
  // Links and subjects may gain (a PDF link from the arXiv id; tags written as keywords), never lose.
  if (field === 'links' || field === 'subjects')
    return (before as string[]).every((x) => (after as string[]).includes(x))
  // A date, a subject or the version the source did not give is no loss when the import adds it.
  if (before === null || before === false || (Array.isArray(before) && before.length === 0)) {
    return field === 'publishedAt' || field === 'arxivVersion' || JSON.stringify(before) === JSON.stringify(after)
  }
  return JSON.stringify(before) === JSON.stringify(after)
}

export interface RoundTrip {
  before: PaperDetail[]
  after: PaperDetail[]
  /** Per field, how many papers came back without what they had (a title that did not come back: all). */
  lost: Record<Field, number>
  differences: { title: string; field: Field; before: unknown; after: unknown }[]
  report: ReturnType<typeof importFile>
}

export function extension(format: ExportFormat): string {
  return { bibtex: '.bib', ris: '.ris', 'csl-json': '.csl.json', markdown: '.md', json: '.dogear.json' }[format]
}

/** Exports every paper of `library` in `format`, imports the file into an empty library, compares. */
export function roundTrip(library: Library, format: ExportFormat, options: ImportOptions = {}): RoundTrip {
  const folder = mkdtempSync(join(tmpdir(), 'dogear-round-trip-'))
  try {
    const file = join(folder, `export${extension(format)}`)
    const meta = { exportedAt: '2026-03-21T09:00:00.000Z', title: 'All papers' }
    exportToFile(library, { format, selection: { filter: { kind: 'all' } }, meta }, file)
    const target = openLibrary(':memory:')
    try {
      const report = importFile(target, file, options)
      return compare(library.exportAll(), target.exportAll(), report)
    } finally {
      target.close()
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

function compare(before: PaperDetail[], after: PaperDetail[], report: RoundTrip['report']): RoundTrip {
  const matchOf = matcher(after)
  const fields = [...FIELDS, ...OTHER_FIELDS]
  const lost = Object.fromEntries(fields.map((field) => [field, 0])) as RoundTrip['lost']
  const differences: RoundTrip['differences'] = []
  for (const paper of before) {
    const back = matchOf(paper)
    const left = comparable(paper)
    const right = back ? comparable(back) : null
    for (const field of fields) {
      if (right && kept(field, left[field], right[field])) continue
      lost[field]++
      differences.push({ title: paper.title, field, before: left[field], after: right?.[field] })
    }
  }
  return { before, after, lost, differences, report }
}

/** The paper that came back for one that went out: same title, and same arXiv id or DOI where two share a title. */
function matcher(after: PaperDetail[]): (paper: PaperDetail) => PaperDetail | undefined {
  const left = [...after]
  return (paper) => {
    const sameTitle = left.filter((candidate) => candidate.title === paper.title)
    const found =
      sameTitle.find((c) => c.arxivId === paper.arxivId && c.doi === paper.doi) ??
      sameTitle.find(
        (c) => (paper.arxivId !== null && c.arxivId === paper.arxivId) || (paper.doi !== null && c.doi === paper.doi)
      ) ??
      sameTitle[0]
    if (found) left.splice(left.indexOf(found), 1)
    return found
  }
}

/** A library with the given files imported, on disk in a temporary folder (closed by the caller). */
export function libraryOf(files: string[]): Library {
  const library = openLibrary(':memory:')
  for (const file of files) {
    const report = importFile(library, file)
    if (!report.ok) throw new Error(report.error.message)
  }
  return library
}

export function writeTemp(folder: string, name: string, text: string): string {
  const path = join(folder, name)
  writeFileSync(path, text)
  return path
}
