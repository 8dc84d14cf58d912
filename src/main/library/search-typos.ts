// Typos: a word the library's vocabulary does not hold is replaced by the closest word it does
// hold (edit distance 1, or 2 for longer words), read from the FTS5 vocabulary table
// `paper_search_vocab` (migration 5). Only the few words that could be meant are looked up:
// every spelling one edit away, and the words sharing the first three letters.
import type { Correction, QueryNode } from '../../shared/query'
import { foldWord } from '../../shared/query'
import type { Statements } from './connection'

const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz0123456789']
/** Words shorter than this are not corrected: too many words are one edit away from them. */
const MIN_LENGTH = 4
/** From this length two edits are allowed. */
const TWO_EDITS_LENGTH = 6
const RANGE_LIMIT = 300

/** Edit distance with adjacent transpositions (optimal string alignment), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let before = Array.from({ length: b.length + 1 }, (_, j) => j)
  let previous = before
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1)
      row.push(value)
      best = Math.min(best, value)
    }
    if (best > max) return max + 1
    before = previous
    previous = row
  }
  return previous[b.length]!
}

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz']

/**
 * Every string one deletion, transposition, substitution or insertion away. A word of letters
 * only is not tried with digits: each spelling is one lookup in the index (about 25 µs).
 */
function oneEditAway(word: string): string[] {
  const out = new Set<string>()
  const alphabet = /\d/.test(word) ? ALPHABET : LETTERS
  for (let i = 0; i <= word.length; i++) {
    for (const c of alphabet) {
      out.add(word.slice(0, i) + c + word.slice(i))
      if (i < word.length) out.add(word.slice(0, i) + c + word.slice(i + 1))
    }
    if (i < word.length) out.add(word.slice(0, i) + word.slice(i + 1))
    if (i < word.length - 1) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
  }
  out.delete(word)
  return [...out]
}

interface VocabRow {
  term: string
  doc: number
}

function holds(statements: Statements, word: string, prefix: boolean): boolean {
  const sql = prefix
    ? 'SELECT 1 FROM paper_search_vocab WHERE term >= ? AND term < ? LIMIT 1'
    : 'SELECT 1 FROM paper_search_vocab WHERE term = ?'
  const args = prefix ? [word, `${word}\uffff`] : [word]
  return statements.get(sql).get(...args) !== undefined
}

/** The closest word of the vocabulary; for a prefix, the closest start of a word. */
function closest(statements: Statements, word: string, prefix: boolean): string | null {
  const max = word.length >= TWO_EDITS_LENGTH ? 2 : 1
  const near = statements
    .get('SELECT term, doc FROM paper_search_vocab WHERE term IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(oneEditAway(word))) as VocabRow[]
  // Every spelling one edit away was looked up: one found is as close as a word can be (the
  // word itself is not in the vocabulary), so the words sharing its start are not read.
  const start = word.slice(0, 3)
  const sharing =
    near.length > 0
      ? []
      : (statements
          .get('SELECT term, doc FROM paper_search_vocab WHERE term >= ? AND term < ? LIMIT ?')
          .all(start, `${start}\uffff`, RANGE_LIMIT) as VocabRow[])
  let best: { text: string; distance: number; doc: number; whole: boolean } | null = null
  const consider = (text: string, distance: number, doc: number, whole: boolean): void => {
    if (distance > max || text.length < MIN_LENGTH - 1) return
    const better =
      !best ||
      distance < best.distance ||
      (distance === best.distance && whole && !best.whole) ||
      (distance === best.distance && whole === best.whole && doc > best.doc)
    if (better) best = { text, distance, doc, whole }
  }
  for (const row of [...near, ...sharing]) {
    consider(row.term, editDistance(word, row.term, max), row.doc, true)
    // A word still being typed may be the start of a longer one.
    if (prefix) {
      for (const length of [word.length - 1, word.length, word.length + 1]) {
        const start = row.term.slice(0, length)
        consider(start, editDistance(word, start, max), row.doc, false)
      }
    }
  }
  return (best as { text: string } | null)?.text ?? null
}

/**
 * The query with its unknown words replaced, and what was replaced; null when every word is
 * known or no close word exists. Words under NOT are left alone: excluding a typo excludes nothing.
 */
export function correctTypos(
  statements: Statements,
  root: QueryNode
): { root: QueryNode; corrections: Correction[] } | null {
  const corrections: Correction[] = []
  const fix = (node: QueryNode): QueryNode => {
    if (node.kind === 'and' || node.kind === 'or') return { ...node, children: node.children.map(fix) }
    if (node.kind !== 'text') return node
    const words = node.words.map((typed, index) => {
      const word = foldWord(typed)
      const prefix = node.prefix && index === node.words.length - 1
      if ([...word].length < MIN_LENGTH || !/^[a-z0-9]+$/.test(word) || holds(statements, word, prefix)) return typed
      const replacement = closest(statements, word, prefix)
      if (replacement === null) return typed
      corrections.push({ word: typed, replacement })
      return replacement
    })
    return { ...node, words }
  }
  const fixed = fix(root)
  return corrections.length === 0 ? null : { root: fixed, corrections }
}
