// Bytes to text, before any parser sees them. Pure: bytes and a file name in, text out.
//
// Order of trust: a byte-order mark, then a charset the file states (XML declaration,
// HTML meta, BibTeX `% Encoding:`), then strict UTF-8, then Windows-1252 with a warning.
// MIME charsets are per part, so the e-mail parser decodes those itself.
//
// Normalization: CRLF and lone CR become LF; non-breaking spaces in a line's leading
// indentation become plain spaces (mail clients indent continuation lines with them).
// NBSP inside a line is kept: it is text ("10\u00a0GB", French spacing), and parsers that
// fold white space already treat it as a space.
import { ImportError, type ParseWarning } from './types'
import { wellFormed } from '../../shared/well-formed'

export interface DecodedText {
  text: string
  /** WHATWG name of the encoding used: `utf-8`, `utf-16le`, `windows-1252`... */
  encoding: string
  warnings: ParseWarning[]
}

const SNIFF_BYTES = 4096

/**
 * The most bytes Dogear decodes as one file. A V8 string holds at most 2^29 - 24 UTF-16 units
 * (about 512 MiB of ASCII); past that TextDecoder fails in ways that look like bad bytes.
 * The pipeline refuses larger files before reading them.
 */
export const MAX_DECODED_BYTES = 500 * 1024 * 1024
const CONTROL_SAMPLE_BYTES = 64 * 1024

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or an Office document)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' }
]

