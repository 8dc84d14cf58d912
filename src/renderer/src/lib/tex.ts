// Splits imported text into plain text and TeX math segments. Only the math segments ever
// reach KaTeX; everything else stays React text.

export type TextSegment = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean }

interface Delimiter {
  open: string
  close: string
  display: boolean
}

const DELIMITERS: Delimiter[] = [
  { open: '$$', close: '$$', display: true },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
  { open: '$', close: '$', display: false }
]

const MAX_MATH_LENGTH = 2000

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++
  return backslashes % 2 === 1
}

/** A single `$` opens math only as `$x...`, closes only as `...x$` not followed by a digit ("$5 and $10"). */
function findInlineDollarClose(text: string, start: number): number {
  if (start >= text.length || /\s/.test(text[start] ?? '')) return -1
  for (let i = start; i < text.length && i - start <= MAX_MATH_LENGTH; i++) {
    if (text[i] === '\n' && text[i + 1] === '\n') return -1
    if (text[i] !== '$' || isEscaped(text, i)) continue
    if (text[i + 1] === '$') return -1
    if (/\s/.test(text[i - 1] ?? '')) continue
    if (/\d/.test(text[i + 1] ?? '')) continue
    return i
  }
  return -1
}

function findClose(text: string, delimiter: Delimiter, start: number): number {
  if (delimiter.open === '$') return findInlineDollarClose(text, start)
  const end = text.indexOf(delimiter.close, start)
  if (end < 0 || end - start > MAX_MATH_LENGTH) return -1
  return end
}

export function splitTex(text: string): TextSegment[] {
  const segments: TextSegment[] = []
  let plain = ''
  let i = 0
  const flush = (): void => {
    if (plain) segments.push({ kind: 'text', text: plain })
    plain = ''
  }
  while (i < text.length) {
    const delimiter = DELIMITERS.find((d) => text.startsWith(d.open, i) && !isEscaped(text, i))
    if (delimiter) {
      const start = i + delimiter.open.length
      const end = findClose(text, delimiter, start)
      const tex = end >= 0 ? text.slice(start, end) : ''
      if (end >= 0 && tex.trim()) {
        flush()
        segments.push({ kind: 'math', tex, display: delimiter.display })
        i = end + delimiter.close.length
        continue
      }
      plain += delimiter.open
      i = start
      continue
    }
    plain += text[i]
    i++
  }
  flush()
  return segments
}
