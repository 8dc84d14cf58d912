// The encodings inside a MIME message: quoted-printable and base64 bodies, charsets, RFC 2047
// encoded words in headers and RFC 2231 header parameters. Pure: text or bytes in, text out.
import type { ParseWarning } from '../types'

/**
 * Quoted-printable to bytes. `sourceLines[k]` is the body line (0-based) where decoded line k+1
 * starts, since soft line breaks join several encoded lines into one.
 */
export function decodeQuotedPrintable(lines: string[]): { bytes: Uint8Array; sourceLines: number[] } {
  const bytes: number[] = []
  const sourceLines: number[] = [0]
  const encoder = new TextEncoder()
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/[ \t]+$/, '')
    let soft = false
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i)
      if (c === 0x3d) {
        if (i === line.length - 1) {
          soft = true
          break
        }
        const hex = line.slice(i + 1, i + 3)
        if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
          bytes.push(parseInt(hex, 16))
          i += 2
          continue
        }
        bytes.push(c)
      } else if (c < 0x80) {
        bytes.push(c)
      } else {
        // Raw non-ASCII inside a quoted-printable part is invalid but common: keep it as UTF-8.
        for (const b of encoder.encode(line[i]!)) bytes.push(b)
      }
    }
    if (!soft && n < lines.length - 1) {
      bytes.push(0x0a)
      sourceLines.push(n + 1)
    }
  }
  return { bytes: Uint8Array.from(bytes), sourceLines }
}

/** Base64 to bytes, ignoring line breaks and any character outside the alphabet. */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/\-_]/g, '')
  return new Uint8Array(Buffer.from(clean, 'base64'))
}

/** Bytes in a named charset to text; an unknown charset falls back to UTF-8 with a warning. */
export function decodeCharset(bytes: Uint8Array, charset: string, warnings?: ParseWarning[], line?: number): string {
  const label = charset.replace(/\*.*$/, '').trim() || 'utf-8'
  try {
    return new TextDecoder(label).decode(bytes)
  } catch {
    warnings?.push({ line: line ?? null, message: `unknown charset "${label}"; the part was read as UTF-8` })
    return new TextDecoder('utf-8').decode(bytes)
  }
}

// `=?charset?B|Q?text?=`; the pieces exclude `?` and white space, so matching stays linear.
const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g

/** Decodes RFC 2047 encoded words; white space between adjacent encoded words is dropped. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value
  const out: string[] = []
  let pendingBytes: number[] = []
  let pendingCharset = ''
  let last = 0
  const flush = (): void => {
    if (pendingBytes.length > 0) out.push(decodeCharset(Uint8Array.from(pendingBytes), pendingCharset))
    pendingBytes = []
  }
  for (const match of value.matchAll(ENCODED_WORD)) {
    const gap = value.slice(last, match.index)
    const adjacent = last > 0 && /^\s*$/.test(gap)
    const charset = match[1]!.toLowerCase()
    if (!adjacent || charset !== pendingCharset) {
      flush()
      if (!adjacent) out.push(gap)
    }
    pendingCharset = charset
    const payload = match[3]!
    append(pendingBytes, match[2]!.toUpperCase() === 'B' ? decodeBase64(payload) : qEncodedBytes(payload))
    last = match.index + match[0].length
  }
  flush()
  out.push(value.slice(last))
  return out.join('')
}

// A loop, not push(...bytes): spreading a long array overflows the call stack.
function append(target: number[], bytes: ArrayLike<number>): void {
  for (let i = 0; i < bytes.length; i++) target.push(bytes[i]!)
}

function qEncodedBytes(text: string): number[] {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '_') bytes.push(0x20)
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(c.charCodeAt(0) & 0xff)
  }
  return bytes
}

/**
 * `text/html; charset="utf-8"; name*=utf-8''r%C3%A9sum%C3%A9.txt` -> value and parameters.
 * RFC 2231 continuations (`name*0`, `name*1*`) and percent-encoded values are joined and decoded.
 */
export function parseHeaderParams(header: string): { value: string; params: Record<string, string> } {
  const pieces = splitOutsideQuotes(header, ';')
  const value = (pieces.shift() ?? '').trim()
  const simple: Record<string, string> = {}
  const extended: Record<string, { index: number; text: string; encoded: boolean }[]> = {}
  for (const piece of pieces) {
    const eq = piece.indexOf('=')
    if (eq < 0) continue
    const rawName = piece.slice(0, eq).trim().toLowerCase()
    const text = unquote(piece.slice(eq + 1).trim())
    const match = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(rawName)
    if (!match) continue
    const [, name, index, star] = match
    if (index === undefined && star === undefined) {
      simple[name!] ??= text
    } else {
      ;(extended[name!] ??= []).push({ index: Number(index ?? 0), text, encoded: star !== undefined })
    }
  }
  const params: Record<string, string> = { ...simple }
  for (const [name, parts] of Object.entries(extended)) {
    parts.sort((a, b) => a.index - b.index)
    let charset = 'utf-8'
    const bytes: number[] = []
    parts.forEach((part, n) => {
      let text = part.text
      if (part.encoded && n === 0) {
        const quote = /^([^']*)'[^']*'/.exec(text)
        if (quote) {
          charset = quote[1] || 'utf-8'
          text = text.slice(quote[0].length)
        }
      }
      append(bytes, part.encoded ? percentDecoded(text) : new TextEncoder().encode(text))
    })
    params[name] = decodeCharset(Uint8Array.from(bytes), charset)
  }
  return { value, params }
}

function percentDecoded(text: string): number[] {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(text.charCodeAt(i) & 0xff)
  }
  return bytes
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const pieces: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted && c === '\\' && i + 1 < text.length) {
      current += c + text[++i]
    } else if (c === '"') {
      quoted = !quoted
      current += c
    } else if (c === separator && !quoted) {
      pieces.push(current)
      current = ''
    } else current += c
  }
  pieces.push(current)
  return pieces
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1')
  return text
}
