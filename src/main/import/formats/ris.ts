// RIS, the tagged format reference managers export: records from `TY  - TYPE` to `ER  -`,
// one `XX  - value` per line, repeated tags for repeated values, untagged lines continuing
// the previous value.
import { partialDate } from '../dates'
import { titleFromFileName } from '../normalize'
import type { DigestParser, ParseContext, ParsedPaper, ParseResult, ParseStream, ParseWarning } from '../types'
import { collectStream, paperStream } from '../stream'
import { first, taggedPaper, type TaggedRecord, type TagMapping } from './tagged-records'

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
  parse: parseRis,
  stream: streamRis
}

export function parseRis(text: string, context: ParseContext): ParseResult {
  return collectStream(streamRis(text, context), context.fileName)
}

export function streamRis(text: string, context: ParseContext): ParseStream {
  const warnings: ParseWarning[] = []
  const digest = {
    title: titleFromFileName(context.fileName, 'RIS references'),
    dateFrom: context.dateOverride,
    dateTo: context.dateOverride
  }
  return paperStream(
    risPapers(text, warnings),
    () => ({ digest, warnings: [...warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }),
    'no RIS records with a title found'
  )
}

/** One line at a time (no split of the whole file), each record a paper as soon as it closes. */
function* risPapers(text: string, warnings: ParseWarning[]): Generator<ParsedPaper> {
  let current: TaggedRecord | null = null
  let lastValues: string[] | null = null
  const finish = (record: TaggedRecord): ParsedPaper | null => taggedPaper(record, risMapping, warnings)
  let lineNumber = 0
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const raw = text.slice(start, end).replace(/\r$/, '')
    start = end + 1
    lineNumber++
    const line = lineNumber === 1 ? raw.replace(/^\ufeff/, '') : raw
    const tagged = TAG_LINE.exec(line.trimEnd())
    if (tagged) {
      const tag = tagged[1]!
      const value = (tagged[2] ?? '').trim()
      if (tag === 'TY') {
        if (current) {
          warnings.push({ line: current.line, message: 'record has no "ER  -" line; it ends where the next begins' })
          const paper = finish(current)
          if (paper) yield paper
        }
        current = { line: lineNumber, fields: new Map([['TY', [value]]]) }
        lastValues = null
      } else if (tag === 'ER') {
        if (current) {
          const paper = finish(current)
          if (paper) yield paper
        } else warnings.push({ line: lineNumber, message: '"ER  -" without a record' })
        current = null
        lastValues = null
      } else if (current) {
        lastValues = current.fields.get(tag) ?? []
        lastValues.push(value)
        current.fields.set(tag, lastValues)
      } else if (value) {
        warnings.push({ line: lineNumber, message: `"${tag}" line outside a record (no "TY  -" before it); ignored` })
      }
    } else if (current && lastValues && line.trim()) {
      // An untagged line continues the value before it (long abstracts are wrapped this way).
      lastValues[lastValues.length - 1] += ` ${line.trim()}`
    }
    if (end === text.length) break
  }
  if (current) {
    warnings.push({ line: current.line, message: 'the file ends inside this record (no "ER  -" line)' })
    const paper = finish(current)
    if (paper) yield paper
  }
}

const risMapping: TagMapping = {
  title: (record) => first(record, ['TI', 'T1', 'CT', 'BT', 'ST']),
  authors: (record) => [...(record.fields.get('AU') ?? []), ...(record.fields.get('A1') ?? [])],
  abstract: ['AB', 'N2'],
  doi: ['DO', 'DI'],
  urls: ['UR', 'L1', 'L2', 'L4'],
  notes: ['N1'],
  venue: ['JF', 'T2', 'JO', 'JA', 'J2'],
  date: (record) => risDate(first(record, ['DA', 'PY', 'Y1'])),
  subjects: ['KW']
}

/** "2024/03/12/", "2024///", "2024/03", "2024-03-12", "2024" -> YYYY-MM-DD. */
function risDate(text: string | null): string | null {
  const match = text ? /^(\d{4})(?:[/-](\d{0,2}))?(?:[/-](\d{0,2}))?/.exec(text.trim()) : null
  if (!match) return null
  return partialDate(Number(match[1]), match[2] ? Number(match[2]) : null, match[3] ? Number(match[3]) : null)
}
