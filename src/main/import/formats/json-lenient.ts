// JSON that scrapers publish in their own shapes: find the largest array of paper-like objects
// (anywhere: top level, `{ papers: [...] }`, `{ data: { items: [...] } }`) and read whatever
// title-, abstract-, url-, author-, date- and code-like keys it has. Keys match loosely
// ("paper_title", "paperTitle", "Paper Title" are one key); `details`, `paper`, `metadata`
// objects inside a row are searched too. JSON with no such array is NO_PAPERS.
import { parseDate } from '../dates'
import { collapseWhitespace, isHttpUrl, normalizeDoi, titleFromFileName, toLinks } from '../normalize'
import {
  arrayElementLines,
  isRecord,
  nonEmptyString,
  parseJsonSafely,
  type JsonPath,
  type JsonRecord
} from '../text/json'
import {
  ImportError,
  type DigestParser,
  type ParseContext,
  type ParsedLink,
  type ParsedPaper,
  type ParseWarning
} from '../types'
import { arxivIdIn, digestDays, doiIn, paragraphs, plainFromMaybeHtml, withoutExactDuplicates } from './feed-common'
import { arxivFields, parsedPaper } from '../paper'
import { cleanNames, splitAuthorList } from '../names'

const TITLE_KEYS = ['title', 'papertitle', 'articletitle']
const NAME_KEYS = ['name']
const ABSTRACT_KEYS = ['abstract', 'summary', 'description', 'abstracttext', 'content']
const SNIPPET_KEYS = ['aisummary', 'tldr', 'snippet', 'oneliner']
const URL_KEYS = [
  'url',
  'link',
  'paperurl',
  'paperlink',
  'absurl',
  'arxivurl',
  'arxivlink',
  'htmlurl',
  'pdfurl',
  'pdflink',
  'pdf',
  'hfurl',
  'huggingfaceurl'
]
const CODE_KEYS = [
  'githublinks',
  'githublink',
  'github',
  'githuburl',
  'githubrepo',
  'code',
  'codeurl',
  'codelink',
  'repo',
  'repository',
  'repourl'
]
const PROJECT_KEYS = ['projectpage', 'projecturl', 'projectlink', 'homepage', 'website']
const AUTHOR_KEYS = ['authors', 'author', 'authornames', 'creators', 'creator']
const ID_KEYS = ['arxivid', 'arxiv', 'paperid', 'id', 'entryid', 'eprint']
const DOI_KEYS = ['doi']
const DATE_KEYS = [
  'publishedat',
  'published',
  'publicationdate',
  'pubdate',
  'date',
  'submitted',
  'submitteddate',
  'createdat',
  'releasedate'
]
const LIST_DAY_KEYS = [
  'scrapeddate',
  'scrapedat',
  'submittedondailyat',
  'digestdate',
  'listdate',
  'crawldate',
  'crawledat',
  'fetchedat'
]
const ROOT_DAY_KEYS = [...LIST_DAY_KEYS, 'date', 'day', 'generatedat', 'updated', 'updatedat']
const VENUE_KEYS = ['venue', 'journal', 'conference', 'booktitle', 'publishedin', 'containertitle']
const NESTED_KEYS = ['details', 'paper', 'metadata', 'meta', 'info', 'attributes', 'data']
// What makes a `name`d object a paper rather than a person or a tag: a bare url is not enough.
const NAME_HINT_KEYS = [
  ...ABSTRACT_KEYS,
  ...AUTHOR_KEYS,
  ...DOI_KEYS,
  'arxivid',
  'arxiv',
  'paperurl',
  'pdfurl',
  'arxivurl'
]

