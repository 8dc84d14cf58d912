// The library's PaperDetail -> the exporters' ExportPaper: the paper's page, its year and the
// arXiv primary category are decided here once, so every format agrees.
import type { PaperDetail } from '../../shared/model'
import type { ExportPaper } from './types'

const ARXIV_ARCHIVES =
  'cs|math|stat|physics|q-bio|q-fin|eess|econ|astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|quant-ph'
const ARXIV_CATEGORY = new RegExp(`^(?:${ARXIV_ARCHIVES})(?:\\.[A-Za-z-]{2,})?$`)

export function exportPaperOf(detail: PaperDetail): ExportPaper {
  return {
    id: detail.id,
    title: detail.title,
    authors: detail.authors,
    date: detail.publishedAt,
    year: yearOf(detail.publishedAt) ?? yearOf(detail.digestDate),
    arxivId: detail.arxivId,
    primaryClass: primaryClassOf(detail.arxivId, detail.subjects),
    doi: detail.doi,
    url: pageOf(detail),
    links: detail.links,
    abstract: detail.abstract,
    snippet: detail.snippet,
    venue: detail.venue,
    subjects: detail.subjects,
    tags: detail.tags,
    note: detail.note,
    read: detail.read,
    readAt: detail.readAt,
    starred: detail.starred,
    starredAt: detail.starredAt,
    digests: detail.digestRefs.map((ref) => ({ id: ref.id, title: ref.title, date: ref.dateFrom }))
  }
}

function yearOf(date: string | null): number | null {
  const match = date ? /^(\d{4})/.exec(date) : null
  return match ? Number(match[1]) : null
}

/**
 * The primary category only when it is certain: an old-style id names its archive
 * (`hep-th/9901001`); otherwise only a paper with exactly one arXiv category among its subjects
 * has a known one (the library keeps subjects without their order).
 */
export function primaryClassOf(arxivId: string | null, subjects: readonly string[]): string | null {
  if (!arxivId) return null
  const archive = /^([a-z-]+(?:\.[A-Z]{2})?)\/\d{7}$/.exec(arxivId)
  if (archive) return archive[1]!
  const categories = subjects.filter((subject) => ARXIV_CATEGORY.test(subject))
  return categories.length === 1 ? categories[0]! : null
}

/** The arXiv abstract page, else the DOI's page, else the paper's abstract-page link, else its first link. */
function pageOf(detail: PaperDetail): string | null {
  if (detail.arxivId) return `https://arxiv.org/abs/${detail.arxivId}`
  if (detail.doi) return `https://doi.org/${detail.doi}`
  return (detail.links.find((link) => link.kind === 'abs') ?? detail.links[0])?.url ?? null
}
