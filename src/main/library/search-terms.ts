// The words of the index that a prefix may stand for. FTS5 answers a prefix (there is no
// prefix index: migration 21) by merging the whole doclist of every word it begins, positions
// and all, before it returns one row: 80 ms at a million papers for a common 4-letter prefix, on
// every keystroke, and far more for 2 or 3 letters. Written as the whole words it begins
// (`"fonddrund" OR "fonddrunds"`), the same query reads only the newest matches. A prefix that
// begins too many words is checked in the text instead (search-probe.ts).
//
// The words come from `search_terms` (migration 20; from 2 letters since migration 21): every
// folded word of 2 or more letters the index has held. Words are never taken out (a word no
// paper holds any more only costs an empty OR branch), so the table holds at least the index's
// words: what makes the rewrite exact. fts5vocab knows the words too, but reads each word's
// whole doclist to count it.
// Reading an import's words costs about 70 µs a paper, as much as the rest of a bulk import:
// so new papers' words are read after the import has reported (the app's import worker, the
// command line), up to `search_terms_state.through` (the last paper id whose words are in), a
// step at a time; edited papers and notes at once. While papers above it exist, a prefix stays
// a prefix (exact, served by the probe or by FTS5).
import { foldWord, type QueryNode } from '../../shared/query'
import { WORD_CHARS } from '../../shared/query/words'
import { Statements, type Db } from './connection'
import { prefixLength } from './search-compile'
import { lastPaperId } from './paper-rows'

/** A one-letter prefix begins too many words to write out: it is checked in the text (search-probe.ts). */
export const MIN_TERM_LENGTH = 2
/** Past this many words a prefix stays a prefix: FTS5's merge is then the cheaper plan. */
export const MAX_COMPLETIONS = 256

const NON_ASCII = /[^ -~\t\n\r]/
/** In ASCII text the index's words are runs of letters and digits: those of 2 or more. */
const ASCII_TERM = /[a-z0-9]{2,}/g

/**
 * Adds the folded words of 2 or more letters of a text to `terms`, as the index splits them,
 * whole however long (the index does not cut them). ASCII text, nearly all of it, takes a plain
 * pattern: the Unicode one costs five times as much, and an import reads every word.
 */
function addWordsOf(text: string, terms: Set<string>): void {
  if (!NON_ASCII.test(text)) {
    for (const word of text.toLowerCase().match(ASCII_TERM) ?? []) terms.add(word)
    return
  }
  for (const match of text.normalize('NFC').matchAll(WORD_CHARS)) {
    if (match[0].length < MIN_TERM_LENGTH) continue
    const folded = foldWord(match[0])
    if ([...folded].length >= MIN_TERM_LENGTH) terms.add(folded)
  }
}

/** The distinct folded words of 2 or more letters of some texts, as the index splits them. */
export function termsOf(texts: Iterable<string | null>, terms = new Set<string>()): Set<string> {
  for (const text of texts) if (text) addWordsOf(text, terms)
  return terms
}

interface SourceText {
  title: string | null
  authors: string | null
  abstract: string | null
  note: string | null
}

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

/** Papers whose words a catch-up step reads: one short write of its own. */
export const CATCH_UP_STEP = 2_000

/**
 * Reads the words of papers above `through`, CATCH_UP_STEP papers a step, each step one short
 * transaction of its own with `between` (waiting writers' turn) after it, until `maxPapers`
 * are read or none is left. Returns how many papers were read.
 */
export function catchUpSearchTerms(
  db: Db,
  statements: Statements,
  maxPapers = Number.POSITIVE_INFINITY,
  between: () => void = () => {}
): number {
  const through = statements.get('SELECT through FROM search_terms_state').pluck()
  const batch = statements.get(`SELECT id, title, authors, abstract, note FROM paper_search_source
                                 WHERE id > ? ORDER BY id LIMIT ?`)
  const advance = statements.get('UPDATE search_terms_state SET through = max(through, ?)')
  let read = 0
  while (read < maxPapers) {
    const rows = batch.all(through.get() as number, Math.min(CATCH_UP_STEP, maxPapers - read)) as (SourceText & {
      id: number
    })[]
    if (rows.length === 0) break
    const terms = termsOf(textsOf(rows))
    db.transaction(() => {
      addTerms(statements, terms)
      advance.run(rows[rows.length - 1]!.id)
    }).immediate()
    read += rows.length
    between()
  }
  return read
}

/** Whether every paper's words are in search_terms, so prefixes may be written out. */
function termsAreCurrent(statements: Statements): boolean {
  return (statements.get('SELECT through FROM search_terms_state').pluck().get() as number) >= lastPaperId(statements)
}

/** Adds the words of some papers as they are indexed now (after an edit or a note). */
export function addTermsOfPapers(statements: Statements, ids: readonly number[]): void {
  if (ids.length === 0) return
  const rows = statements
    .get(`${SOURCE} WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SourceText[]
  addTerms(statements, termsOf(textsOf(rows)))
}

/**
 * Papers whose words migration 20 reads itself: a few seconds. A larger library's others are
 * read by the catch-ups of its next imports (in the app's import worker), not while it opens.
 */
export const MIGRATION_TERMS_PAPERS = 50_000

/** Migration 20: the tables, and the words of the first papers already indexed. */
export function fillSearchTerms(db: Db): void {
  // IF NOT EXISTS: a file whose user_version was set back by hand may hold them already.
  db.exec(`CREATE TABLE IF NOT EXISTS search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
           CREATE TABLE IF NOT EXISTS search_terms_state (through INTEGER NOT NULL);
           DELETE FROM search_terms_state;
           INSERT INTO search_terms_state VALUES (0);`)
  catchUpSearchTerms(db, new Statements(db), MIGRATION_TERMS_PAPERS)
}

/**
 * Migration 21: the words of 2 and 3 letters of every paper already indexed, read from the
 * index's vocabulary (one pass over the index just rebuilt, a fraction of the rebuild's time),
 * so the papers up to `through` keep every word of theirs in search_terms.
 */
export function fillShortSearchTerms(db: Db): void {
  db.exec(`INSERT OR IGNORE INTO search_terms(term)
             SELECT term FROM paper_search_vocab WHERE length(term) BETWEEN ${MIN_TERM_LENGTH} AND 3`)
}

/** The words a prefix begins, at most MAX_COMPLETIONS; null when there are more. */
function completionsOf(statements: Statements, prefix: string): string[] | null {
  const words = statements
    .get('SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?')
    .pluck()
    .all(prefix, `${prefix}\uffff`, MAX_COMPLETIONS + 1) as string[]
  return words.length > MAX_COMPLETIONS ? null : words
}

/**
 * The query with each prefix of 2 or more letters written as the whole words it begins (an OR
 * of them, in the same field, a phrase's head kept). A prefix no word begins, or too many, stays
 * as it was; so does a short last word of a phrase, which is matched whole (search-compile.ts).
 */
export function expandPrefixes(statements: Statements, root: QueryNode): QueryNode {
  if (!termsAreCurrent(statements)) return root
  const expand = (node: QueryNode): QueryNode => {
    switch (node.kind) {
      case 'and':
      case 'or':
        return { ...node, children: node.children.map(expand) }
      case 'not':
        return { ...node, child: expand(node.child) }
      case 'text': {
        if (prefixLength(node) < MIN_TERM_LENGTH) return node
        const words = completionsOf(statements, foldWord(node.words[node.words.length - 1]!))
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
