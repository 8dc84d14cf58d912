// The words of the index that a long prefix may stand for. A last word of 4 or more letters
// (`fonddr`) is a prefix no prefix index serves, and FTS5 answers such a prefix by merging the
// whole doclist of every word it begins, positions and all, before it returns one row: 80 ms at
// a million papers for a common word, on every keystroke. Written as the whole words it begins
// (`"fonddrund" OR "fonddrunds"`), the same query reads only the newest matches.
//
// The words come from `search_terms` (migration 20): every folded word of 4 or more letters
// the index has ever held, added whenever papers or notes are indexed. Words are never taken
// out (a word no paper holds any more only costs an empty OR branch), so the table holds at
// least the index's words: what makes the rewrite exact. fts5vocab knows the words too, but
// reads each word's whole doclist to count it.
import { foldWord, type QueryNode } from '../../shared/query'
import { MAX_WORD_LENGTH } from '../../shared/query/words'
import type { Db, Statements } from './connection'

/** Shorter words are served by the 3-letter prefix index, or spelled out (search-compile.ts). */
export const MIN_TERM_LENGTH = 4
/** Past this many words a prefix stays a prefix: FTS5's merge is then the cheaper plan. */
export const MAX_COMPLETIONS = 256

const WORD = /[\p{L}\p{N}\p{M}]+/gu
const ASCII = /^[\x20-\x7e]*$/

/** The distinct folded words of 4 or more letters of some texts, as the index splits them. */
export function termsOf(texts: Iterable<string | null>): Set<string> {
  const terms = new Set<string>()
  for (const text of texts) {
    if (!text) continue
    for (const match of text.normalize('NFC').matchAll(WORD)) {
      const word = match[0].slice(0, MAX_WORD_LENGTH)
      if (word.length < MIN_TERM_LENGTH) continue
      const folded = ASCII.test(word) ? word.toLowerCase() : foldWord(word)
      if ([...folded].length >= MIN_TERM_LENGTH) terms.add(folded)
    }
  }
  return terms
}

interface SourceText {
  title: string | null
  authors: string | null
  abstract: string | null
  note: string | null
}

/** Papers read per batch when many are added at once. */
const BATCH = 2_000

function addTerms(statements: Statements, terms: Set<string>): void {
  if (terms.size === 0) return
  statements
    .get('INSERT OR IGNORE INTO search_terms(term) SELECT value FROM json_each(?)')
    .run(JSON.stringify([...terms]))
}

function textsOf(rows: readonly SourceText[]): Iterable<string | null> {
  return rows.flatMap((row) => [row.title, row.authors, row.abstract, row.note])
}

// The FTS5 content view: exactly the text the index was given.
const SOURCE = 'SELECT title, authors, abstract, note FROM paper_search_source'

/** Adds the words of the papers with ids above `lastIdBefore` (the papers an import added). */
export function addTermsAbove(statements: Statements, lastIdBefore: number): void {
  const batch = statements.get(`SELECT id, title, authors, abstract, note FROM paper_search_source
                                 WHERE id > ? ORDER BY id LIMIT ${BATCH}`)
  for (let after = lastIdBefore; ;) {
    const rows = batch.all(after) as (SourceText & { id: number })[]
    if (rows.length === 0) return
    addTerms(statements, termsOf(textsOf(rows)))
    after = rows[rows.length - 1]!.id
  }
}

/** Adds the words of some papers as they are indexed now (after an edit or a note). */
export function addTermsOfPapers(statements: Statements, ids: readonly number[]): void {
  if (ids.length === 0) return
  const rows = statements
    .get(`${SOURCE} WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SourceText[]
  addTerms(statements, termsOf(textsOf(rows)))
}

/** Migration 20: the words of every paper already indexed. */
export function fillSearchTerms(db: Db): void {
  db.exec('CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID')
  const batch = db.prepare(`SELECT id, title, authors, abstract, note FROM paper_search_source
                             WHERE id > ? ORDER BY id LIMIT ${BATCH}`)
  const insert = db.prepare('INSERT OR IGNORE INTO search_terms(term) SELECT value FROM json_each(?)')
  for (let after = 0; ;) {
    const rows = batch.all(after) as (SourceText & { id: number })[]
    if (rows.length === 0) return
    insert.run(JSON.stringify([...termsOf(textsOf(rows))]))
    after = rows[rows.length - 1]!.id
  }
}

/** The words a long prefix begins, at most MAX_COMPLETIONS; null when there are more. */
function completionsOf(statements: Statements, prefix: string): string[] | null {
  const words = statements
    .get('SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?')
    .pluck()
    .all(prefix, `${prefix}\uffff`, MAX_COMPLETIONS + 1) as string[]
  return words.length > MAX_COMPLETIONS ? null : words
}

/**
 * The query with each long prefix written as the whole words it begins (an OR of them, in the
 * same field, a phrase's head kept). A prefix no word begins, or too many, stays as it was.
 */
export function expandLongPrefixes(statements: Statements, root: QueryNode): QueryNode {
  const expand = (node: QueryNode): QueryNode => {
    switch (node.kind) {
      case 'and':
      case 'or':
        return { ...node, children: node.children.map(expand) }
      case 'not':
        return { ...node, child: expand(node.child) }
      case 'text': {
        const last = foldWord(node.words[node.words.length - 1]!)
        if (!node.prefix || [...last].length < MIN_TERM_LENGTH) return node
        const words = completionsOf(statements, last)
        if (words === null || words.length === 0) return node
        const head = node.words.slice(0, -1)
        const whole = words.map((word): QueryNode => ({ ...node, words: [...head, word], prefix: false }))
        return whole.length === 1 ? whole[0]! : { kind: 'or', children: whole }
      }
      default:
        return node
    }
  }
  return expand(root)
}
