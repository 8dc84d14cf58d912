// The query tree -> what SQLite runs: one FTS5 MATCH expression that drives the search (the
// words every match must have, minus the excluded ones), plus SQL conditions on a paper id for
// everything else. Pure. Every SQL fragment here is a constant chosen by node kind; values
// (words, dates, ids) are always bound parameters, never spliced into the text.
import type { QueryNode, Taxonomy, TextField } from '../../shared/query'
import { foldWord } from '../../shared/query'

export interface SqlCondition {
  /** A boolean SQL expression on the paper id written as `$ID` (replaced by a column name). */
  sql: string
  params: (string | number)[]
}

export interface SearchPlan {
  /** What drives the search; null when the query has no word every match must contain. */
  match: string | null
  conditions: SqlCondition[]
  /** Whether bm25 means anything: not for short prefixes, matched through many words. */
  ranked: boolean
  /**
   * A prefix of 1-3 letters left a prefix (it begins too many words to write out), or words
   * excluded from nothing: fewer matches are counted, as each costs more.
   */
  broad: boolean
  /**
   * For a query with such a short prefix (`li`): the same query with those words whole (`li`
   * itself, not `lin...`), whose matches rank first. Null for every other query.
   */
  wholeWords: string | null
  /**
   * For a query with such short prefixes among its words (`b`, `mamba s`, `title:tra`, a phrase's
   * `self-att`): the rest of the query (with a phrase's head words), whose newest matches are checked for the prefixes in their text (see
   * search-probe.ts). Without a prefix index, FTS5 merges the doclists of every word a short
   * prefix begins, which costs far more than reading a few pages of papers that mostly hold
   * such a word. Null for every other query.
   */
  probe: PrefixProbe | null
  /**
   * For a query that only excludes words (`-survey`, `is:unread -survey`): the excluded words as
   * one FTS5 expression, and the other conditions. Searched by walking the newest papers beside
   * the excluded words' newest matches (search-exclude.ts) rather than as a condition, which
   * gathers every match of the excluded words first. Null for every other query.
   */
  exclusion: { exclude: string; conditions: SqlCondition[] } | null
  /** Date ranges every match lies in (`year:2024`): they bound the ids a search reads (search-dates.ts). */
  dates: { from: string | null; to: string | null }[]
}

export interface ProbedPrefix {
  /** 1-3 characters of a-z, 0-9. */
  prefix: string
  /** For a phrase (`self-att`): its words before the prefix, folded, which must come right before it. */
  head: string[]
  /** The column a word must begin it in; null for any. */
  column: ProbeColumn | null
}

export type ProbeColumn = 'title' | 'authors' | 'abstract' | 'note'

export interface PrefixProbe {
  /** Every match has a word beginning with each of these. */
  prefixes: ProbedPrefix[]
  /** What drives the rest of the query; null when the rest is conditions only, or nothing. */
  match: string | null
  conditions: SqlCondition[]
}

const COLUMN: Record<TextField, ProbeColumn> = { title: 'title', author: 'authors', abstract: 'abstract', note: 'note' }

/**
 * The SQL that finds papers with a tag or subject of a name; null while the library has no
 * such table (the field is accepted and matches nothing). Wiring a taxonomy is one line here.
 */
const LABEL_CONDITION: Record<Taxonomy, string | null> = {
  // Tag names compare without case (tags.ts keeps name_key lower-cased); subjects' column is NOCASE.
  tag: '$ID IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name_key = lower(trim(?)))',
  subject: '$ID IN (SELECT paper_id FROM paper_subjects WHERE subject = trim(?))'
}

/** Prefixes shorter than this that stay prefixes are served by the probe (search-probe.ts). */
const SHORT_PREFIX = 4

