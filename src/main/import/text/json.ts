// Reading JSON digests safely: bounded nesting, syntax errors with a line number, and the
// lines where array elements start (JSON.parse keeps no positions, so one linear scan finds them).
import { ImportError } from '../types'
import { messageOf } from '../../../shared/errors'

export const MAX_JSON_DEPTH = 256

export type JsonPath = Array<string | number>
export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A non-empty string, trimmed; anything else counts as absent. */
export function nonEmptyString(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed.length > 0 ? trimmed : null
}

/**
 * JSON.parse behind a nesting check: V8's parser recurses, so a file of a million `[`
 * would overflow the stack. The check is one linear scan that ignores brackets in strings.
 */
export function parseJsonSafely(text: string, fileName: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const tooDeepAt = firstOffsetDeeperThan(source, MAX_JSON_DEPTH)
  if (tooDeepAt !== null) {
    throw new ImportError(
      'MALFORMED',
      fileName,
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      lineAtOffset(source, tooDeepAt)
    )
  }
  try {
    return JSON.parse(source) as unknown
  } catch (error) {
    const detail = messageOf(error)
    throw new ImportError('MALFORMED', fileName, `not valid JSON (${shortReason(detail)})`, errorLine(source, detail))
  }
}

// Only quotes and brackets matter to the depth; native searches skip everything else.
const STRUCTURE = /["[\]{}]/g

function firstOffsetDeeperThan(text: string, limit: number): number | null {
  let depth = 0
  STRUCTURE.lastIndex = 0
  for (let match = STRUCTURE.exec(text); match; match = STRUCTURE.exec(text)) {
    const c = match[0]
    if (c === '"') {
      STRUCTURE.lastIndex = closingQuote(text, match.index) + 1
      if (STRUCTURE.lastIndex === 0) return null // an unterminated string: JSON.parse will say so
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return match.index
    } else {
      depth--
    }
  }
  return null
}

/** The index of the quote that closes the string opened at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++
    if (backslashes % 2 === 0) return quote
  }
  return -1
}

/** Newer V8 names the line or offset; Node 20's V8 often names neither, so find it ourselves. */
function errorLine(text: string, message: string): number {
  const line = /\bline (\d+)/.exec(message)
  if (line) return Number(line[1])
  const position = /\bposition (\d+)/.exec(message)
  if (position) return lineAtOffset(text, Number(position[1]))
  return lineAtOffset(text, syntaxErrorOffset(text) ?? text.length)
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done'
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/**
 * The offset of the first syntax error, found by one iterative pass (no recursion, so
 * deep nesting is harmless); null when the text is valid JSON. Used only after JSON.parse failed.
 */
export function syntaxErrorOffset(text: string): number | null {
  const stack: Array<'array' | 'object'> = []
  let expect: Expect = 'value'
  const afterValue = (): Expect => (stack.length === 0 ? 'done' : 'commaOrEnd')
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++
      continue
    }
    if (expect === 'done') return i
    if (expect === 'colon') {
      if (c !== ':') return i
      expect = 'value'
      i++
    } else if (expect === 'commaOrEnd') {
      const top = stack.at(-1)
      if (c === ',') expect = top === 'object' ? 'key' : 'value'
      else if (c === (top === 'object' ? '}' : ']')) {
        stack.pop()
        expect = afterValue()
      } else return i
      i++
    } else if (expect === 'key' || expect === 'keyOrEnd') {
      if (expect === 'keyOrEnd' && c === '}') {
        stack.pop()
        expect = afterValue()
        i++
      } else if (c === '"') {
        const end = stringEnd(text, i)
        if (end < 0) return -end - 1
        expect = 'colon'
        i = end
      } else return i
    } else if (expect === 'valueOrEnd' && c === ']') {
      stack.pop()
      expect = afterValue()
      i++
    } else if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'object' : 'array')
      expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd'
      i++
    } else if (c === '"') {
      const end = stringEnd(text, i)
      if (end < 0) return -end - 1
      expect = afterValue()
      i = end
    } else {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i))
      NUMBER.lastIndex = i
      const length = literal?.length ?? (NUMBER.test(text) ? NUMBER.lastIndex - i : 0)
      if (length === 0) return i
      expect = afterValue()
      i += length
    }
  }
  return expect === 'done' ? null : text.length
}

