// RIS, the tagged format reference managers export: records from `TY  - TYPE` to `ER  -`,
// one `XX  - value` per line, repeated tags for repeated values, untagged lines continuing
// the previous value.
import { partialDate } from '../dates'
import { titleFromFileName } from '../normalize'
import { ImportError } from '../types'
import type { DigestParser, ParseContext, ParseResult, ParseWarning } from '../types'
import { first, recordsToPapers, type TaggedRecord, type TagMapping } from './tagged-records'

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
