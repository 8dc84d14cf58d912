// Reading MIME messages (.eml) into parts with decoded text. Pure: a string in, a tree out.
//
// The file arrives already decoded as text by the importer; transfer-encoded parts
// (quoted-printable, base64) are turned back into bytes here and decoded with the part's
// own charset. Unencoded 7bit/8bit parts keep the importer's decoding.
// Every decoded part remembers which file line each of its lines came from, so the
// parser that reads a part can report warnings on the lines of the .eml file.
import { parseDate } from '../dates'
import type { ParseWarning } from '../types'

export interface MimeHeader {
  /** Lower-cased header name. */
  name: string
  /** Unfolded raw value (encoded words not yet decoded). */
  value: string
  line: number
}

export interface MimeEntity {
  headers: MimeHeader[]
  /** Lower-cased `type/subtype`; `text/plain` when the part does not say. */
  contentType: string
  /** Content-Type parameters, names lower-cased. */
  params: Record<string, string>
  transferEncoding: string
  /** A file name from Content-Disposition or Content-Type, if any. */
  fileName: string | null
  /** 1-based file line where this entity's headers start. */
  line: number
  /** 1-based file line where the body starts. */
  bodyLine: number
  /** Sub-parts of a multipart entity, or the message inside a message/rfc822 part. */
  children: MimeEntity[]
  /** Decoded text of a text part; null for multipart and non-text parts. */
  text: string | null
  /** The file line of a 1-based line of `text`. */
  lineOf(textLine: number): number
}

export interface MimeMessage {
  root: MimeEntity
  warnings: ParseWarning[]
}

// Hostile files nest multiparts thousands deep; real mail stays within a handful of levels.
const MAX_DEPTH = 24
const HEADER_LINE = /^([!-9;-~]+)[ \t]*:[ \t]?(.*)$/

/** True when the text starts with a header block that a mail message would have. */
export function looksLikeMimeMessage(text: string): boolean {
  const head = text.slice(0, 8192).replace(/^From [^\n]*\n/, '')
  const end = head.search(/\r?\n\r?\n/)
  const block = end < 0 ? head : head.slice(0, end)
  const lines = block.split(/\r?\n/)
  if (lines.length === 0 || !HEADER_LINE.test(lines[0]!)) return false
  let known = 0
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue
    if (!HEADER_LINE.test(line)) return false
    if (/^(mime-version|from|to|subject|date|content-type|message-id|received|return-path|delivered-to):/i.test(line))
      known++
  }
  return known >= 2
}

export function parseMime(text: string): MimeMessage {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  const warnings: ParseWarning[] = []
  let start = 0
  // An mbox export starts with a "From sender date" envelope line, which is not a header.
  if (lines[0]?.startsWith('From ') && !HEADER_LINE.test(lines[0])) start = 1
  const root = parseEntity(lines, start, lines.length, 0, warnings, 'text/plain')
  return { root, warnings }
}

