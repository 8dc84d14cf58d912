// Web of Science "plain text" exports: `FN`/`VR` header, records from `PT J` to `ER`, `EF` at
// the end; two-letter tags followed by a space, continuation lines indented by three spaces.
// Continued AU/AF lines are further authors; continued TI/AB/SO lines wrap the same value.
import { ImportError } from '../types'
import type { DigestParser, ParseContext, ParseResult, ParseWarning } from '../types'
import { monthNumber, partialDate } from '../dates'
import { titleFromFileName } from '../normalize'
import { first, recordsToPapers, type TaggedRecord, type TagMapping } from './tagged-records'

const SCAN_LIMIT = 65_536
const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/
const LIST_TAGS = new Set(['AU', 'AF', 'BA', 'BF', 'CA', 'GP', 'BE', 'CR', 'C1', 'RP', 'EM', 'RI', 'OI'])

export const wosParser: DigestParser = {
  format: 'wos',
  label: 'Web of Science plain text export',
  extensions: ['.txt'],
  detect(text, fileName) {
    const head = text.slice(0, SCAN_LIMIT)
    const header = /^(?:\ufeff)?FN (?:Clarivate|Thomson Reuters)/.test(head)
    const record = /^PT [A-Z]\s*$/m.test(head) && /^(?:TI|AU|SO) /m.test(head)
    if (header && record) return 0.98
    if (record) return /^ER\s*$/m.test(head) ? 0.9 : 0.6
    if (header) return 0.7
    return /^savedrecs.*\.txt$/i.test(fileName.split(/[\\/]/).pop() ?? '') ? 0.2 : 0
  },
  parse: parseWos
}

export function parseWos(text: string, context: ParseContext): ParseResult {
  const lines = text.split(/\r\n|\r|\n/)
  const warnings: ParseWarning[] = []
  const records: TaggedRecord[] = []
  let current: TaggedRecord | null = null
  let lastTag: string | null = null

  for (let i = 0; i < lines.length; i++) {
    const line = (i === 0 ? lines[i]!.replace(/^\ufeff/, '') : lines[i]!).replace(/\s+$/, '')
    if (!line) continue
    if (/^[ \t\u00a0]/.test(line)) {
      if (current && lastTag) addValue(current, lastTag, line.trim(), true)
      continue
    }
    const tagged = TAG_LINE.exec(line)
    if (!tagged) {
      if (current) warnings.push({ line: i + 1, message: 'line is neither a tagged field nor a continuation; ignored' })
      continue
    }
    const tag = tagged[1]!
    const value = (tagged[2] ?? '').trim()
    if (tag === 'PT') {
      if (current) {
        warnings.push({ line: current.line, message: 'record has no "ER" line; it ends where the next begins' })
        records.push(current)
      }
      current = { line: i + 1, fields: new Map([['PT', [value]]]) }
      lastTag = null
    } else if (tag === 'ER') {
      if (current) records.push(current)
      current = null
      lastTag = null
    } else if (tag === 'EF') {
      break
    } else if (current) {
      addValue(current, tag, value, false)
      lastTag = tag
    }
  }
  if (current) {
    warnings.push({ line: current.line, message: 'the file ends inside this record (no "ER" line)' })
    records.push(current)
  }

  const entries = recordsToPapers(records, wosMapping, warnings)
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  if (entries.length === 0) {
    throw new ImportError('NO_PAPERS', context.fileName, 'no Web of Science records with a title found', null)
  }
  return {
    digest: {
      title: titleFromFileName(context.fileName, 'Web of Science records'),
      dateFrom: context.dateOverride,
      dateTo: context.dateOverride
    },
    entries,
    warnings
  }
}

function addValue(record: TaggedRecord, tag: string, value: string, continuation: boolean): void {
  const values = record.fields.get(tag)
  if (!values) {
    record.fields.set(tag, [value])
  } else if (continuation && !LIST_TAGS.has(tag)) {
    values[values.length - 1] += ` ${value}`
  } else {
    values.push(value)
  }
}

const wosMapping: TagMapping = {
  title: (record) => first(record, ['TI']),
  authors: (record) => record.fields.get('AF') ?? record.fields.get('AU') ?? [],
  abstract: ['AB'],
  doi: ['DI'],
  urls: ['DL'],
  notes: [],
  venue: ['SO'],
  subjects: ['DE'],
  date: wosDate
}

/** PY 2021 with PD "MAR 12", "MAR", "2021 MAR 12" or "SPR"; early access (EA "MAR 2021") when no PY. */
function wosDate(record: TaggedRecord): string | null {
  const year = /\d{4}/.exec(first(record, ['PY']) ?? '')?.[0] ?? /\d{4}/.exec(first(record, ['EA']) ?? '')?.[0]
  if (!year) return null
  const published = (first(record, ['PD']) ?? first(record, ['EA']) ?? '').replace(/\d{4}/, '').trim()
  const match = /^([A-Za-z]{3})[A-Za-z]*\.?(?:\s+(\d{1,2}))?/.exec(published)
  const month = match ? monthNumber(match[1]!) : null
  return partialDate(Number(year), month, match?.[2] ? Number(match[2]) : null)
}
