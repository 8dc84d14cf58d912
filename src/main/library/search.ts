// Full-text search: FTS5 ranked by bm25 (weights set in migration 3: title 10, authors 4,
// abstract 1, note 2), then the page's papers loaded and highlighted one by one.
import type { PaperFilter, SearchHit, SearchPage, SearchQuery, SnippetPart } from '../../shared/model'
import type { Statements } from './connection'
import { filterCondition } from './filters'
import { pageBounds } from './listing'
import { loadPapers } from './paper-rows'
import { MATCH_END, MATCH_START, splitMarked, toMatchExpression } from './search-query'

const SNIPPET_TOKENS = 32
// better-sqlite3 binds JS numbers as REAL, and FTS5 mishandles a REAL rowid beside MATCH
// (it returned the wrong row): every rowid bound into an FTS5 query is cast to INTEGER.

const MARKS = `char(${MATCH_START.codePointAt(0)}), char(${MATCH_END.codePointAt(0)})`

/**
 * Highlights for a whole page in one pass. One query per hit would re-expand a prefix term's
 * doclist for every hit; the rowid range lets FTS5 read only the part of the index that the
 * page spans, and the IN list (kept out of the index choice by the unary +) picks the page.
 */
const HIGHLIGHTS = `
SELECT rowid AS id,
       highlight(paper_search, 0, ${MARKS}) AS title,
       highlight(paper_search, 1, ${MARKS}) AS authors,
       snippet(paper_search, 2, ${MARKS}, '…', ${SNIPPET_TOKENS}) AS abstract,
       snippet(paper_search, 3, ${MARKS}, '…', ${SNIPPET_TOKENS}) AS note
  FROM paper_search
 WHERE paper_search MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)
   AND +rowid IN (SELECT value FROM json_each(?))`

interface HighlightRow {
  id: number
  title: string | null
  authors: string | null
  abstract: string | null
  note: string | null
}

function hasMatch(text: string | null): text is string {
  return text !== null && text.includes(MATCH_START)
}

/** The note if the query hit it, else the abstract, else the authors if they were the hit. */
function snippetParts(row: HighlightRow): SnippetPart[] {
  if (hasMatch(row.note)) return splitMarked(row.note)
  if (hasMatch(row.abstract) || !hasMatch(row.authors)) return splitMarked(row.abstract ?? '')
  return splitMarked(row.authors)
}

/**
 * bm25 costs about a microsecond per matching row, so ranking every match of a word found in
 * nearly every paper (where bm25's idf is near zero anyway) would take most of a 100k library's
 * search budget. Above this many matches, the newest matches are ranked and the rest follow
 * newest first; below it, every match is ranked. Totals are always exact.
 */
export const RANKED_CANDIDATES = 10_000

interface RankedPage {
  ids: number[]
  ranks: Map<number, number>
  total: number
}

function rankedIds(
  statements: Statements,
  match: string,
  filter: PaperFilter,
  offset: number,
  limit: number
): RankedPage {
  const condition = filterCondition(filter, 'paper_search.rowid')
  const where = `WHERE paper_search MATCH ? ${condition.sql}`
  const args = [match, ...condition.params]
  const total = statements
    .get(`SELECT count(*) FROM paper_search ${where}`)
    .pluck()
    .get(...args) as number
  if (total === 0 || offset >= total) return { ids: [], ranks: new Map(), total }

  let rows: { id: number; rank: number | null }[]
  if (total <= RANKED_CANDIDATES) {
    rows = statements
      .get(`SELECT rowid AS id, rank FROM paper_search ${where} ORDER BY rank LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as typeof rows
  } else {
    rows =
      offset < RANKED_CANDIDATES
        ? (statements
            .get(
              `SELECT id, rank FROM (SELECT rowid AS id, rank FROM paper_search ${where} ORDER BY rowid DESC LIMIT ?)
                ORDER BY rank LIMIT ? OFFSET ?`
            )
            .all(...args, RANKED_CANDIDATES, Math.min(limit, RANKED_CANDIDATES - offset), offset) as typeof rows)
        : []
    const rest = offset + limit - Math.max(offset, RANKED_CANDIDATES)
    if (rest > 0) {
      const unranked = statements
        .get(`SELECT rowid AS id, NULL AS rank FROM paper_search ${where} ORDER BY rowid DESC LIMIT ? OFFSET ?`)
        .all(...args, rest, Math.max(offset, RANKED_CANDIDATES)) as typeof rows
      rows = rows.concat(unranked)
    }
  }
  return {
    ids: rows.map((row) => row.id),
    ranks: new Map(rows.map((row) => [row.id, row.rank ?? 0])),
    total
  }
}

export function search(statements: Statements, query: SearchQuery): SearchPage {
  const { offset, limit } = pageBounds(query)
  const match = toMatchExpression(query.query)
  if (match === null) return { items: [], total: 0, offset }
  const { ids, ranks, total } = rankedIds(statements, match, query.filter ?? { kind: 'all' }, offset, limit)
  if (ids.length === 0) return { items: [], total, offset }
  const rows = statements
    .get(HIGHLIGHTS)
    .all(match, Math.min(...ids), Math.max(...ids), JSON.stringify(ids)) as HighlightRow[]
  const highlights = new Map(rows.map((row) => [row.id, row]))
  const items = loadPapers(statements, ids).map((paper): SearchHit => {
    const row = highlights.get(paper.id)
    return {
      ...paper,
      titleParts: splitMarked(row?.title ?? paper.title),
      snippetParts: row ? snippetParts(row) : [],
      rank: ranks.get(paper.id) ?? 0
    }
  })
  return { items, total, offset }
}
