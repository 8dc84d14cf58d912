// CSL-JSON, the citation data Zotero, Crossref and pandoc exchange: an array of items with
// `title`, `author [{family, given} | {literal}]`, `issued {date-parts}`, `DOI`, `URL`,
// `abstract`, `container-title`. Read through the bounded JSON reader, so a hostile nesting
// depth is a clear MALFORMED error, not a stack overflow.
import { parseDate, partialDate } from '../dates'
import {
  arxivFromDoi,
  collapseWhitespace,
  extractUrls,
  isArxivPaperUrl,
  normalizeDoi,
  parseArxivId,
  titleFromFileName,
  toLinks
} from '../normalize'
import { htmlToText } from '../text/html'
import { arrayElementLines, parseJsonSafely } from '../text/json'
import type { JsonPath } from '../text/json'
import { ImportError } from '../types'
import type { DigestParser, ParseContext, ParsedPaper, ParseResult, ParseWarning } from '../types'
import { arxivFields, parsedPaper } from '../paper'
import { cleanNames } from '../names'

const SCAN_LIMIT = 65_536
const CSL_TYPES =
  /"type"\s*:\s*"(?:article-journal|article|paper-conference|chapter|book|report|thesis|manuscript|webpage|post-weblog|dataset|speech|entry-encyclopedia)"/

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Item = { [key: string]: Json }

