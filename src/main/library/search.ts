// Search: the query language (src/shared/query) compiled to FTS5 + SQL, run over a bounded
// candidate set so no keystroke ranks or counts the whole library:
// - the newest COUNT_CAP + 1 matches are collected (newest first, FTS5 stops early), so the
//   total is exact up to COUNT_CAP and "COUNT_CAP+" beyond;
// - bm25 (weights set in migration 3: title 10, authors 4, abstract 1, note 2) ranks the newest
//   RANK_CAP of them and the rest follow newest first; past COUNT_CAP matches, all are newest first;
// - a query whose matches are sparse among many (a common word minus another, a word among the
//   starred) would walk all of a word's matches to count them: it reads SCAN_SPAN papers at a
//   time, newest first, and stops after the span that brings it SCAN_FILL, the total then "at least";
// - a query of conditions only (is:unread year:2024) pages through the list order instead.
import type { Paper, PaperFilter, SearchHit, SearchPage, SearchQuery, SearchSort } from '../../shared/model'
import { parseQuery, type Correction, type QueryNode } from '../../shared/query'
import type { Statements } from './connection'
import { filterCondition, prepareFilter } from './filters'
import { pageBounds } from './listing'
import { lastPaperId, loadPapers } from './paper-rows'
import { compileQuery, conditionSql, type SearchPlan } from './search-compile'
import { highlightPaper, highlightTerms } from './search-highlight'
import { idBoundsOf, type IdBounds } from './search-dates'
import { newestWithout } from './search-exclude'
import { PROBE_BATCH, probeHolds, probeMatches } from './search-probe'
import { expandPrefixes } from './search-terms'
import { correctTypos } from './search-typos'
import { SORTS } from './sorts'

/** Matches counted before the total becomes "at least". */
export const COUNT_CAP = 10_000
/** For a short prefix that begins too many words to write out (search-probe.ts): each match costs more. */
export const BROAD_COUNT_CAP = 500
/** Matches ranked by bm25 (about a microsecond each); older ones follow newest first. Unranked past COUNT_CAP. */
export const RANK_CAP = 2_000
/** Papers (by id, newest first) read at a time; the next older span only while fewer than SCAN_FILL were found. */
export const SCAN_SPAN = 100_000
/**
 * Matches in the newest SCAN_SPAN that make a full answer on their own ("at least" that many).
 * A constant, not the page asked for, so every page of one query comes from the same list.
 */
export const SCAN_FILL = 200

export interface SearchOptions {
  /** SCAN_SPAN unless a test asks for less. */
  scanSpan?: number
}

interface Ordered {
  /** The page's ids in result order. */
  page: number[]
  total: number
  totalIsLowerBound: boolean
  ranks: Map<number, number>
}

type Params = (string | number)[]

function where(plan: SearchPlan, filter: PaperFilter, idColumn: string): { sql: string; params: Params } {
  const conditions = conditionSql(plan.conditions, idColumn)
  const list = filterCondition(filter, idColumn)
  return { sql: `${conditions.sql} ${list.sql}`, params: [...conditions.params, ...list.params] }
}

/**
 * bm25 of the given ids (newest first). The IN list keeps FTS5 from ranking the other matches
 * in the rowid range (500 starred papers spread over the whole library span all of it).
 */
function rankNewest(statements: Statements, match: string, ids: number[]): Map<number, number> {
  const rows = statements
    .get(
      `SELECT rowid AS id, rank FROM paper_search
        WHERE paper_search MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)
          AND +rowid IN (SELECT value FROM json_each(?))`
    )
    .all(match, ids[ids.length - 1], ids[0], JSON.stringify(ids)) as { id: number; rank: number }[]
  return new Map(rows.map((row) => [row.id, row.rank]))
}

function sortIds(statements: Statements, ids: number[], sort: Exclude<SearchSort, 'relevance'>): number[] {
  return statements
    .get(`SELECT p.id FROM papers p WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY ${SORTS[sort].order}`)
    .pluck()
    .all(JSON.stringify(ids)) as number[]
}

