// Building ParsedPaper records: every parser states what its format gives, the rest stays empty.
import type { ParsedPaper } from './types'

/** A paper with the given fields; what is not given is empty (no authors, no links, null facts). */
export function parsedPaper(fields: Partial<ParsedPaper> & { title: string; line: number }): ParsedPaper {
  // Assigned onto the defaults rather than spread with a rest copy: half the cost, the same keys in the same order.
  const paper: ParsedPaper = {
    title: fields.title,
    authors: [],
    abstract: null,
    snippet: null,
    arxivId: null,
    arxivVersion: null,
    doi: null,
    links: [],
    publishedAt: null,
    venue: null,
    line: fields.line
  }
  return Object.assign(paper, fields)
}

/** The arXiv fields of a paper from a parsed id (see parseArxivId), both null without one. */
export function arxivFields(
  found: { id: string; version: number | null } | null | undefined
): Pick<ParsedPaper, 'arxivId' | 'arxivVersion'> {
  return { arxivId: found?.id ?? null, arxivVersion: found?.version ?? null }
}
