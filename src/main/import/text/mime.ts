// Reading MIME messages (.eml) into parts with decoded text. Pure: a string in, a tree out.
//
// The file arrives already decoded as text by the importer; transfer-encoded parts
// (quoted-printable, base64) are turned back into bytes here and decoded with the part's
// own charset. Unencoded 7bit/8bit parts keep the importer's decoding.
// Every decoded part remembers which file line each of its lines came from, so the
// parser that reads a part can report warnings on the lines of the .eml file.
import { parseDate } from '../dates'
import type { ParseWarning } from '../types'
import {
  decodeBase64,
  decodeCharset,
  decodeEncodedWords,
  decodeQuotedPrintable,
  parseHeaderParams
} from './mime-encodings'

export { decodeEncodedWords, parseHeaderParams } from './mime-encodings'

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