/** Ids newest first (the bound is the caller's); a Map of bm25 ranks for a complete, small set. */
function rankedIds(
  statements: Statements,
  match: string,
  ids: number[]
): { ordered: number[]; ranks: Map<number, number> } {
  const ranks = rankNewest(statements, match, ids)
  const score = (id: number): number => ranks.get(id) ?? 0
  return { ordered: [...ids].sort((a, b) => score(a) - score(b) || b - a), ranks }
}

/**
 * A short prefix (`li`) left a prefix matches most of a library through hundreds of words, so
 * bm25 over them says little: the papers with the short word itself (Li, an author; "AI")
 * come first, ranked, then the other matches newest first.
 */
function wholeWordsFirst(
  statements: Statements,
  plan: SearchPlan,
  wholeWords: string,
  filter: PaperFilter,
  ids: number[]
): { ordered: number[]; ranks: Map<number, number> } {
  const condition = where(plan, filter, '+paper_search.rowid')
  const whole = statements
    .get(`SELECT rowid FROM paper_search WHERE paper_search MATCH ? ${condition.sql} ORDER BY rowid DESC LIMIT ?`)
    .pluck()
    .all(wholeWords, ...condition.params, RANK_CAP + 1) as number[]
  if (whole.length === 0) return { ordered: ids, ranks: new Map() }
  const first =
    whole.length > RANK_CAP ? { ordered: whole, ranks: new Map() } : rankedIds(statements, wholeWords, whole)
  const inFirst = new Set(whole)
  return { ordered: first.ordered.concat(ids.filter((id) => !inFirst.has(id))), ranks: first.ranks }
}

/**
 * The newest matches, at most `cap` + 1, read `scanSpan` papers at a time, newest first: once a
 * span leaves SCAN_FILL or more, the older papers are left unread and `complete` is false. A
 * query whose matches are sparse (a common word minus another, at a million papers) then reads
 * a few spans, not all of its words' matches.
 */
function newestMatches(
  statements: Statements,
  match: string,
  condition: { sql: string; params: Params },
  bounds: { cap: number; scanSpan: number; ids: IdBounds | null }
): { found: number[]; complete: boolean } {
  const { cap, scanSpan } = bounds
  const top = lastPaperId(statements)
  const floor = bounds.ids === null ? 0 : bounds.ids.low - 1
  const between = statements.get(
    `SELECT rowid FROM paper_search
      WHERE paper_search MATCH ? AND rowid > CAST(? AS INTEGER) AND rowid <= CAST(? AS INTEGER) ${condition.sql}
      ORDER BY rowid DESC LIMIT ?`
  )
  let found: number[] = []
  for (let high = Math.min(top, bounds.ids?.high ?? top); high > floor; high -= scanSpan) {
    const low = Math.max(floor, high - scanSpan)
    const room = cap + 1 - found.length
    found = found.concat(between.pluck().all(match, low, high, ...condition.params, room) as number[])
    if (found.length > cap || low === floor) return { found, complete: true }
    if (found.length >= SCAN_FILL) return { found, complete: false }
  }
  return { found, complete: true }
}

/** The newest matches of a query with words, or of one that only excludes words (see newestMatches). */
function newestFound(
  statements: Statements,
  plan: SearchPlan,
  filter: PaperFilter,
  cap: number,
  scanSpan: number
): { found: number[]; complete: boolean } {
  if (plan.exclusion !== null)
    return newestWithout(statements, plan.exclusion, filter, { cap, span: scanSpan, fill: SCAN_FILL })
  const probed = plan.probe === null ? null : probeMatches(statements, plan.probe, filter, { want: cap + 1 })
  if (probed !== null) return { found: probed, complete: true }
  // The unary + keeps the conditions out of FTS5's plan: handed a rowid IN (...) list, FTS5 would
  // run the MATCH once per listed paper (seconds for a common word and 500 starred papers).
  const ids = idBoundsOf(statements, plan.dates)
  // A short prefix the probe left to FTS5 is merged from every word it begins whatever rowids a
  // span asks for: one span, one merge.
  const span = plan.probe === null ? scanSpan : Number.MAX_SAFE_INTEGER
  return newestMatches(statements, plan.match!, where(plan, filter, '+paper_search.rowid'), {
    cap,
    scanSpan: span,
    ids
  })
}

