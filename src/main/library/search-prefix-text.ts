// Whether a paper's text holds a short prefix as the index would match it: a word beginning
// with it, folded as the index folds words (unicode61, remove_diacritics 2), or for a phrase
// (`self-att`) the phrase's head words whole and in order, then a word beginning with it. Pure;
// the probe (search-probe.ts) checks its candidates with it.
import { foldWord } from '../../shared/query'
import { WORD_CHARS } from '../../shared/query/words'

const NON_ASCII = /[^ -~\t\n\r]/
const PLAIN = /^[a-z0-9]+$/
const asciiPatterns = new Map<string, RegExp>()

/**
 * In ASCII text a word is a run of letters and digits, so the phrase is one native pattern:
 * each head word whole, then the prefix, with anything but letters and digits between.
 */
function asciiPattern(head: readonly string[], prefix: string): RegExp {
  const key = [...head, prefix].join(' ')
  let pattern = asciiPatterns.get(key)
  if (!pattern) {
    // Every part is checked to be letters and digits only (holdsPrefix): safe in a pattern.
    pattern = new RegExp(`(?:^|[^a-z0-9])${[...head, prefix].join('[^a-z0-9]+')}`, 'i')
    if (asciiPatterns.size > 1_000) asciiPatterns.clear()
    asciiPatterns.set(key, pattern)
  }
  return pattern
}

/** The text's words folded, and whether the head then the prefix follow each other among them. */
function foldedWordsHold(text: string, head: readonly string[], prefix: string): boolean {
  const words = [...text.matchAll(WORD_CHARS)].map((match) => match[0])
  const first = head[0] ?? prefix
  for (let i = 0; i + head.length < words.length; i++) {
    // A word starting with another ASCII character cannot fold to the first part.
    const code = words[i]!.charCodeAt(0)
    if (code < 128 && (code | 32) !== first.charCodeAt(0) && code !== first.charCodeAt(0)) continue
    if (!head.every((word, k) => foldWord(words[i + k]!) === word)) continue
    if (foldWord(words[i + head.length]!).startsWith(prefix)) return true
  }
  return false
}

/**
 * Whether the text holds a word beginning with `prefix` (letters and digits, folded), right
 * after the folded words `head` (none for a lone word).
 */
export function holdsPrefix(text: string | null, prefix: string, head: readonly string[] = []): boolean {
  if (!text) return false
  if (!PLAIN.test(prefix)) throw new Error(`not a plain prefix: ${prefix}`)
  if (NON_ASCII.test(text)) return foldedWordsHold(text, head, prefix)
  // A head word of other letters is in no ASCII text.
  return head.every((word) => PLAIN.test(word)) && asciiPattern(head, prefix).test(text)
}