export const jsonLenientParser: DigestParser = {
  format: 'json-lenient',
  label: 'JSON list of papers (any shape)',
  extensions: ['.json'],
  detect(text, fileName) {
    const head = text.slice(0, 65_536)
    const isJsonFile = /\.json$/i.test(fileName)
    if (!/^\uFEFF?\s*[[{]/.test(head)) return 0
    // Low on purpose: specific JSON formats (hf-json, csl-json) must win when they match.
    if (/"(?:title|paper_?title|paperTitle)"\s*:/i.test(head)) return isJsonFile ? 0.4 : 0.3
    if (/"name"\s*:/.test(head) && /"(?:abstract|summary|url|link|authors)"\s*:/i.test(head)) return 0.25
    return isJsonFile ? 0.05 : 0
  },
  parse(text, context) {
    const root = parseJsonSafely(text, context.fileName)
    const found = largestPaperArray(root)
    if (!found) {
      throw new ImportError(
        'NO_PAPERS',
        context.fileName,
        'no list of papers found: expected an array of objects with a title'
      )
    }
    const lines = arrayElementLines(text, found.path)
    const entries: ParsedPaper[] = []
    const warnings: ParseWarning[] = []
    const listDays: Array<string | null> = []
    for (const [index, row] of found.items.entries()) {
      const line = lines[index] ?? 1
      if (!isRecord(row)) continue
      const fields = new Fields(row)
      listDays.push(fields.day(LIST_DAY_KEYS, context))
      const paper = rowToPaper(fields, line, context)
      if (paper) entries.push(paper)
      else warnings.push({ line, message: `skipped item ${index + 1}: no title` })
    }
    const rootFields = isRecord(root) ? new Fields(root, false) : null
    const ownDay = rootFields?.day(ROOT_DAY_KEYS, context) ?? null
    const days = listDays.some(Boolean)
      ? digestDays(listDays, null, context)
      : digestDays(ownDay ? [] : entries.map((entry) => entry.publishedAt), ownDay, context)
    const unique = withoutExactDuplicates(entries)
    return {
      digest: {
        title: rootTitle(rootFields, found.path) ?? titleFromFileName(context.fileName, undefined, /\.json$/i),
        ...days
      },
      entries: unique,
      warnings
    }
  }
}

/** A row's keys, normalized ("Paper_Title" -> "papertitle"), then those of its nested objects. */
class Fields {
  private readonly values = new Map<string, unknown>()

  constructor(row: JsonRecord, withNested = true) {
    this.add(row)
    if (!withNested) return
    for (const [key, value] of Object.entries(row)) {
      if (NESTED_KEYS.includes(normalizeKey(key)) && isRecord(value)) this.add(value)
    }
  }

  private add(record: JsonRecord): void {
    for (const [key, value] of Object.entries(record)) {
      const normalized = normalizeKey(key)
      if (!this.values.has(normalized) || this.values.get(normalized) == null) this.values.set(normalized, value)
    }
  }

  has(keys: string[]): boolean {
    return keys.some((key) => this.values.get(key) != null)
  }

  /** The first of these keys holding a non-empty string. */
  text(keys: string[]): string | null {
    for (const key of keys) {
      const value = nonEmptyString(this.values.get(key))
      if (value) return value
    }
    return null
  }

  /** Every string under these keys, in arrays too (github_links: [...]). */
  strings(keys: string[]): string[] {
    return keys.flatMap((key) => {
      const value = this.values.get(key)
      const list = Array.isArray(value) ? value : [value]
      return list.map(nonEmptyString).filter((item): item is string => item !== null)
    })
  }

  raw(keys: string[]): unknown {
    for (const key of keys) if (this.values.get(key) != null) return this.values.get(key)
    return undefined
  }

  day(keys: string[], context: ParseContext): string | null {
    for (const text of this.strings(keys)) {
      const day = parseDate(text, context.fileModifiedAt) ?? parseDate(text.slice(0, 10), context.fileModifiedAt)
      if (day) return day
    }
    return null
  }
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '')
}

function rowToPaper(fields: Fields, line: number, context: ParseContext): ParsedPaper | null {
  const title = collapseWhitespace(plainFromMaybeHtml(fields.text(TITLE_KEYS) ?? fields.text(NAME_KEYS) ?? ''))
  if (!title) return null
  const abstract = fields.text(ABSTRACT_KEYS)
  const snippet = fields.text(SNIPPET_KEYS)
  const urls = fields.strings(URL_KEYS).filter(isHttpUrl)
  const ids = fields.strings(ID_KEYS).filter(isArxivLike)
  const arxiv = arxivIdIn([...ids.map((id) => `arXiv:${id.replace(/^arxiv:/i, '')}`), ...urls])
  const doiText = fields.text(DOI_KEYS)
  return parsedPaper({
    title,
    authors: authorNames(fields.raw(AUTHOR_KEYS)),
    abstract: abstract ? paragraphs(plainFromMaybeHtml(abstract)) || null : null,
    snippet: snippet ? collapseWhitespace(plainFromMaybeHtml(snippet)) || null : null,
    ...arxivFields(arxiv),
    doi: (doiText ? normalizeDoi(doiText) : null) ?? doiIn(urls),
    links: rowLinks(urls, fields),
    publishedAt: fields.day(DATE_KEYS, context),
    venue: fields.text(VENUE_KEYS),
    line
  })
}

function isArxivLike(id: string): boolean {
  return /^(?:arxiv:)?(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i.test(id) || /arxiv/i.test(id)
}

function rowLinks(urls: string[], fields: Fields): ParsedLink[] {
  const links = [
    ...toLinks(urls),
    ...toLinks(fields.strings(CODE_KEYS), 'code'),
    ...toLinks(fields.strings(PROJECT_KEYS), 'project')
  ]
  return links.filter((link, index) => links.findIndex((other) => other.url === link.url) === index)
}

/** "A, B and C", ["A", "B"], [{ name }], [{ given, family }] or [{ literal }]. */
function authorNames(value: unknown): string[] {
  if (typeof value === 'string') return splitAuthorList(value, { keepInvertedName: true })
  if (!Array.isArray(value)) return isRecord(value) ? authorNames([value]) : []
  return cleanNames(
    value.map((author: unknown) => {
      if (typeof author === 'string') return author
      if (!isRecord(author)) return null
      const fields = new Fields(author, false)
      const given = fields.text(['given', 'firstname', 'givenname'])
      const family = fields.text(['family', 'lastname', 'familyname', 'surname'])
      return fields.text(['name', 'fullname', 'displayname', 'literal']) ?? [given, family].filter(Boolean).join(' ')
    })
  )
}

interface PaperArray {
  path: JsonPath
  items: unknown[]
}

interface Candidate {
  value: unknown
  path: JsonPath
}

/**
 * The array holding the most paper-like objects, searched breadth first so that on a tie the
 * shallower one wins. Objects titled by `title` beat objects merely `name`d, so a list of
 * authors ({ name, url }) never outranks the papers that contain it.
 */
function largestPaperArray(root: unknown): PaperArray | null {
  let best: { found: PaperArray; titled: number; named: number } | null = null
  const queue: Candidate[] = [{ value: root, path: [] }]
  for (let head = 0; head < queue.length; head++) {
    const { value, path } = queue[head]!
    if (Array.isArray(value)) {
      let titled = 0
      let named = 0
      value.forEach((item: unknown, index) => {
        if (isRecord(item)) {
          const fields = new Fields(item, false)
          if (fields.text(TITLE_KEYS)) titled++
          else if (fields.text(NAME_KEYS) && fields.has(NAME_HINT_KEYS)) named++
        }
        if (typeof item === 'object' && item !== null) queue.push({ value: item, path: [...path, index] })
      })
      const better = best === null || titled > best.titled || (titled === best.titled && named > best.named)
      if ((titled > 0 || named > 0) && better) best = { found: { path, items: value }, titled, named }
    } else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (typeof item === 'object' && item !== null) queue.push({ value: item, path: [...path, key] })
      }
    }
  }
  return best?.found ?? null
}

/** `{ "title": "Weekly picks", "papers": [...] }` names its digest; a paper array at the top does not. */
function rootTitle(rootFields: Fields | null, path: JsonPath): string | null {
  if (!rootFields || path.length === 0) return null
  const title = rootFields.text(['title', 'name', 'digest', 'source'])
  return title ? collapseWhitespace(title) : null
}
