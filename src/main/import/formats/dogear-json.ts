// Dogear's own JSON export (`dogear export --format json`): papers with the reader's state.
// The papers import like any digest's; the state (read, starred, note, tags) travels as
// `carriedState`, which the library applies only to papers that have none yet. Files from
// before the format was versioned (`{ exportedAt, papers: [...digestRefs...] }`) read too.
import type { LinkKind } from '../../../shared/model'
import { isIsoDate } from '../dates'
import { collapseWhitespace, normalizeDoi, parseArxivId, titleFromFileName, toLink } from '../normalize'
import { arxivFields, parsedPaper } from '../paper'
import { arrayElementLines, isRecord, nonEmptyString, parseJsonSafely, type JsonRecord } from '../text/json'
import { ImportError, type CarriedState, type DigestParser, type ParsedLink, type ParsedPaper } from '../types'
import type { ParseContext, ParseResult, ParseWarning } from '../types'

const SCAN_LIMIT = 65_536
/** The newest version of the file this Dogear reads (src/main/export/dogear-json.ts writes it). */
const READS_VERSION = 1
const MAX_LABELS = 200
const LINK_KINDS: readonly LinkKind[] = ['abs', 'pdf', 'code', 'project', 'doi', 'other']
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/

export const dogearJsonParser: DigestParser = {
  format: 'dogear-json',
  label: "Dogear's own export (JSON, with reading state)",
  extensions: ['.dogear.json', '.json'],
  detect(text, fileName) {
    const head = text.slice(0, SCAN_LIMIT)
    if (!/^\ufeff?\s*\{/.test(head)) return 0
    if (/"format"\s*:\s*"dogear-export"/.test(head)) return 0.99
    // The unversioned export: papers as the reader pane shows them.
    if (head.includes('"exportedAt"') && /"papers"\s*:\s*\[/.test(head) && head.includes('"digestRefs"')) return 0.9
    return /\.dogear\.json$/i.test(fileName) ? 0.3 : 0
  },
  parse: parseDogearJson
}

export function parseDogearJson(text: string, context: ParseContext): ParseResult {
  const data = parseJsonSafely(text, context.fileName)
  if (!isRecord(data) || !Array.isArray(data.papers)) {
    throw new ImportError('MALFORMED', context.fileName, 'not a Dogear export: expected an object with "papers"', 1)
  }
  checkVersion(data, context.fileName)
  const exportedAt = isoTime(data.exportedAt) ?? context.fileModifiedAt.toISOString()
  const lines = arrayElementLines(text, ['papers'])
  const warnings: ParseWarning[] = []
  const entries: ParsedPaper[] = []
  data.papers.forEach((item: unknown, index) => {
    const line = lines[index] ?? 1
    const paper = isRecord(item) ? toPaper(item, line, exportedAt) : null
    if (paper) entries.push(paper)
    else
      warnings.push({
        line,
        message: `paper ${index + 1} ${isRecord(item) ? 'has no title' : 'is not an object'}; skipped`
      })
  })
  if (entries.length === 0 && data.papers.length > 0) {
    throw new ImportError('NO_PAPERS', context.fileName, 'no papers with a title in this Dogear export', null)
  }
  const day = context.dateOverride ?? exportedAt.slice(0, 10)
  const title = nonEmptyString(data.title)
  return {
    digest: {
      title: title ? `Dogear export: ${title}` : titleFromFileName(context.fileName, 'Dogear export'),
      dateFrom: day,
      dateTo: day
    },
    entries,
    warnings
  }
}

function checkVersion(data: JsonRecord, fileName: string): void {
  if (data.format === undefined) return
  const version = data.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ImportError('MALFORMED', fileName, 'a Dogear export without a valid "version"', 1)
  }
  if (version > READS_VERSION) {
    throw new ImportError(
      'MALFORMED',
      fileName,
      `written by a newer Dogear (export version ${version}; this one reads up to ${READS_VERSION}). Update Dogear to import it.`,
      1
    )
  }
}

function toPaper(item: JsonRecord, line: number, exportedAt: string): ParsedPaper | null {
  const title = collapseWhitespace(nonEmptyString(item.title) ?? '')
  if (!title) return null
  const date = nonEmptyString(item.date) ?? nonEmptyString(item.publishedAt)
  const paper = parsedPaper({
    title,
    authors: strings(item.authors, 10_000),
    abstract: nonEmptyString(item.abstract),
    snippet: nonEmptyString(item.snippet),
    ...arxivFields(nonEmptyString(item.arxivId) ? parseArxivId(nonEmptyString(item.arxivId)!) : null),
    doi: normalizeDoi(nonEmptyString(item.doi)),
    links: links(item.links),
    publishedAt: date && isIsoDate(date) ? date : null,
    venue: nonEmptyString(item.venue),
    line
  })
  const subjects = strings(item.subjects, MAX_LABELS)
  if (subjects.length > 0) paper.subjects = subjects
  paper.carriedState = stateOf(item, exportedAt)
  return paper
}

/** What the reader did; a `read: true` without its time was read by the time of the export. */
function stateOf(item: JsonRecord, exportedAt: string): CarriedState {
  const when = (flag: unknown, at: unknown): string | null => isoTime(at) ?? (flag === true ? exportedAt : null)
  return {
    readAt: when(item.read, item.readAt),
    starredAt: when(item.starred, item.starredAt),
    note: typeof item.note === 'string' && item.note.trim() !== '' ? item.note : null,
    tags: strings(item.tags, MAX_LABELS)
  }
}

function links(value: unknown): ParsedLink[] {
  if (!Array.isArray(value)) return []
  const found: ParsedLink[] = []
  for (const entry of value.slice(0, 1000)) {
    const url = isRecord(entry) ? nonEmptyString(entry.url) : null
    if (!url) continue
    const kind = LINK_KINDS.find((k) => k === (entry as JsonRecord).kind)
    const link = toLink(url, kind)
    if (link) found.push(link)
  }
  return found
}

function strings(value: unknown, max: number): string[] {
  if (!Array.isArray(value)) return []
  return value
    .slice(0, max)
    .map((entry) => nonEmptyString(entry))
    .filter((entry): entry is string => entry !== null)
}

function isoTime(value: unknown): string | null {
  return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? value : null
}