export const cslJsonParser: DigestParser = {
  format: 'csl-json',
  label: 'CSL-JSON citations',
  extensions: ['.json', '.csl.json', '.csljson'],
  detect(text, fileName) {
    const head = text.slice(0, SCAN_LIMIT)
    const start = /^\ufeff?\s*([[{])/.exec(head)
    if (!start || !head.includes('"title"')) return /\.csl\.?json$/i.test(fileName) ? 0.2 : 0
    if (head.includes('"date-parts"') || CSL_TYPES.test(head)) return 0.9
    // Names split into given/family are common in scrapers' own JSON too: only a bare array is CSL-like enough.
    if (/"family"\s*:/.test(head) || head.includes('"container-title"')) return start[1] === '[' ? 0.75 : 0.3
    return /\.csl\.?json$/i.test(fileName) ? 0.3 : 0
  },
  parse: parseCslJson
}

export function parseCslJson(text: string, context: ParseContext): ParseResult {
  const data = parseJsonSafely(text, context.fileName) as Json
  const { items, path } = itemsOf(data, context.fileName)
  const lines = arrayElementLines(text, path)
  const warnings: ParseWarning[] = []
  const entries: ParsedPaper[] = []
  items.forEach((item, index) => {
    const line = lines[index] ?? 1
    if (!isObject(item)) {
      warnings.push({ line, message: `item ${index + 1} is not an object; skipped` })
      return
    }
    const paper = toPaper(item, line)
    if (paper) entries.push(paper)
    else warnings.push({ line, message: `item ${index + 1}${idLabel(item)} has no title; skipped` })
  })
  if (entries.length === 0) {
    throw new ImportError('NO_PAPERS', context.fileName, 'no CSL-JSON items with a title found', null)
  }
  return {
    digest: {
      title: titleFromFileName(context.fileName.replace(/\.csl\.json$/i, '.json'), 'CSL-JSON citations'),
      dateFrom: context.dateOverride,
      dateTo: context.dateOverride
    },
    entries,
    warnings
  }
}

/** The item array: the root, an `items` array (some exporters wrap it), or one bare item. */
function itemsOf(data: Json, fileName: string): { items: Json[]; path: JsonPath } {
  if (Array.isArray(data)) return { items: data, path: [] }
  if (isObject(data)) {
    const wrapped = data['items']
    if (Array.isArray(wrapped)) return { items: wrapped, path: ['items'] }
    if (typeof data['title'] === 'string') return { items: [data], path: [] }
  }
  throw new ImportError('MALFORMED', fileName, 'not CSL-JSON: expected an array of citation items', 1)
}

function toPaper(item: Item, line: number): ParsedPaper | null {
  const title = plain(text(item['title']))
  if (!title) return null
  const doi = normalizeDoi(text(item['DOI']) ?? text(item['doi']))
  const url = text(item['URL']) ?? text(item['url'])
  const arxiv = arxivOf(item, url, doi)
  const urls: string[] = []
  if (arxiv) urls.push(`https://arxiv.org/abs/${arxiv.id}`, `https://arxiv.org/pdf/${arxiv.id}`)
  if (doi) urls.push(`https://doi.org/${doi}`)
  if (url && !(arxiv && /arxiv\.org\//i.test(url) && parseArxivId(url)?.id === arxiv.id)) urls.push(...extractUrls(url))
  const abstract = plain(text(item['abstract']))
  const container = item['container-title']
  const venue = plain(Array.isArray(container) ? text(container[0]) : text(container))
  const subjects = keywords(item['keyword'])
  return parsedPaper({
    ...(subjects.length > 0 ? { subjects } : {}),
    title,
    authors: names(item['author']),
    abstract: abstract || null,
    ...arxivFields(arxiv),
    doi,
    links: toLinks(urls),
    publishedAt: dateOf(item['issued']) ?? dateOf(item['published-online']) ?? dateOf(item['published-print']),
    venue: venue || null,
    line
  })
}

/** CSL `keyword`: one string, its keywords separated by commas or semicolons (Zotero writes ", "). */
function keywords(value: Json | undefined): string[] {
  const joined = Array.isArray(value) ? value.map((part) => text(part) ?? '').join(',') : text(value)
  if (!joined) return []
  return joined
    .split(/[,;]/)
    .map((label) => plain(label))
    .filter((label) => label !== '')
}

function names(value: Json | undefined): string[] {
  if (!Array.isArray(value)) return []
  return cleanNames(
    value.map((person) => {
      if (typeof person === 'string') return person
      if (!isObject(person)) return null
      const parts = ['given', 'dropping-particle', 'non-dropping-particle', 'family', 'suffix'].map((key) =>
        text(person[key])
      )
      return text(person['literal']) ?? parts.filter((part) => part).join(' ')
    })
  )
}

/** `{"date-parts": [[2024, "3", 12]]}`, `{"raw": "2024-03-12"}`, or a date string. */
function dateOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return looseDate(value)
  if (!isObject(value)) return null
  const parts = value['date-parts']
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const [year, month, day] = parts[0].map((part) =>
      typeof part === 'number' || typeof part === 'string' ? Number(part) : NaN
    )
    if (year !== undefined && Number.isInteger(year)) {
      const m = month !== undefined && Number.isInteger(month) ? month : null
      const d = day !== undefined && Number.isInteger(day) ? day : null
      return partialDate(year, m, d)
    }
  }
  const raw = text(value['raw']) ?? text(value['literal'])
  return raw ? looseDate(raw) : null
}

function looseDate(text: string): string | null {
  const exact = parseDate(text, new Date(0))
  if (exact && /\d{4}/.test(text)) return exact
  const partial = /^\s*(\d{4})(?:-(\d{1,2}))?/.exec(text)
  return partial ? partialDate(Number(partial[1]), partial[2] ? Number(partial[2]) : null, null) : null
}

function arxivOf(item: Item, url: string | null, doi: string | null): { id: string; version: number | null } | null {
  if (url && isArxivPaperUrl(url)) {
    const id = parseArxivId(url)
    if (id) return id
  }
  const archive = (text(item['archive']) ?? text(item['publisher']) ?? '').toLowerCase()
  for (const key of ['number', 'note', 'container-title', 'id']) {
    const value = text(item[key]) ?? ''
    const reference = /arXiv:\s*(\S+)/i.exec(value)
    const candidate = reference ? reference[1]! : archive === 'arxiv' && key === 'number' ? value : null
    const id = candidate ? parseArxivId(candidate) : null
    if (id) return id
  }
  return arxivFromDoi(doi)
}

/** Titles and abstracts may carry CSL rich text or JATS markup (`<i>`, `<jats:p>`): keep the text. */
function plain(value: string | null): string {
  if (!value) return ''
  return collapseWhitespace(/<\/[A-Za-z]/.test(value) ? htmlToText(value) : value)
}

function text(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number') return String(value)
  return null
}

function isObject(value: Json | undefined): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function idLabel(item: Item): string {
  const id = text(item['id'])
  return id ? ` ("${id.slice(0, 60)}")` : ''
}