function parseEntity(
  lines: string[],
  start: number,
  end: number,
  depth: number,
  warnings: ParseWarning[],
  defaultType: string
): MimeEntity {
  const headers: MimeHeader[] = []
  let i = start
  for (; i < end; i++) {
    const line = lines[i]!
    if (line === '') {
      i++
      break
    }
    const last = headers[headers.length - 1]
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      last.value += line
      continue
    }
    const match = HEADER_LINE.exec(line)
    if (!match) {
      if (headers.length > 0) warnings.push({ line: i + 1, message: 'a header block ends without a blank line' })
      break
    }
    headers.push({ name: match[1]!.toLowerCase(), value: match[2]!, line: i + 1 })
  }
  const bodyStart = i
  const typeHeader = headers.find((h) => h.name === 'content-type')
  const parsedType = typeHeader ? parseHeaderParams(typeHeader.value) : { value: defaultType, params: {} }
  const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(parsedType.value) ? parsedType.value.toLowerCase() : defaultType
  const transferEncoding = (headers.find((h) => h.name === 'content-transfer-encoding')?.value ?? '7bit')
    .trim()
    .toLowerCase()
  const disposition = headers.find((h) => h.name === 'content-disposition')
  const fileName =
    (disposition ? parseHeaderParams(disposition.value).params['filename'] : undefined) ??
    parsedType.params['name'] ??
    null
  const entity: MimeEntity = {
    headers,
    contentType,
    params: parsedType.params,
    transferEncoding,
    fileName: fileName ? decodeEncodedWords(fileName) : null,
    line: start + 1,
    bodyLine: bodyStart + 1,
    children: [],
    text: null,
    lineOf: (textLine) => bodyStart + textLine
  }

  const boundary = parsedType.params['boundary']
  if (contentType.startsWith('multipart/')) {
    if (depth >= MAX_DEPTH) {
      warnings.push({ line: start + 1, message: `parts nested more than ${MAX_DEPTH} deep were skipped` })
    } else if (!boundary) {
      warnings.push({
        line: typeHeader?.line ?? start + 1,
        message: 'a multipart part names no boundary; it was skipped'
      })
    } else {
      const childType = contentType === 'multipart/digest' ? 'message/rfc822' : 'text/plain'
      entity.children = splitMultipart(lines, bodyStart, end, boundary).map((range) => {
        if (!range.closed)
          warnings.push({ line: range.start + 1, message: `the part starting here has no closing boundary` })
        return parseEntity(lines, range.start, range.end, depth + 1, warnings, childType)
      })
      if (entity.children.length === 0)
        warnings.push({ line: bodyStart + 1, message: `no part with the boundary "${boundary}" was found` })
    }
    return entity
  }
  if (contentType === 'message/rfc822' || contentType === 'message/global') {
    if (depth < MAX_DEPTH) entity.children = [parseEntity(lines, bodyStart, end, depth + 1, warnings, 'text/plain')]
    return entity
  }
  if (contentType.startsWith('text/') || contentType === 'application/x-bibtex' || contentType === 'application/json') {
    decodeLeaf(entity, lines.slice(bodyStart, end), warnings)
  }
  return entity
}

interface PartRange {
  start: number
  end: number
  closed: boolean
}

/** Line ranges between `--boundary` delimiters; the preamble and epilogue are dropped. */
function splitMultipart(lines: string[], start: number, end: number, boundary: string): PartRange[] {
  const delimiter = `--${boundary}`
  const ranges: PartRange[] = []
  let partStart = -1
  for (let i = start; i < end; i++) {
    const line = lines[i]!
    if (!line.startsWith(delimiter)) continue
    const rest = line.slice(delimiter.length)
    const closing = rest.startsWith('--')
    if ((closing ? rest.slice(2) : rest).trim() !== '') continue
    if (partStart >= 0) ranges.push({ start: partStart, end: i, closed: true })
    if (closing) return ranges
    partStart = i + 1
  }
  if (partStart >= 0) ranges.push({ start: partStart, end, closed: false })
  return ranges
}

function decodeLeaf(entity: MimeEntity, body: string[], warnings: ParseWarning[]): void {
  const charset = (entity.params['charset'] ?? 'utf-8').trim()
  const first = entity.bodyLine
  if (entity.transferEncoding === 'quoted-printable') {
    const { bytes, sourceLines } = decodeQuotedPrintable(body)
    entity.text = decodeCharset(bytes, charset, warnings, entity.line)
    entity.lineOf = (textLine) => first + (sourceLines[textLine - 1] ?? body.length - 1)
  } else if (entity.transferEncoding === 'base64') {
    entity.text = decodeCharset(decodeBase64(body.join('')), charset, warnings, entity.line)
    // Base64 lines carry no line structure of the text: everything points at the part.
    entity.lineOf = () => first
  } else {
    entity.text = body.join('\n')
  }
  entity.text = entity.text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n')
}

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

/** A header's value with encoded words decoded and white space folded; null when absent. */
export function headerValue(entity: MimeEntity, name: string): string | null {
  const found = entity.headers.find((h) => h.name === name.toLowerCase())
  if (!found) return null
  return decodeEncodedWords(found.value)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}

/** Every part with text, depth first, in the order the message lists them. */
export function textParts(root: MimeEntity): MimeEntity[] {
  const found: MimeEntity[] = []
  const stack: MimeEntity[] = [root]
  while (stack.length > 0) {
    const entity = stack.pop()!
    if (entity.text !== null) found.push(entity)
    for (let i = entity.children.length - 1; i >= 0; i--) stack.push(entity.children[i]!)
  }
  return found
}

/** "Tue, 12 Mar 2024 09:30:00 +0000 (UTC)" -> 2024-03-12: the day as the sender wrote it. */
export function mailDate(header: string, reference: Date): string | null {
  const match = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(header)
  return match ? parseDate(`${match[1]} ${match[2]} ${match[3]}`, reference) : null
}
