// Highlights of a page of search results, marked here from the papers' own text rather than by
// FTS5's highlight() and snippet(): those re-read each word's index entries over the page's rowid
// span (tens of milliseconds for a common word, or for a page spread over the whole library),
// while fifty papers' text is already loaded. Pure; it splits text as the index does (words.ts)
// and marks what the query matched with the index's own rules (see search-compile.ts):
// - a word whole, or as a prefix when it is the last word being typed;
// - a phrase's words adjacent and in order, its short last word (under 3 letters) whole;
// - a one-letter prefix marks only the letter as a word: every word it begins would be noise;
// - a field (`title:`) marks only its column.
import type { Paper, SnippetPart } from '../../shared/model'
import { foldWord, type QueryNode, type TextField } from '../../shared/query'
import { MAX_WORD_LENGTH, WORD_CHARS } from '../../shared/query/words'
import { prefixLength } from './search-compile'
import { MARKERS } from './search-query'

/** Words of context in a snippet, as FTS5's snippet() was asked for. */
export const SNIPPET_WORDS = 32
const ELLIPSIS = '…'
const ASCII = /^[\x20-\x7e]*$/

export type HighlightColumn = 'title' | 'authors' | 'abstract' | 'note'

const FIELD_COLUMN: Record<TextField, HighlightColumn> = {
  title: 'title',
  author: 'authors',
  abstract: 'abstract',
  note: 'note'
}

/** One positive text node of the query: what it marks. */
export interface HighlightTerm {
  column: HighlightColumn | null
  words: string[]
  /** Whether the last word marks the words it begins. */
  prefix: boolean
}

/** The positive text nodes (not under NOT) of a query, as terms to mark. */
export function highlightTerms(root: QueryNode): HighlightTerm[] {
  const terms: HighlightTerm[] = []
  const visit = (node: QueryNode): void => {
    if (node.kind === 'and' || node.kind === 'or') node.children.forEach(visit)
    if (node.kind !== 'text') return
    const words = node.words.map((word) => foldWord(word.slice(0, MAX_WORD_LENGTH)))
    // As search matches (search-compile.ts); a one-letter prefix marks only the letter.
    const prefix = prefixLength(node) >= 2
    terms.push({ column: node.field === null ? null : FIELD_COLUMN[node.field], words, prefix })
  }
  visit(root)
  return terms
}

interface Token {
  start: number
  end: number
  folded: string
}

function tokensOf(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD_CHARS)) {
    const word = match[0].slice(0, MAX_WORD_LENGTH)
    const folded = ASCII.test(word) ? word.toLowerCase() : foldWord(word)
    tokens.push({ start: match.index, end: match.index + match[0].length, folded })
  }
  return tokens
}

function wordMatches(token: string, word: string, prefix: boolean): boolean {
  return prefix ? token.startsWith(word) : token === word
}

/** Indexes of the tokens the terms mark in one column. */
function markedTokens(tokens: readonly Token[], terms: readonly HighlightTerm[], column: HighlightColumn): Set<number> {
  const marked = new Set<number>()
  for (const term of terms) {
    if (term.column !== null && term.column !== column) continue
    const n = term.words.length
    for (let i = 0; i + n <= tokens.length; i++) {
      let all = true
      for (let k = 0; k < n && all; k++) {
        all = wordMatches(tokens[i + k]!.folded, term.words[k]!, term.prefix && k === n - 1)
      }
      if (all) for (let k = 0; k < n; k++) marked.add(i + k)
    }
  }
  return marked
}

function pushPart(parts: SnippetPart[], text: string, match: boolean): void {
  if (text === '') return
  const last = parts[parts.length - 1]
  if (last && last.match === match) last.text += text
  else parts.push({ text, match })
}

/** The text from token `from` to token `to` (exclusive) as parts, with what lies between. */
function partsBetween(
  text: string,
  tokens: readonly Token[],
  marked: ReadonlySet<number>,
  from: number,
  to: number
): SnippetPart[] {
  const parts: SnippetPart[] = []
  let cursor = from === 0 ? 0 : tokens[from]!.start
  for (let i = from; i < to; i++) {
    const token = tokens[i]!
    pushPart(parts, text.slice(cursor, token.start), false)
    pushPart(parts, text.slice(token.start, token.end), marked.has(i))
    cursor = token.end
  }
  if (to === tokens.length) pushPart(parts, text.slice(cursor), false)
  return parts
}

function clean(text: string): string {
  return text.normalize('NFC').replace(MARKERS, '')
}

/** The whole text with what the terms match marked. */
export function markColumn(raw: string, terms: readonly HighlightTerm[], column: HighlightColumn): SnippetPart[] {
  const text = clean(raw)
  const tokens = tokensOf(text)
  if (tokens.length === 0) return text === '' ? [] : [{ text, match: false }]
  return partsBetween(text, tokens, markedTokens(tokens, terms, column), 0, tokens.length)
}

/**
 * The window of SNIPPET_WORDS words holding the most marked words (the first such), centred on
 * them when they take less room; the start of the text when nothing is marked.
 */
function snippetWindow(marked: ReadonlySet<number>, count: number): { from: number; to: number } {
  if (count <= SNIPPET_WORDS) return { from: 0, to: count }
  const hits = [...marked].sort((a, b) => a - b)
  if (hits.length === 0) return { from: 0, to: SNIPPET_WORDS }
  let best = { first: 0, last: 0 }
  for (let i = 0, j = 0; i < hits.length; i++) {
    while (j + 1 < hits.length && hits[j + 1]! < hits[i]! + SNIPPET_WORDS) j++
    if (j - i > best.last - best.first) best = { first: i, last: j }
  }
  const span = hits[best.last]! - hits[best.first]! + 1
  const from = Math.max(0, Math.min(hits[best.first]! - Math.floor((SNIPPET_WORDS - span) / 2), count - SNIPPET_WORDS))
  return { from, to: from + SNIPPET_WORDS }
}

/** A snippet of the text around what the terms match, with an ellipsis where it was cut. */
export function snippetColumn(raw: string, terms: readonly HighlightTerm[], column: HighlightColumn): SnippetPart[] {
  const text = clean(raw)
  const tokens = tokensOf(text)
  if (tokens.length === 0) return text === '' ? [] : [{ text, match: false }]
  const marked = markedTokens(tokens, terms, column)
  const { from, to } = snippetWindow(marked, tokens.length)
  const parts = partsBetween(text, tokens, marked, from, to)
  if (from > 0) parts.unshift({ text: ELLIPSIS, match: false })
  if (to < tokens.length) parts.push({ text: ELLIPSIS, match: false })
  return parts
}

function hasMatch(parts: readonly SnippetPart[]): boolean {
  return parts.some((part) => part.match)
}

/** The title marked, and a snippet of the note if the query hit it, else the abstract, else the authors. */
export function highlightPaper(
  paper: Pick<Paper, 'title' | 'authors' | 'abstract' | 'snippet' | 'note'>,
  terms: readonly HighlightTerm[]
): { titleParts: SnippetPart[]; snippetParts: SnippetPart[] } {
  const titleParts = markColumn(paper.title, terms, 'title')
  const note = paper.note?.trim() ? snippetColumn(paper.note, terms, 'note') : []
  if (hasMatch(note)) return { titleParts, snippetParts: note }
  const abstract = snippetColumn(paper.abstract ?? paper.snippet ?? '', terms, 'abstract')
  if (hasMatch(abstract)) return { titleParts, snippetParts: abstract }
  const authors = markColumn(paper.authors.join(', '), terms, 'authors')
  return { titleParts, snippetParts: hasMatch(authors) ? authors : abstract }
}
