// `field:value` operands: which fields exist and how each reads its value. Pure.
import type { HasWhat, QueryNode, ReadingState, TextField } from './ast'
import { wordsOf } from './words'

const TEXT_FIELDS: Record<string, TextField> = {
  title: 'title',
  author: 'author',
  authors: 'author',
  abstract: 'abstract',
  note: 'note'
}
const STATES: Record<string, ReadingState> = { unread: 'unread', read: 'read', starred: 'starred' }
const HAS: Record<string, HasWhat> = { code: 'code', note: 'note', abstract: 'abstract' }

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const YEAR_RANGE = /^(\d{4})?\.\.(\d{4})?$/

/** A YYYY, YYYY-MM or YYYY-MM-DD that names a real period; null otherwise. */
function validDate(text: string): string | null {
  const match = DATE.exec(text)
  if (!match) return null
  const [, year, month, day] = match
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null
  if (day !== undefined) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
    if (date.getUTCDate() !== Number(day)) return null
  }
  return text
}

/** The first day after the period a date names, in the same precision (2024-12 -> 2025-01). */
export function periodEnd(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?]
  if (month === undefined) return String(year + 1).padStart(4, '0')
  if (day === undefined) {
    return month === 12
      ? `${String(year + 1).padStart(4, '0')}-01`
      : `${date.slice(0, 5)}${String(month + 1).padStart(2, '0')}`
  }
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10)
}

function yearNode(value: string): QueryNode | undefined {
  if (/^\d{4}$/.test(value)) return { kind: 'date', from: value, to: periodEnd(value), label: `year ${value}` }
  const range = YEAR_RANGE.exec(value)
  if (!range || (range[1] === undefined && range[2] === undefined)) return undefined
  const [, from, to] = range
  if (from !== undefined && to !== undefined && from > to) return undefined
  return {
    kind: 'date',
    from: from ?? null,
    to: to === undefined ? null : periodEnd(to),
    label:
      from === undefined ? `year ${to} or before` : to === undefined ? `year ${from} or later` : `years ${from}–${to}`
  }
}

function arxivNode(value: string): QueryNode | undefined {
  const id = value
    .replace(/^arxiv:/i, '')
    .replace(/v\d+$/i, '')
    .toLowerCase()
  return /^[a-z0-9][a-z0-9./-]*$/.test(id) ? { kind: 'arxiv', id } : undefined
}

function doiNode(value: string): QueryNode | undefined {
  const doi = value
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:/i, '')
    .toLowerCase()
  return /^10\.\S+$/.test(doi) ? { kind: 'doi', doi } : undefined
}

/**
 * The operand for `name:value`. Undefined when `name` is no field or the value makes no sense
 * for it (the text is then plain words); null for a known field with nothing after the colon
 * yet (`title:` while typing), which adds nothing to the query.
 */
export function fieldOperand(name: string, value: string, quotedValue: boolean): QueryNode | null | undefined {
  const field = name.toLowerCase()
  const textField = TEXT_FIELDS[field]
  if (textField !== undefined) {
    const words = wordsOf(value)
    if (words.length === 0) return value === '' ? null : undefined
    return { kind: 'text', field: textField, words, phrase: quotedValue || words.length > 1, prefix: false }
  }
  const known = ['is', 'has', 'year', 'before', 'after', 'arxiv', 'doi', 'tag', 'subject', 'digest']
  if (!known.includes(field)) return undefined
  if (value === '') return null
  const lower = value.toLowerCase()
  switch (field) {
    case 'is':
      return STATES[lower] ? { kind: 'state', state: STATES[lower] } : undefined
    case 'has':
      return HAS[lower] ? { kind: 'has', what: HAS[lower] } : undefined
    case 'year':
      return yearNode(value)
    case 'before': {
      const date = validDate(value)
      return date ? { kind: 'date', from: null, to: date, label: `before ${date}` } : undefined
    }
    case 'after': {
      const date = validDate(value)
      return date ? { kind: 'date', from: periodEnd(date), to: null, label: `after ${date}` } : undefined
    }
    case 'arxiv':
      return arxivNode(value)
    case 'doi':
      return doiNode(value)
    case 'tag':
    case 'subject': {
      const label = value.trim().replace(/\s+/g, ' ').slice(0, 200)
      return label === '' ? null : { kind: 'label', taxonomy: field, name: label }
    }
    default: {
      if (/^[1-9]\d{0,14}$/.test(value)) return { kind: 'digest', id: Number(value), words: [] }
      const words = wordsOf(value)
      return words.length > 0 ? { kind: 'digest', id: null, words } : undefined
    }
  }
}