/** The index after a string's closing quote, or -(offset + 1) of the fault inside it. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) return i + 1
    if (c < 0x20) return -(i + 1)
    if (c === 0x5c) {
      const next = text[i + 1] ?? ''
      if (next === 'u') {
        if (!/^[\da-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 1)
        i += 5
      } else if ('"\\/bfnrt'.includes(next) && next !== '') i++
      else return -(i + 1)
    }
  }
  return -(text.length + 1)
}

/** The parser's reason without the quoted source excerpt newer V8 versions append. */
function shortReason(message: string): string {
  const reason = message.split(/, "|\n/)[0] ?? message
  return reason.length > 120 ? `${reason.slice(0, 117)}...` : reason
}

export function lineAtOffset(text: string, offset: number): number {
  let line = 1
  const end = Math.min(offset, text.length)
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++
  return line
}

/**
 * The 1-based line where each element of the array at `path` starts. When a key repeats,
 * the last one counts, as in JSON.parse. A minified file is all on line 1 and is not scanned.
 */
export function arrayElementLines(text: string, path: JsonPath): number[] {
  if (!text.includes('\n')) return []
  return new ElementLineScanner(text, path).run()
}

type Frame = { kind: 'array'; index: number } | { kind: 'object'; key: string | null; expectKey: boolean }

class ElementLineScanner {
  private line = 1
  private readonly stack: Frame[] = []
  private lines: number[] = []

  constructor(
    private readonly text: string,
    private readonly target: JsonPath
  ) {}

  run(): number[] {
    const { text } = this
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 0x0a) {
        this.line++
      } else if (c === 0x22) {
        i = this.string(i)
      } else if (c === 0x5b || c === 0x7b) {
        this.beforeValue()
        if (c === 0x5b) {
          if (this.atTarget()) this.lines = []
          this.stack.push({ kind: 'array', index: -1 })
        } else {
          this.stack.push({ kind: 'object', key: null, expectKey: true })
        }
      } else if (c === 0x5d || c === 0x7d) {
        this.stack.pop()
      } else if (c === 0x2c) {
        const top = this.stack.at(-1)
        if (top?.kind === 'object') top.expectKey = true
      } else if (c > 0x20 && c !== 0x3a) {
        // The first character of a number, true, false or null.
        this.beforeValue()
        while (i + 1 < text.length && !endsLiteral(text.charCodeAt(i + 1))) i++
      }
    }
    return this.lines
  }

  /** Reads a string from its opening quote; returns the index of the closing quote. */
  private string(start: number): number {
    const { text } = this
    let end = start + 1
    while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1
    const top = this.stack.at(-1)
    if (top?.kind === 'object' && top.expectKey) {
      top.key = decodeKey(text.slice(start, end + 1))
      top.expectKey = false
    } else {
      this.beforeValue()
    }
    return end
  }

  /** A value starts: count it as the next array element, and note its line when it is in the target. */
  private beforeValue(): void {
    const top = this.stack.at(-1)
    if (top?.kind !== 'array') return
    top.index++
    if (this.stack.length === this.target.length + 1 && this.pathMatches(this.stack.length - 1)) {
      this.lines.push(this.line)
    }
  }

  private atTarget(): boolean {
    return this.stack.length === this.target.length && this.pathMatches(this.stack.length)
  }

  private pathMatches(depth: number): boolean {
    for (let d = 0; d < depth; d++) {
      const frame = this.stack[d]!
      const step = this.target[d]
      if (frame.kind === 'array' ? frame.index !== step : frame.key !== step) return false
    }
    return true
  }
}

function endsLiteral(c: number): boolean {
  return c <= 0x20 || c === 0x2c || c === 0x5d || c === 0x7d
}

function decodeKey(quoted: string): string | null {
  try {
    return JSON.parse(quoted) as string
  } catch {
    return null
  }
}
