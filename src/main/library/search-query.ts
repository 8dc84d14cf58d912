// Pure: user text -> a safe FTS5 MATCH expression, and FTS5's marked-up output -> parts.

/** Private-use characters around matches in highlight()/snippet() output; stripped from indexed text. */
export const MATCH_START = '\uE000'
export const MATCH_END = '\uE001'
export const MARKERS = /[\uE000\uE001]/g

const MAX_TERMS = 16
const MAX_TERM_LENGTH = 64
/**
 * Shorter prefixes match most of the library and no prefix index serves them; a two-letter
 * last word is searched as a whole word instead ("RL", "3D", "AI").
 */
const MIN_PREFIX_LENGTH = 3

/**
 * Every run of letters and digits becomes a quoted term, so FTS5 operators, quotes, brackets,
 * `*`, `NEAR`, `AND`... in user text are plain words or nothing. All terms must match (AND);
 * the last one is a prefix so results follow typing. Null when there is nothing to search for.
 */
export function toMatchExpression(text: string): string | null {
  const terms = (text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [])
    .slice(0, MAX_TERMS)
    .map((term) => term.slice(0, MAX_TERM_LENGTH))
  if (terms.length === 0) return null
  return terms
    .map((term, index) => {
      const prefix = index === terms.length - 1 && [...term].length >= MIN_PREFIX_LENGTH
      return `"${term}"${prefix ? '*' : ''}`
    })
    .join(' ')
}

export interface MarkedPart {
  text: string
  match: boolean
}

/** Splits highlight()/snippet() output at the markers into plain-text parts. */
export function splitMarked(marked: string): MarkedPart[] {
  const parts: MarkedPart[] = []
  let match = false
  let current = ''
  const flush = (): void => {
    if (current === '') return
    const last = parts[parts.length - 1]
    if (last && last.match === match) last.text += current
    else parts.push({ text: current, match })
    current = ''
  }
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_END) {
      flush()
      match = char === MATCH_START
    } else current += char
  }
  flush()
  return parts
}
