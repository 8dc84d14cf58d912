// A short prefix (`b`, `tra`, `title:li`) that begins too many words to write out (search-terms.ts)
// would be merged by FTS5 from every word it begins: with no prefix index (migration 21) that
// reads most of the index for `co`. Yet most papers hold such a word. So the rest of the query
// is asked for its newest matches, PROBE_BATCH at a time, and each is checked for the prefixes
// in its own text (the text the index was given), as the index splits and folds it:
// - once more than the count cap pass, they are the answer ("at least" that many, as the exact
//   query would say: they are its newest matches);
// - once the rest has no older match, those that passed are the whole answer, exactly;
// - once the batches read show that PROBE_BATCHES would not fill the cap (a prefix rare among
//   the rest's matches), the caller runs the exact query, and the probe cost those reads. FTS5
//   then merges the doclists of the words the prefix begins, which is cheap when they are rare.
import type { PaperFilter } from '../../shared/model'
import type { Statements } from './connection'
import { filterCondition } from './filters'
import { conditionSql, type PrefixProbe, type ProbeColumn } from './search-compile'
import { holdsPrefix } from './search-prefix-text'
import { abstractText } from './abstract-text'

/** Candidates read at a time: enough that a prefix most papers hold fills the count cap at once. */
export const PROBE_BATCH = 640
/** Batches read before the exact query is left to FTS5. */
export const PROBE_BATCHES = 6

type SourceRow = { id: number } & Partial<Record<Exclude<ProbeColumn, 'abstract'>, string | null>> & {
    /** The abstract as stored, and the snippet standing in for none: read only when needed. */
    stored?: unknown
    snippet?: string | null
  }

// The abstract last: it is inflated only when no other column holds the prefix.
const COLUMNS: readonly ProbeColumn[] = ['title', 'authors', 'note', 'abstract']

/**
 * The columns of the FTS5 content view (what the index holds of each paper, so the prefixes are
 * checked in the same text the exact query would match) that the prefixes are looked for in:
 * a title is a twentieth of an abstract to read. The abstract comes as stored, with the snippet
 * (the view's abstract is the abstract's text, else the snippet), so that inflating it waits
 * until the other columns failed. Names from COLUMNS only, safe in the SQL.
 */
function sourceColumns(probe: PrefixProbe): string {
  const wanted = probe.prefixes.some(({ column }) => column === null)
    ? COLUMNS
    : COLUMNS.filter((c) => probe.prefixes.some(({ column }) => column === c))
  const read = wanted.map((c) =>
    c === 'abstract'
      ? '(SELECT p.abstract FROM papers p WHERE p.id = src.id) AS stored, (SELECT p.snippet FROM papers p WHERE p.id = src.id) AS snippet'
      : `src.${c}`
  )
  return ['src.id AS id', ...read].join(', ')
}

/** A column's text as the index was given it (the abstract: see sourceColumns). */
function columnText(row: SourceRow, column: ProbeColumn): string | null {
  if (column !== 'abstract') return row[column] ?? null
  return abstractText(row.stored ?? null) ?? row.snippet ?? null
}

function condition(probe: PrefixProbe, filter: PaperFilter, idColumn: string): { sql: string; params: unknown[] } {
  const own = conditionSql(probe.conditions, idColumn)
  const list = filterCondition(filter, idColumn)
  return { sql: `${own.sql} ${list.sql}`, params: [...own.params, ...list.params] }
}

/** Ids between `above` and `below` (exclusive), newest first. */
interface Span {
  above: number
  below: number
}

/** The next batch of candidates in the span, newest first, and the last id read (null: no more). */
function candidates(
  statements: Statements,
  probe: PrefixProbe,
  filter: PaperFilter,
  span: Span
): { rows: SourceRow[]; last: number | null } {
  if (probe.match === null) {
    const where = condition(probe, filter, 'src.id')
    const rows = statements
      .get(
        `SELECT ${sourceColumns(probe)} FROM paper_search_source src
          WHERE src.id > ? AND src.id < ? ${where.sql} ORDER BY src.id DESC LIMIT ?`
      )
      .all(span.above, span.below, ...where.params, PROBE_BATCH) as SourceRow[]
    return { rows, last: rows.length < PROBE_BATCH ? null : rows[rows.length - 1]!.id }
  }
  // The unary + keeps the conditions out of FTS5's plan (see search.ts).
  const where = condition(probe, filter, '+paper_search.rowid')
  const ids = statements
    .get(
      `SELECT rowid FROM paper_search
        WHERE paper_search MATCH ? AND rowid > CAST(? AS INTEGER) AND rowid < CAST(? AS INTEGER) ${where.sql}
        ORDER BY rowid DESC LIMIT ?`
    )
    .pluck()
    .all(probe.match, span.above, span.below, ...where.params, PROBE_BATCH) as number[]
  const rows = statements
    .get(`SELECT ${sourceColumns(probe)} FROM paper_search_source src WHERE src.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SourceRow[]
  const byId = new Map(rows.map((row) => [row.id, row]))
  return {
    rows: ids.flatMap((id) => byId.get(id) ?? []),
    last: ids.length < PROBE_BATCH ? null : ids[ids.length - 1]!
  }
}

function holdsPrefixes(row: SourceRow, probe: PrefixProbe): boolean {
  return probe.prefixes.every(({ prefix, head, column }) =>
    column === null
      ? COLUMNS.some((c) => holdsPrefix(columnText(row, c), prefix, head))
      : holdsPrefix(columnText(row, column), prefix, head)
  )
}

export interface ProbeBounds {
  /** Matches wanted: the probe stops when it has this many. */
  want: number
  /** Only papers above this id (0: all). */
  above?: number
  /** Batches read at most; PROBE_BATCHES unless given. */
  batches?: number
}

/**
 * The newest `want` matches, or all there are, newest first; null when the batches read show
 * the budget would not bring `want` (at the rate seen so far), and the exact query should run.
 */
export function probeMatches(
  statements: Statements,
  probe: PrefixProbe,
  filter: PaperFilter,
  bounds: ProbeBounds
): number[] | null {
  const batches = bounds.batches ?? PROBE_BATCHES
  const found: number[] = []
  const span = { above: bounds.above ?? 0, below: Number.MAX_SAFE_INTEGER }
  for (let batch = 0; batch < batches; batch++) {
    const { rows, last } = candidates(statements, probe, filter, span)
    for (const row of rows) {
      if (!holdsPrefixes(row, probe)) continue
      found.push(row.id)
      if (found.length >= bounds.want) return found
    }
    if (last === null) return found
    if (found.length * batches < bounds.want * (batch + 1)) return null
    span.below = last
  }
  return null
}

/** Whether one paper is among the probe's matches: the rest holds it, and its text the prefixes. */
export function probeHolds(statements: Statements, probe: PrefixProbe, filter: PaperFilter, id: number): boolean {
  const { rows } = candidates(statements, probe, filter, { above: id - 1, below: id + 1 })
  return rows.length === 1 && holdsPrefixes(rows[0]!, probe)
}