function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`
}

/**
 * The length of the last word when it is matched as a prefix, else 0. A lone word is a prefix
 * from one letter (of a-z, 0-9 below 3 letters); a phrase's last word from 3 letters, a shorter
 * one is matched whole (it would begin too many words to say anything).
 */
export function prefixLength(node: Extract<QueryNode, { kind: 'text' }>): number {
  if (!node.prefix) return 0
  const last = foldWord(node.words[node.words.length - 1]!)
  const length = [...last].length
  if (length >= 3) return length
  return node.words.length === 1 && /^[a-z0-9]+$/.test(last) ? length : 0
}

function textExpression(node: Extract<QueryNode, { kind: 'text' }>): { fts: string; short: number } {
  const prefix = prefixLength(node)
  const body = `${quote(node.words.map(foldWord).join(' '))}${prefix > 0 ? ' *' : ''}`
  const short = prefix > 0 && prefix < SHORT_PREFIX ? prefix : 0
  return { fts: node.field === null ? body : `{${COLUMN[node.field]}} : (${body})`, short }
}

interface FtsPart {
  fts: string
  short: number
}

/** The node as an FTS5 expression that selects its matches; null when FTS5 cannot say it alone. */
function positiveFts(node: QueryNode): FtsPart | null {
  switch (node.kind) {
    case 'text':
      return textExpression(node)
    case 'or': {
      const parts = node.children.map(positiveFts)
      if (parts.some((part) => part === null)) return null
      return joinFts(parts as FtsPart[], 'OR', [])
    }
    case 'and': {
      const positive: FtsPart[] = []
      const negative: FtsPart[] = []
      for (const child of node.children) {
        const excluded = child.kind === 'not' ? positiveFts(child.child) : null
        const part = excluded ?? positiveFts(child)
        if (part === null) return null
        ;(excluded ? negative : positive).push(part)
      }
      return positive.length === 0 ? null : joinFts(positive, 'AND', negative)
    }
    default:
      return null
  }
}

function joinFts(parts: FtsPart[], operator: 'AND' | 'OR', excluded: FtsPart[]): FtsPart {
  let fts = parts.map((part) => `(${part.fts})`).join(` ${operator} `)
  for (const part of excluded) fts = `(${fts}) NOT (${part.fts})`
  const short = Math.min(...[...parts, ...excluded].map((part) => part.short || Infinity))
  return { fts, short: short === Infinity ? 0 : short }
}

/** Papers whose date (published, else first digest) lies in [from, to). */
function dateCondition(from: string | null, to: string | null): SqlCondition {
  const bounds: string[] = []
  const params: string[] = []
  if (from !== null) {
    bounds.push('coalesce(d.published_at, d.digest_date) >= ?')
    params.push(from)
  }
  if (to !== null) {
    bounds.push('coalesce(d.published_at, d.digest_date) < ?')
    params.push(to)
  }
  return { sql: `EXISTS (SELECT 1 FROM papers d WHERE d.id = $ID AND ${bounds.join(' AND ')})`, params }
}

const FULL_ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[a-z]{2})?\/\d{7})$/

function digestCondition(node: Extract<QueryNode, { kind: 'digest' }>): SqlCondition {
  if (node.id !== null) {
    return {
      sql: 'EXISTS (SELECT 1 FROM digest_entries e WHERE e.paper_id = $ID AND e.digest_id = ?)',
      params: [node.id]
    }
  }
  // Each word somewhere in the digest's title; % and _ in a word are taken literally.
  const likes = node.words.map(() => "g.title LIKE ? ESCAPE '\\'")
  return {
    sql: `EXISTS (SELECT 1 FROM digest_entries e JOIN digests g ON g.id = e.digest_id
                   WHERE e.paper_id = $ID AND ${likes.join(' AND ')})`,
    params: node.words.map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  }
}

/** Any node as a SQL condition on `$ID` (text through a MATCH of its own). */
function condition(node: QueryNode): SqlCondition {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const parts = node.children.map(condition)
      return {
        sql: parts.map((part) => `(${part.sql})`).join(node.kind === 'and' ? ' AND ' : ' OR '),
        params: parts.flatMap((part) => part.params)
      }
    }
    case 'not': {
      const inner = condition(node.child)
      return { sql: `NOT (${inner.sql})`, params: inner.params }
    }
    case 'text':
      return {
        sql: '$ID IN (SELECT rowid FROM paper_search WHERE paper_search MATCH ?)',
        params: [textExpression(node).fts]
      }
    case 'state':
      if (node.state === 'starred')
        return { sql: '$ID IN (SELECT paper_id FROM paper_state WHERE starred_at IS NOT NULL)', params: [] }
      return {
        sql: `EXISTS (SELECT 1 FROM paper_state s WHERE s.paper_id = $ID AND s.read_at IS ${node.state === 'read' ? 'NOT NULL' : 'NULL'})`,
        params: []
      }
    case 'has':
      if (node.what === 'note') return { sql: '$ID IN (SELECT paper_id FROM notes)', params: [] }
      if (node.what === 'code')
        return { sql: 'EXISTS (SELECT 1 FROM papers c WHERE c.id = $ID AND c.has_code = 1)', params: [] }
      return {
        sql: "EXISTS (SELECT 1 FROM papers a WHERE a.id = $ID AND coalesce(a.abstract, '') <> '')",
        params: []
      }
    case 'date':
      return dateCondition(node.from, node.to)
    case 'arxiv':
      return FULL_ARXIV_ID.test(node.id)
        ? { sql: '$ID IN (SELECT id FROM papers WHERE arxiv_id = ?)', params: [node.id] }
        : {
            sql: '$ID IN (SELECT id FROM papers WHERE arxiv_id >= ? AND arxiv_id < ?)',
            params: [node.id, `${node.id}\uffff`]
          }
    case 'doi':
      return { sql: '$ID IN (SELECT id FROM papers WHERE doi = ?)', params: [node.doi] }
    case 'label': {
      const sql = LABEL_CONDITION[node.taxonomy]
      return sql === null ? { sql: '0', params: [] } : { sql, params: [node.name] }
    }
    case 'digest':
      return digestCondition(node)
  }
}

/** The tree with every short prefix read as its whole word (`li` is "li", not "li*"). */
function shortPrefixesWhole(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'text':
      return node.prefix && textExpression(node).short > 0 ? { ...node, prefix: false } : node
    case 'and':
    case 'or':
      return { ...node, children: node.children.map(shortPrefixesWhole) }
    default: // an excluded prefix stays a prefix
      return node
  }
}

/** A short word being typed (`b`, `tra`, `title:li`, `self-att`) left a prefix: what a probe can check. */
function probedPrefix(node: QueryNode): ProbedPrefix | null {
  if (node.kind !== 'text') return null
  const length = prefixLength(node)
  const words = node.words.map(foldWord)
  const prefix = words[words.length - 1]!
  if (length === 0 || length >= SHORT_PREFIX || !/^[a-z0-9]+$/.test(prefix)) return null
  return { prefix, head: words.slice(0, -1), column: node.field === null ? null : COLUMN[node.field] }
}

/** What the rest of the query keeps of a probed phrase: its head words, as a phrase in its field. */
function phraseHead(node: QueryNode): QueryNode[] {
  if (node.kind !== 'text' || node.words.length < 2) return []
  const head = node.words.slice(0, -1)
  return [{ ...node, words: head, phrase: head.length > 1, prefix: false }]
}

function prefixProbe(root: QueryNode): PrefixProbe | null {
  const conjuncts = root.kind === 'and' ? root.children : [root]
  const prefixes = conjuncts.map(probedPrefix)
  if (prefixes.every((prefix) => prefix === null)) return null
  const rest = conjuncts.flatMap((node, i) => (prefixes[i] === null ? [node] : phraseHead(node)))
  const restPlan =
    rest.length === 0 ? null : compileDriver(rest.length === 1 ? rest[0]! : { kind: 'and', children: rest })
  return {
    prefixes: prefixes.filter((prefix): prefix is ProbedPrefix => prefix !== null),
    match: restPlan?.match ?? null,
    conditions: restPlan?.conditions ?? []
  }
}

export function compileQuery(root: QueryNode): SearchPlan {
  const plan = compileDriver(root)
  if (plan.match === null || plan.ranked) return plan
  return { ...plan, wholeWords: compileDriver(shortPrefixesWhole(root)).match, probe: prefixProbe(root) }
}

function compileDriver(root: QueryNode): SearchPlan {
  const conjuncts = root.kind === 'and' ? root.children : [root]
  const positive: FtsPart[] = []
  const negative: { node: QueryNode; fts: FtsPart }[] = []
  const rest: QueryNode[] = []
  for (const node of conjuncts) {
    const excluded = node.kind === 'not' ? positiveFts(node.child) : null
    if (excluded) {
      negative.push({ node, fts: excluded })
      continue
    }
    const fts = positiveFts(node)
    if (fts) positive.push(fts)
    else rest.push(node)
  }
  const others = rest.map(condition)
  // An excluded word needs something to be excluded from: without a positive word it is a condition.
  if (positive.length === 0) rest.push(...negative.map((entry) => entry.node))
  const exclusion =
    positive.length === 0 && negative.length > 0
      ? { exclude: negative.map((entry) => `(${entry.fts.fts})`).join(' OR '), conditions: others }
      : null
  const driver =
    positive.length === 0
      ? null
      : joinFts(
          positive,
          'AND',
          negative.map((entry) => entry.fts)
        )
  return {
    match: driver?.fts ?? null,
    conditions: rest.map(condition),
    dates: rest.flatMap((node) => (node.kind === 'date' ? [{ from: node.from, to: node.to }] : [])),
    ranked: driver !== null && driver.short === 0,
    // Excluding words only holds most of a library, as a short prefix left a prefix does.
    broad: (driver !== null && driver.short > 0) || exclusion !== null,
    wholeWords: null,
    probe: null,
    exclusion
  }
}

/** The conditions as `AND ...` text on a given id column (a column name of the caller's, never input). */
export function conditionSql(
  conditions: readonly SqlCondition[],
  idColumn: string
): { sql: string; params: (string | number)[] } {
  return {
    sql: conditions.map((c) => ` AND (${c.sql.replaceAll('$ID', idColumn)})`).join(''),
    params: conditions.flatMap((c) => c.params)
  }
}
