// The list's sort orders as keyset plans: each says how rows are ordered, which columns make a
// row's sort key, and how to ask for the rows after a key. A page then costs the same at row
// 900,000 as at row 0 (OFFSET would read and drop every row before it).
//
// The SQL here is constants only; cursor values are always bound.
import type { PaperSort } from '../../shared/model'
import { LibraryError } from './contract'

export type KeyValue = string | number

export interface SortPlan {
  /** Named in the cursor, so a cursor of another sort is refused rather than misread. */
  name: string
  /** ORDER BY over papers `p` (and the filter's other tables); ends with a unique column. */
  order: string
  /** The expressions of a row's sort key, in `order`'s order. */
  key: readonly string[]
  keyTypes: readonly ('string' | 'number')[]
  /** `AND ...`-able condition: the row comes after the key whose values `afterParams` binds. */
  after: string
  afterParams(key: readonly KeyValue[]): KeyValue[]
}

// A row value compares its columns in one direction; position mixes DESC (day, digest) with
// ASC (position, id), so the ascending ones are negated. SQLite still seeks the sort index on
// the leading (day, digest) pair and reads the rest of that digest from there.
const POSITION: SortPlan = {
  name: 'position',
  order: 'p.digest_date DESC, p.first_digest_id DESC, p.first_position, p.id',
  key: ['p.digest_date', 'p.first_digest_id', 'p.first_position', 'p.id'],
  keyTypes: ['string', 'number', 'number', 'number'],
  after: '(p.digest_date, p.first_digest_id, -p.first_position, -p.id) < (?, ?, ?, ?)',
  afterParams: ([day, digest, position, id]) => [day!, digest!, -position!, -id!]
}

// The scalar bound lets SQLite seek the expression index; the row value alone would scan it.
const DATE: SortPlan = {
  name: 'date',
  order: 'coalesce(p.published_at, p.digest_date) DESC, p.id DESC',
  key: ['coalesce(p.published_at, p.digest_date)', 'p.id'],
  keyTypes: ['string', 'number'],
  after: 'coalesce(p.published_at, p.digest_date) <= ? AND (coalesce(p.published_at, p.digest_date), p.id) < (?, ?)',
  afterParams: ([date, id]) => [date!, date!, id!]
}

const TITLE: SortPlan = {
  name: 'title',
  order: 'p.title_key, p.id',
  key: ['p.title_key', 'p.id'],
  keyTypes: ['string', 'number'],
  after: '(p.title_key, p.id) > (?, ?)',
  afterParams: (key) => [...key]
}

// Most digests first, then newest (the papers_by_seen index of migration 7).
const SEEN: SortPlan = {
  name: 'seen',
  order: 'p.digest_count DESC, coalesce(p.published_at, p.digest_date) DESC, p.id DESC',
  key: ['p.digest_count', 'coalesce(p.published_at, p.digest_date)', 'p.id'],
  keyTypes: ['number', 'string', 'number'],
  after: '(p.digest_count, coalesce(p.published_at, p.digest_date), p.id) < (?, ?, ?)',
  afterParams: (key) => [...key]
}

/** The recommender orders by score (src/main/discover); the library alone keeps the position order. */
const RECOMMENDED: SortPlan = { ...POSITION, name: 'recommended' }

export const SORTS: Record<PaperSort, SortPlan> = {
  position: POSITION,
  date: DATE,
  title: TITLE,
  seen: SEEN,
  recommended: RECOMMENDED
}

/** The cursor of a row: the sort's name and the row's key, as JSON (opaque to callers). */
export function encodeCursor(plan: SortPlan, key: readonly KeyValue[]): string {
  return JSON.stringify([plan.name, ...key])
}

/** The key a cursor holds; INVALID_ARGUMENT when it is not a cursor of this sort. */
export function decodeCursor(plan: SortPlan, cursor: string): KeyValue[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(cursor)
  } catch {
    parsed = null
  }
  const refuse = (): never => {
    throw new LibraryError('INVALID_ARGUMENT', `"${cursor.slice(0, 80)}" is not a cursor of the ${plan.name} order`)
  }
  if (!Array.isArray(parsed) || parsed[0] !== plan.name || parsed.length !== plan.key.length + 1) return refuse()
  const key = parsed.slice(1) as unknown[]
  key.forEach((value, i) => {
    if (typeof value !== plan.keyTypes[i] || (typeof value === 'number' && !Number.isSafeInteger(value))) refuse()
  })
  return key as KeyValue[]
}