const STATED_CHARSET_PATTERNS = [
  /<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([\w.:-]{1,40})["']/i,
  /<meta[^>]{0,200}?\bcharset\s*=\s*["']?([\w.:-]{1,40})/i,
  /^%\s*Encoding:\s*([\w.:-]{1,40})/im
]

/** Decodes a digest file's bytes; throws ImportError for empty or binary files. */
export function decodeBytes(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw new ImportError('EMPTY', fileName, 'the file is empty')
  if (bytes.length > MAX_DECODED_BYTES) throw tooLargeToDecode(fileName, bytes.length)
  const warnings: ParseWarning[] = []
  const { text, encoding } = decodeRaw(bytes, fileName, warnings)
  return { text: finishText(text, fileName), encoding, warnings }
}

/**
 * Checks and normalizes text that arrived as text (pasted): the same empty and binary
 * checks and the same line-ending and indentation normalization as decoded files.
 */
export function normalizeInputText(text: string, fileName: string): string {
  return finishText(wellFormed(text).replace(/^\ufeff/, ''), fileName)
}

export function tooLargeToDecode(fileName: string, size: number): ImportError {
  const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`
  return new ImportError(
    'TOO_LARGE',
    fileName,
    `the file is ${mb(size)}; Dogear reads files up to ${mb(MAX_DECODED_BYTES)} (split it into smaller files)`
  )
}

function finishText(text: string, fileName: string): string {
  if (text.includes('\u0000')) throw binary(fileName, 'it contains NUL characters')
  if (!/[^\s\u00a0\ufeff]/.test(text)) throw new ImportError('EMPTY', fileName, 'the file holds only white space')
  return normalizeText(text)
}

/** CRLF/CR to LF; NBSP in leading indentation to spaces. */
export function normalizeText(text: string): string {
  // Most files need neither pass, and both would otherwise walk every character of big files.
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
  if (!lf.includes('\u00a0')) return lf
  return lf.replace(/^[ \t\u00a0]*\u00a0[ \t\u00a0]*/gm, (indent) => indent.replace(/\u00a0/g, ' '))
}

function decodeRaw(bytes: Uint8Array, fileName: string, warnings: ParseWarning[]): { text: string; encoding: string } {
  const bom = byteOrderMark(bytes)
  if (bom) return { text: decodeWith(bom.encoding, bytes.subarray(bom.length), fileName), encoding: bom.encoding }

  const utf16 = guessBomlessUtf16(bytes)
  if (utf16) {
    warnings.push({
      line: null,
      message: `no byte-order mark; the bytes look like ${utf16.toUpperCase()} and were read so`
    })
    return { text: decodeWith(utf16, bytes, fileName), encoding: utf16 }
  }

  rejectBinary(bytes, fileName)

  const stated = statedCharset(bytes)
  const utf8 = tryUtf8(bytes)
  if (stated) {
    const label = supportedEncoding(stated)
    if (label === null) {
      warnings.push({ line: null, message: `the file states the unknown charset "${stated}"; it was ignored` })
    } else if (label === 'utf-8' || label === 'utf-16le' || label === 'utf-16be') {
      // A UTF-16 declaration without a BOM in bytes that read as ASCII is a stale label (as browsers treat it).
      if (utf8.ok) return { text: utf8.text, encoding: 'utf-8' }
    } else if (utf8.ok && hasMultibyte(bytes)) {
      // Text converted to UTF-8 by a tool that kept the old declaration: the bytes are the better witness.
      warnings.push({
        line: null,
        message: `the file states charset "${stated}" but its bytes are UTF-8; it was read as UTF-8`
      })
      return { text: utf8.text, encoding: 'utf-8' }
    } else {
      return { text: decodeWith(label, bytes, fileName), encoding: label }
    }
  }

  if (utf8.ok) return { text: utf8.text, encoding: 'utf-8' }
  const cutOff = cutOffUtf8(bytes, utf8.badOffset)
  if (cutOff !== null) {
    warnings.push({
      line: utf8.badLine,
      message: `the file ends in the middle of a character (line ${utf8.badLine}), as a cut-off download does; the broken character was replaced`
    })
    return { text: cutOff, encoding: 'utf-8' }
  }
  warnings.push({
    line: utf8.badLine,
    message: `not valid UTF-8 (first bad byte on line ${utf8.badLine}); read as Windows-1252, so some characters may be wrong`
  })
  return { text: decodeWith('windows-1252', bytes, fileName), encoding: 'windows-1252' }
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/** UTF-16 without a BOM shows as NUL in every other byte of ASCII-heavy text. */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1
  if (n < 8) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const pairs = n / 2
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le'
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be'
  return null
}

function rejectBinary(bytes: Uint8Array, fileName: string): void {
  for (const { bytes: magic, what } of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) throw binary(fileName, `it is ${what}, not a digest`)
  }
  if (bytes.indexOf(0) !== -1) throw binary(fileName, 'it contains NUL bytes')
  const n = Math.min(bytes.length, CONTROL_SAMPLE_BYTES)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    // Tab, LF, VT, FF, CR and ESC occur in text; other C0 controls do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++
  }
  if (controls > 8 && controls > n * 0.01) throw binary(fileName, 'it is full of control bytes')
}

function binary(fileName: string, why: string): ImportError {
  return new ImportError('BINARY', fileName, `this is binary data, not a text digest (${why})`)
}

function statedCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES))
  for (const pattern of STATED_CHARSET_PATTERNS) {
    const match = pattern.exec(head)
    if (match) return match[1]!
  }
  return null
}

function supportedEncoding(label: string): string | null {
  try {
    return new TextDecoder(label).encoding
  } catch {
    return null
  }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true
  return false
}

type Utf8Attempt = { ok: true; text: string } | { ok: false; badLine: number; badOffset: number }

function tryUtf8(bytes: Uint8Array): Utf8Attempt {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, ...firstInvalidUtf8(bytes) }
  }
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}

/** Where the first byte sequence that is not UTF-8 starts, and its line. */
function firstInvalidUtf8(bytes: Uint8Array): { badLine: number; badOffset: number } {
  let line = 1
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b === 0x0a) line++
    const length = sequenceLength(b)
    if (length === 0) return { badLine: line, badOffset: i }
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return { badLine: line, badOffset: i }
    }
    i += length
  }
  return { badLine: line, badOffset: bytes.length }
}

/**
 * A UTF-8 file cut off inside its last character (an interrupted download): everything before
 * the cut is strict UTF-8 and the tail is the start of a sequence. Read as UTF-8 with the tail
 * replaced, unless nothing else in the file is beyond ASCII and the tail is one byte, which is as
 * likely a legacy file's last accented letter.
 */
function cutOffUtf8(bytes: Uint8Array, badOffset: number): string | null {
  const tail = bytes.length - badOffset
  const length = sequenceLength(bytes[badOffset] ?? 0)
  if (length < 2 || tail >= length) return null
  for (let k = 1; k < tail; k++) if ((bytes[badOffset + k]! & 0xc0) !== 0x80) return null
  const head = bytes.subarray(0, badOffset)
  if (tail === 1 && !hasMultibyte(head)) return null
  const text = tryUtf8(head)
  return text.ok ? `${text.text}\ufffd` : null
}

function decodeWith(encoding: string, bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder(encoding, { fatal: encoding.startsWith('utf-16') }).decode(bytes)
  } catch {
    throw new ImportError('ENCODING', fileName, `the bytes are not valid ${encoding.toUpperCase()}`)
  }
}
