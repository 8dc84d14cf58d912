// RIS, the tagged format reference managers export: records from `TY  - TYPE` to `ER  -`,
// one `XX  - value` per line, repeated tags for repeated values, untagged lines continuing
// the previous value. Also the shared record-to-paper mapping for Web of Science (wos.ts).
import { collapseWhitespace, extractUrls, normalizeDoi, parseArxivId, toLinks } from '../normalize'
import { ImportError } from '../types'
import type { DigestParser, ParseContext, ParsedPaper, ParseResult, ParseWarning } from '../types'
import { arxivFromDoi, partialDate, titleFromFileName } from './bibtex'
import { arxivFields, parsedPaper } from '../paper'

const SCAN_LIMIT = 65_536
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/

export const risParser: DigestParser = {
  format: 'ris',
  label: 'RIS (reference manager export)',
  extensions: ['.ris'],
  detect(text, fileName) {
    const head = text.slice(0, SCAN_LIMIT)
    if (/^TY {1,2}- ?\S/m.test(head)) return /^ER {1,2}-/m.test(head) || head.length < text.length ? 0.95 : 0.7
    return /\.ris$/i.test(fileName) ? 0.2 : 0
  },
  parse: parseRis
}

/** A record of tagged values: every value of a tag, in file order. */
export interface TaggedRecord {
  line: number
  fields: Map<string, string[]>
}

export function parseRis(text: string, context: ParseContext): ParseResult {
  const lines = text.split(/\r\n|\r|\n/)
  const warnings: ParseWarning[] = []
  const records: TaggedRecord[] = []
  let current: TaggedRecord | null = null
  let lastValues: string[] | null = null

  for (let i = 0; i < lines.length; i++) {
    const line = i === 0 ? lines[i]!.replace(/^\ufeff/, '') : lines[i]!
    const tagged = TAG_LINE.exec(line.trimEnd())
    if (tagged) {
      const tag = tagged[1]!
      const value = (tagged[2] ?? '').trim()
      if (tag === 'TY') {
        if (current) {
          warnings.push({ line: current.line, message: 'record has no "ER  -" line; it ends where the next begins' })
          records.push(current)
        }
        current = { line: i + 1, fields: new Map([['TY', [value]]]) }
        lastValues = null
      } else if (tag === 'ER') {
        if (current) records.push(current)
        else warnings.push({ line: i + 1, message: '"ER  -" without a record' })
        current = null
        lastValues = null
      } else if (current) {
        lastValues = current.fields.get(tag) ?? []
        lastValues.push(value)
        current.fields.set(tag, lastValues)
      } else if (value) {
        warnings.push({ line: i + 1, message: `"${tag}" line outside a record (no "TY  -" before it); ignored` })
      }
    } else if (current && lastValues && line.trim()) {
      // An untagged line continues the value before it (long abstracts are wrapped this way).
      lastValues[lastValues.length - 1] += ` ${line.trim()}`
    }
  }
  if (current) {
    warnings.push({ line: current.line, message: 'the file ends inside this record (no "ER  -" line)' })
    records.push(current)
  }

  const entries = recordsToPapers(records, risMapping, warnings)
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  if (entries.length === 0) {
    throw new ImportError('NO_PAPERS', context.fileName, 'no RIS records with a title found', null)
  }
  return {
    digest: {
      title: titleFromFileName(context.fileName, 'RIS references'),
      dateFrom: context.dateOverride,
      dateTo: context.dateOverride
    },
    entries,
    warnings
  }
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
}

const risMapping: TagMapping = {
  title: (record) => first(record, ['TI', 'T1', 'CT', 'BT', 'ST']),
  authors: (record) => [...(record.fields.get('AU') ?? []), ...(record.fields.get('A1') ?? [])],
  abstract: ['AB', 'N2'],
  doi: ['DO', 'DI'],
  urls: ['UR', 'L1', 'L2', 'L4'],
  notes: ['N1'],
  venue: ['JF', 'T2', 'JO', 'JA', 'J2'],
  date: (record) => risDate(first(record, ['DA', 'PY', 'Y1']))
}

export function recordsToPapers(records: TaggedRecord[], mapping: TagMapping, warnings: ParseWarning[]): ParsedPaper[] {
  const papers: ParsedPaper[] = []
  for (const record of records) {
    const paper = recordToPaper(record, mapping)
    if (paper) papers.push(paper)
    else warnings.push({ line: record.line, message: 'record has no title; skipped' })
  }
  return papers
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
  links.push(...urls.filter((url) => !(arxiv && isArxivUrl(url) && parseArxivId(url)?.id === arxiv.id)))
  for (const note of notes) links.push(...extractUrls(note))
  const abstract = first(record, mapping.abstract)
  const authors = mapping
    .authors(record)
    .map(flipName)
    .filter((name) => name.length > 0)
  return parsedPaper({
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
    if (isArxivUrl(text)) {
      const id = parseArxivId(text)
      if (id) return id
    }
    const reference = /arXiv:\s*(\S+)/i.exec(text)
    if (reference) {
      const id = parseArxivId(reference[1]!)
      if (id) return id
    }
  }
  return arxivFromDoi(doi)
}

function isArxivUrl(url: string): boolean {
  return /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i.test(url)
}

/** The first non-empty value of the first tag that has one. */
export function first(record: TaggedRecord, tags: string[]): string | null {
  for (const tag of tags) {
    const value = record.fields.get(tag)?.find((v) => v.trim() !== '')
    if (value !== undefined) return value.trim()
  }
  return null
}

/** "Lovelace, Ada" -> "Ada Lovelace"; "Tanaka, Yuki, Jr." -> "Yuki Tanaka Jr."; others as they are. */
export function flipName(name: string): string {
  const parts = name.split(',').map((part) => part.trim())
  const ordered =
    parts.length === 2 ? [parts[1], parts[0]] : parts.length >= 3 ? [parts[1], parts[0], ...parts.slice(2)] : parts
  return collapseWhitespace(ordered.filter((part) => part).join(' '))
}

/** "2024/03/12/", "2024///", "2024/03", "2024-03-12", "2024" -> YYYY-MM-DD. */
function risDate(text: string | null): string | null {
  const match = text ? /^(\d{4})(?:[/-](\d{0,2}))?(?:[/-](\d{0,2}))?/.exec(text.trim()) : null
  if (!match) return null
  return partialDate(Number(match[1]), match[2] ? Number(match[2]) : null, match[3] ? Number(match[3]) : null)
}
