// The one plain record every exporter reads: a paper with what the reader did with it.
// Built from the library's rows by src/main/library/export-rows.ts; the exporters never see SQL.
import type { Link } from '../../shared/model'

export interface ExportDigest {
  id: number
  title: string
  /** The digest's first day (YYYY-MM-DD), when it has one. */
  date: string | null
}

export interface ExportPaper {
  id: number
  title: string
  authors: string[]
  /** As precise as the sources were: YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
  date: string | null
  year: number | null
  /** Without version: `2401.12345` or `hep-th/9901001`. */
  arxivId: string | null
  /** The arXiv primary category (`cs.CL`) when it is known for certain; null otherwise. */
  primaryClass: string | null
  doi: string | null
  /** The paper's page: the arXiv abstract page, else the DOI's, else the first link. */
  url: string | null
  links: Link[]
  abstract: string | null
  /** Truncated text that is not an abstract (Scholar alerts); kept so Dogear's own export loses nothing. */
  snippet: string | null
  venue: string | null
  /** The sources' own keywords (arXiv categories, BibTeX keywords...). */
  subjects: string[]
  /** The reader's tags. */
  tags: string[]
  note: string | null
  read: boolean
  readAt: string | null
  starred: boolean
  starredAt: string | null
  /** The digests that listed the paper, oldest first. */
  digests: ExportDigest[]
}

/**
 * A format's writer, one paper at a time so a 100,000-paper export is never one string:
 * `begin()`, then `paper()` for each paper in order, then `end()`; the pieces concatenated are the file.
 * A writer keeps state across papers (unique citation keys), so each export makes a new one.
 */
export interface ExportWriter {
  begin(): string
  paper(paper: ExportPaper): string
  end(): string
}

/** Facts about the export as a whole, for formats that record them. */
export interface ExportMeta {
  /** ISO time of the export. */
  exportedAt: string
  /** What was exported ("Starred papers", "All papers"...), for formats with a heading. */
  title: string
  /** Whole-library facts Dogear's JSON export carries after the papers (saved searches...). */
  extra?: Record<string, unknown>
}
