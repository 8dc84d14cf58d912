// Query text -> tokens. Pure and total: every string gives tokens, nothing is an error.
// Quotes, parentheses, a leading `-`, `OR`/`AND`/`NOT` and `field:value` are syntax;
// everything else is words. The parser decides what misplaced syntax means.
import type { QueryNode } from './ast'
import { fieldOperand } from './fields'
import { wordsOf } from './words'

/** Bounds: a query longer than this is read up to here; operands past the limit are ignored. */
export const MAX_QUERY_LENGTH = 1000
export const MAX_OPERANDS = 32

export type Token =
  | { type: 'open'; negated: boolean }
  | { type: 'close' }
  | { type: 'or' }
  | { type: 'and' }
  | { type: 'not' }
  /** `bare`: a plain word as typed (not quoted, no field), which may become the typed-so-far prefix. */
  | { type: 'operand'; negated: boolean; node: QueryNode; bare: boolean }

/** A text node for words typed without a field: one word, or adjacent words (`self-attention`). */
export function textNode(words: string[], phrase: boolean): QueryNode {
  return { kind: 'text', field: null, words, phrase: phrase || words.length > 1, prefix: false }
}

function isSpace(char: string): boolean {
  return /\s/u.test(char)
}

/** Where a run of word text ends: at white space, a parenthesis or a quote. */
function runEnd(text: string, start: number): number {
  let end = start
  while (end < text.length && !isSpace(text[end]!) && !'()"'.includes(text[end]!)) end++
  return end
}

/** A quoted phrase starting at `start` (the quote); null when the quote is never closed. */
function quoted(text: string, start: number): { inner: string; end: number } | null {
  const close = text.indexOf('"', start + 1)
  return close === -1 ? null : { inner: text.slice(start + 1, close), end: close + 1 }
}

export function lex(input: string): Token[] {
  const text = input.slice(0, MAX_QUERY_LENGTH)
  const tokens: Token[] = []
  let operands = 0
  let negated = false
  let i = 0
  const push = (token: Token): void => {
    if (token.type === 'operand') {
      if (operands >= MAX_OPERANDS) return
      operands++
    }
    tokens.push(token)
    negated = false
  }
  const operand = (node: QueryNode | null, bare = false): void => {
    if (node) push({ type: 'operand', negated, node, bare })
    else negated = false
  }

  while (i < text.length) {
    const char = text[i]!
    if (isSpace(char)) {
      negated = false
      i++
    } else if (char === '(') {
      push({ type: 'open', negated })
      i++
    } else if (char === ')') {
      push({ type: 'close' })
      i++
    } else if (char === '-' && !negated && i + 1 < text.length && !isSpace(text[i + 1]!)) {
      negated = true
      i++
    } else if (char === '"') {
      const phrase = quoted(text, i)
      if (phrase) {
        const words = wordsOf(phrase.inner)
        operand(words.length > 0 ? textNode(words, true) : null)
        i = phrase.end
      } else i++ // an unclosed quote: the words after it are plain words
    } else {
      const end = runEnd(text, i)
      const run = text.slice(i, end)
      i = end
      if (!negated && (run === 'OR' || run === 'AND' || run === 'NOT')) {
        push({ type: run === 'OR' ? 'or' : run === 'AND' ? 'and' : 'not' })
        continue
      }
      const colon = run.indexOf(':')
      if (colon > 0) {
        // `title:"a phrase"`: the value is the quoted text right after the colon.
        const phrase = colon === run.length - 1 && text[i] === '"' ? quoted(text, i) : null
        const value = phrase ? phrase.inner : run.slice(colon + 1)
        const field = fieldOperand(run.slice(0, colon), value, phrase !== null)
        if (field !== undefined) {
          if (phrase) i = phrase.end
          operand(field, field?.kind === 'text' && !phrase)
          continue
        }
      }
      const words = wordsOf(run)
      operand(words.length > 0 ? textNode(words, false) : null, true)
    }
  }
  markPrefix(tokens, input.length <= MAX_QUERY_LENGTH && !isSpace(input.slice(-1)))
  return tokens
}

/** The last word, when the text does not end in a space, is still being typed: a prefix. */
function markPrefix(tokens: Token[], typing: boolean): void {
  const last = tokens[tokens.length - 1]
  if (!typing || last?.type !== 'operand' || !last.bare || last.negated || last.node.kind !== 'text') return
  last.node = { ...last.node, prefix: true }
}