/** Matches of a query with words: the newest first, bounded, then ranked or sorted. */
function matchedPage(
  statements: Statements,
  plan: SearchPlan,
  filter: PaperFilter,
  sort: SearchSort,
  offset: number,
  limit: number,
  scanSpan: number
): Ordered {
  const cap = plan.broad ? BROAD_COUNT_CAP : COUNT_CAP
  const { found, complete } = newestFound(statements, plan, filter, cap, scanSpan)
  const totalIsLowerBound = found.length > cap || !complete
  const ids = found.slice(0, cap)
  const result = { total: ids.length, totalIsLowerBound }
  const pageOf = (ordered: number[]): number[] => ordered.slice(offset, offset + limit)
  if (ids.length === 0 || offset >= ids.length) return { page: [], ...result, ranks: new Map() }
  if (sort !== 'relevance') return { page: pageOf(sortIds(statements, ids, sort)), ...result, ranks: new Map() }
  if (plan.wholeWords !== null) {
    const { ordered, ranks } = wholeWordsFirst(statements, plan, plan.wholeWords, filter, ids)
    return { page: pageOf(ordered), ...result, ranks }
  }
  // bm25 reads every match of each word once to weigh it: with more matches than the cap, the
  // newest come first instead (a word in most papers says little about relevance anyway).
  if (!plan.ranked || totalIsLowerBound) return { page: pageOf(ids), ...result, ranks: new Map() }
  const { ordered, ranks } = rankedIds(statements, plan.match!, ids.slice(0, RANK_CAP))
  return { page: pageOf(ordered.concat(ids.slice(RANK_CAP))), ...result, ranks }
}

/** A query of conditions only: the list's own order, paged by the database; the total bounded. */
function conditionPage(
  statements: Statements,
  plan: SearchPlan,
  filter: PaperFilter,
  sort: SearchSort,
  offset: number,
  limit: number
): Ordered {
  // The conditions name the paper as ps.paper_id: filters' own subqueries call papers `p`.
  const condition = where(plan, filter, 'ps.paper_id')
  const found = statements
    .get(`SELECT count(*) FROM (SELECT 1 FROM paper_state ps WHERE 1 ${condition.sql} LIMIT ?)`)
    .pluck()
    .get(...condition.params, COUNT_CAP + 1) as number
  const total = Math.min(found, COUNT_CAP)
  const order = SORTS[sort === 'relevance' ? 'date' : sort].order
  const page =
    offset >= total
      ? []
      : (statements
          .get(
            `SELECT p.id FROM papers p CROSS JOIN paper_state ps ON ps.paper_id = p.id
              WHERE 1 ${condition.sql} ORDER BY ${order} LIMIT ? OFFSET ?`
          )
          .pluck()
          .all(...condition.params, Math.min(limit, total - offset), offset) as number[])
  return { page, total, totalIsLowerBound: found > COUNT_CAP, ranks: new Map() }
}

function hits(root: QueryNode, papers: readonly Paper[], ranks: Map<number, number>): SearchHit[] {
  const terms = highlightTerms(root)
  return papers.map((paper): SearchHit => {
    const marked =
      terms.length === 0
        ? { titleParts: [{ text: paper.title, match: false }], snippetParts: [] }
        : highlightPaper(paper, terms)
    return { ...paper, ...marked, rank: ranks.get(paper.id) ?? 0 }
  })
}

function run(
  statements: Statements,
  root: QueryNode,
  filter: PaperFilter,
  sort: SearchSort,
  offset: number,
  limit: number,
  scanSpan: number
): Ordered {
  const plan = compileQuery(expandPrefixes(statements, root))
  return plan.match === null && plan.exclusion === null
    ? conditionPage(statements, plan, filter, sort, offset, limit)
    : matchedPage(statements, plan, filter, sort, offset, limit, scanSpan)
}

