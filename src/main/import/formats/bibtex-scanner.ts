// The BibTeX scanner: an iterative scan with explicit positions, no recursion, and a value's
// braces counted, never matched by regex, so a run of a million `{` or an unclosed entry costs
// one linear pass. A broken entry is skipped with a warning and scanning resumes at the next
// line that starts an entry. Entries come out one at a time, so a caller can write them as
// they come instead of holding the whole bibliography.
import { MONTH_NAMES } from '../dates'
import type { ParseWarning } from '../types'
import type { ExpansionBudget } from '../expansion-budget'

export interface RawEntry {
  type: string
  key: string
  fields: Map<string, string>
  line: number
}

/** Thrown inside one entry; the scanner warns and carries on after it. */
class BrokenEntry extends Error {
  constructor(
    message: string,
    /** Where scanning resumes. */
    readonly resumeAt: number
  ) {
    super(message)
  }
}

export class BibScanner {
  readonly warnings: ParseWarning[] = []
  private readonly macros = new Map<string, string>(
    MONTH_NAMES.map((name) => [name.slice(0, 3), name[0]!.toUpperCase() + name.slice(1)])
  )
  private readonly lineStarts: number[] = [0]
  private pos = 0

  constructor(
    private readonly text: string,
    private readonly budget: ExpansionBudget
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1)
  }

  /** The entries in file order, one at a time: macros are defined as the scan passes them. */
  *entries(): Generator<RawEntry> {
    const { text } = this
    while (this.pos < text.length) {
      const c = text[this.pos]
      if (c === '%') {
        this.skipLine()
      } else if (c === '@') {
        const start = this.pos
        let entry: RawEntry | null = null
        try {
          entry = this.item()
        } catch (error) {
          if (!(error instanceof BrokenEntry)) throw error
          this.warnings.push({ line: this.lineOf(start), message: error.message })
          this.pos = Math.max(error.resumeAt, start + 1)
        }
        if (entry) yield entry
      } else {
        this.pos++
      }
    }
  }

  /** One `@type{...}` item from its `@`: an entry, or null for strings, comments and stray `@`s. */
  private item(): RawEntry | null {
    const start = this.pos
    this.pos++
    const type = this.identifier().toLowerCase()
    this.skipSpace()
    const open = this.text[this.pos]
    // "name@example.org" in free text between entries is not an entry.
    if (!type || (open !== '{' && open !== '(')) return null
    const close = open === '{' ? '}' : ')'
    this.pos++
    if (type === 'comment' || type === 'preamble') {
      this.skipGroup(start, close)
      return null
    }
    if (type === 'string') {
      const fields = this.fields(start, close, new Map())
      for (const [name, value] of fields) this.macros.set(name, value)
      return null
    }
    this.skipSpace()
    const keyStart = this.pos
    while (this.pos < this.text.length && !/[,\s})]/.test(this.text[this.pos]!)) this.pos++
    const key = this.text.slice(keyStart, this.pos)
    this.skipSpace()
    if (this.text[this.pos] === ',') this.pos++
    const fields = this.fields(start, close, new Map())
    return { type, key, fields, line: this.lineOf(start) }
  }

  private fields(start: number, close: string, fields: Map<string, string>): Map<string, string> {
    const { text } = this
    for (;;) {
      this.skipSpace()
      const c = text[this.pos]
      if (c === undefined) {
        if (fields.size === 0) throw new BrokenEntry('entry is not closed before the end of the file', text.length)
        this.warnings.push({ line: this.lineOf(start), message: 'entry is not closed before the end of the file' })
        return fields
      }
      if (c === close) {
        this.pos++
        return fields
      }
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === '%') {
        this.skipLine()
        continue
      }
      if (c === '@') {
        const at = this.pos
        this.pos++
        const name = this.identifier().toLowerCase()
        this.skipSpace()
        if (name === 'comment' && (text[this.pos] === '{' || text[this.pos] === '(')) {
          // A field commented out inside the entry.
          const inner = text[this.pos] === '{' ? '}' : ')'
          this.pos++
          this.skipGroup(at, inner)
          continue
        }
        // The next entry begins: this one lost its closing brace.
        this.warnings.push({ line: this.lineOf(start), message: 'entry is not closed; read up to the next entry' })
        this.pos = at
        return fields
      }
      const nameStart = this.pos
      const name = this.identifier(true).toLowerCase()
      if (!name) {
        throw new BrokenEntry(
          `unexpected "${text[this.pos]}" at line ${this.lineOf(this.pos)}; entry skipped`,
          this.nextEntryLine(this.pos)
        )
      }
      this.skipSpace()
      if (text[this.pos] !== '=') {
        throw new BrokenEntry(
          `field "${name}" at line ${this.lineOf(nameStart)} has no "="; entry skipped`,
          this.nextEntryLine(this.pos)
        )
      }
      this.pos++
      if (fields.has(name)) {
        this.warnings.push({ line: this.lineOf(nameStart), message: `field "${name}" repeats; the last one counts` })
      }
      fields.set(name, this.value(name))
    }
  }

  /** `{...}`, `"..."`, a number or a macro, joined by `#`. */
  private value(field: string): string {
    const { text } = this
    const parts: string[] = []
    let expanded = 0
    for (;;) {
      this.skipSpace()
      const c = text[this.pos]
      if (c === '{' || c === '"') {
        parts.push(this.delimited(c === '{' ? '}' : '"', field))
      } else if (c !== undefined && /[0-9]/.test(c)) {
        const from = this.pos
        while (this.pos < text.length && /[0-9]/.test(text[this.pos]!)) this.pos++
        parts.push(text.slice(from, this.pos))
      } else {
        const at = this.pos
        const name = this.identifier(true)
        if (!name) {
          throw new BrokenEntry(
            `field "${field}" at line ${this.lineOf(at)} has no value; entry skipped`,
            this.nextEntryLine(at)
          )
        }
        const macro = this.macros.get(name.toLowerCase())
        if (macro === undefined) {
          this.warnings.push({ line: this.lineOf(at), message: `undefined string "${name}" in field "${field}"` })
        }
        parts.push(macro ?? '')
        expanded += macro?.length ?? 0
        // Checked as the value grows: a value joining one huge macro many times is refused before it is built.
        this.budget.spend(expanded, `the string "${name}" in field "${field}"`, this.lineOf(at))
      }
      this.skipSpace()
      if (text[this.pos] !== '#') return parts.join('')
      this.pos++
    }
  }

  /** The text of a braced or quoted value, without its delimiters. */
  private delimited(close: '}' | '"', field: string): string {
    const { text } = this
    const start = this.pos
    let depth = 0
    for (let i = start + 1; i < text.length; i++) {
      const c = text[i]
      if (c === '\\') {
        i++
      } else if (c === '{') {
        depth++
      } else if (c === '}') {
        if (depth === 0) {
          if (close === '}') {
            this.pos = i + 1
            return text.slice(start + 1, i)
          }
          // A stray closing brace inside a quoted value: tolerated, as BibTeX does not.
          continue
        }
        depth--
      } else if (c === '"' && close === '"' && depth === 0) {
        this.pos = i + 1
        return text.slice(start + 1, i)
      } else if (c === '\n' && this.entryStartsAt(i + 1)) {
        throw new BrokenEntry(
          `unbalanced braces in field "${field}" (opened at line ${this.lineOf(start)}); entry skipped`,
          i + 1
        )
      }
    }
    throw new BrokenEntry(
      `unbalanced braces in field "${field}" (opened at line ${this.lineOf(start)}); entry skipped`,
      text.length
    )
  }

  /** Skips a comment or preamble body, braces counted. */
  private skipGroup(start: number, close: string): void {
    const { text } = this
    let depth = 0
    for (let i = this.pos; i < text.length; i++) {
      const c = text[i]
      if (c === '{') depth++
      else if (c === '}' && depth > 0) depth--
      else if (c === close && depth === 0) {
        this.pos = i + 1
        return
      } else if (c === '\n' && this.entryStartsAt(i + 1)) {
        this.warnings.push({ line: this.lineOf(start), message: 'unclosed @comment or @preamble; skipped' })
        this.pos = i + 1
        return
      }
    }
    this.warnings.push({ line: this.lineOf(start), message: 'unclosed @comment or @preamble; skipped' })
    this.pos = text.length
  }

  /** True when a line starting at `at` opens an entry: `@word{` or `@word(`, spaces allowed. */
  private entryStartsAt(at: number): boolean {
    const { text } = this
    let i = at
    while (text[i] === ' ' || text[i] === '\t') i++
    if (text[i] !== '@') return false
    i++
    const from = i
    while (i < text.length && i - from < 40 && isIdentifierChar(text[i]!, false)) i++
    if (i === from) return false
    while (text[i] === ' ' || text[i] === '\t') i++
    return text[i] === '{' || text[i] === '('
  }

  private nextEntryLine(from: number): number {
    const { text } = this
    for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (this.entryStartsAt(i + 1)) return i + 1
    }
    return text.length
  }

  private identifier(fieldName = false): string {
    const from = this.pos
    while (this.pos < this.text.length && isIdentifierChar(this.text[this.pos]!, fieldName)) this.pos++
    return this.text.slice(from, this.pos)
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++
  }

  private skipLine(): void {
    const end = this.text.indexOf('\n', this.pos)
    this.pos = end < 0 ? this.text.length : end + 1
  }

  lineOf(offset: number): number {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.lineStarts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return low + 1
  }
}

export function isIdentifierChar(c: string, fieldName: boolean): boolean {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true
  return c === '_' || c === '-' || (fieldName && (c === ':' || c === '.' || c === '+' || c === '/'))
}
