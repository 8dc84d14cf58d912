// Pure: FTS5's marked-up highlight output -> plain-text parts.

/** Private-use characters around matches in highlight()/snippet() output; stripped from indexed text. */
export const MATCH_START = '\uE000'
export const MATCH_END = '\uE001'
export const MARKERS = /[\uE000\uE001]/g

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