export function search(statements: Statements, query: SearchQuery, options: SearchOptions = {}): SearchPage {
  const scanSpan = options.scanSpan ?? SCAN_SPAN
  const { offset, limit } = pageBounds(query)
  const root = parseQuery(query.query)
  const empty: SearchPage = { items: [], total: 0, totalIsLowerBound: false, offset, corrections: [] }
  if (root === null) return empty
  const filter = query.filter ?? { kind: 'all' }
  prepareFilter(statements, filter)
  const sort = query.sort ?? 'relevance'
  let ordered = run(statements, root, filter, sort, offset, limit, scanSpan)
  let searched = root
  let corrections: Correction[] = []
  if (ordered.total === 0) {
    const corrected = correctTypos(statements, root)
    if (corrected) {
      ordered = run(statements, corrected.root, filter, sort, offset, limit, scanSpan)
      searched = corrected.root
      if (ordered.total > 0) corrections = corrected.corrections
    }
  }
  return {
    items: hits(searched, loadPapers(statements, ordered.page), ordered.ranks),
    total: ordered.total,
    totalIsLowerBound: ordered.totalIsLowerBound,
    offset,
    corrections
  }
}

/**
 * Past this many candidates for one that holds a short prefix, a saved search's matches are left
 * to FTS5's exact query, cheap for a prefix that rare.
 */
const PROBE_RARITY = 8

/** Ids of papers a query holds among those of `filter` (unread ones...): up to `limit`, newest first. */
export function matchingIds(
  statements: Statements,
  root: QueryNode,
  filter: PaperFilter,
  limit: number,
  aboveId = 0
): number[] {
  const plan = compileQuery(expandPrefixes(statements, root))
  if (plan.match === null) {
    const condition = where(plan, filter, 'ps.paper_id')
    return statements
      .get(
        `SELECT ps.paper_id FROM paper_state ps WHERE ps.paper_id > ? ${condition.sql} ORDER BY ps.paper_id DESC LIMIT ?`
      )
      .pluck()
      .all(aboveId, ...condition.params, limit) as number[]
  }
  if (plan.probe !== null) {
    // Enough batches for `limit` matches if one candidate in PROBE_RARITY holds the prefixes.
    const batches = Math.ceil((limit * PROBE_RARITY) / PROBE_BATCH)
    const probed = probeMatches(statements, plan.probe, filter, { want: limit, above: aboveId, batches })
    if (probed !== null) return probed
  }
  const condition = where(plan, filter, '+paper_search.rowid')
  return statements
    .get(
      `SELECT rowid FROM paper_search WHERE paper_search MATCH ? AND rowid > CAST(? AS INTEGER) ${condition.sql}
        ORDER BY rowid DESC LIMIT ?`
    )
    .pluck()
    .all(plan.match, aboveId, ...condition.params, limit) as number[]
}

/** Whether one paper is held by a query within `filter`: a seek per paper, whatever the library's size. */
export function holdsPaper(statements: Statements, root: QueryNode, filter: PaperFilter, id: number): boolean {
  const plan = compileQuery(expandPrefixes(statements, root))
  if (plan.match === null) {
    const condition = where(plan, filter, 'ps.paper_id')
    return (
      statements
        .get(`SELECT 1 FROM paper_state ps WHERE ps.paper_id = ? ${condition.sql}`)
        .get(id, ...condition.params) !== undefined
    )
  }
  // A short prefix left a prefix: FTS5 would merge every word it begins to look at one paper.
  if (plan.probe !== null) return probeHolds(statements, plan.probe, filter, id)
  const condition = where(plan, filter, '+paper_search.rowid')
  return (
    statements
      .get(`SELECT 1 FROM paper_search WHERE paper_search MATCH ? AND rowid = CAST(? AS INTEGER) ${condition.sql}`)
      .get(plan.match, id, ...condition.params) !== undefined
  )
}
