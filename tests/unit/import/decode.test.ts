import { describe, expect, it } from 'vitest'
import { decodeBytes, MAX_DECODED_BYTES, normalizeInputText, normalizeText } from '../../../src/main/import/decode'
import { ImportError } from '../../../src/main/import/types'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)))

function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (endian === 'le') out.push(unit & 0xff, unit >> 8)
    else out.push(unit >> 8, unit & 0xff)
  }
  return Uint8Array.from(out)
}

function decodeError(input: Uint8Array): ImportError {
  try {
    decodeBytes(input, 'digest.txt')
  } catch (error) {
    if (error instanceof ImportError) return error
    throw error
  }
  throw new Error('expected an ImportError')
}

describe('decoding', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeBytes(utf8('Poznań ∑'), 'a.txt')).toEqual({ text: 'Poznań ∑', encoding: 'utf-8', warnings: [] })
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'Poznań'), 'a.txt').text).toBe('Poznań')
  })

  it('reads UTF-16 in both byte orders by their BOM', () => {
    expect(decodeBytes(utf16('Zürich – 東京', 'le'), 'a.txt')).toMatchObject({
      text: 'Zürich – 東京',
      encoding: 'utf-16le'
    })
    expect(decodeBytes(utf16('Zürich – 東京', 'be'), 'a.txt')).toMatchObject({
      text: 'Zürich – 東京',
      encoding: 'utf-16be'
    })
  })

  it('reads BOM-less UTF-16 with a warning instead of calling it binary', () => {
    const decoded = decodeBytes(utf16('Title line\n\nAn abstract of some length.', 'le', false), 'a.txt')
    expect(decoded.text).toBe('Title line\n\nAn abstract of some length.')
    expect(decoded.warnings[0]!.message).toMatch(/UTF-16LE/)
  })

  it('follows a charset the file states', () => {
    const latin1Xml = bytes('<?xml version="1.0" encoding="ISO-8859-1"?><t>Gen', [0xe8], 've</t>')
    expect(decodeBytes(latin1Xml, 'a.xml')).toMatchObject({
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><t>Genève</t>',
      warnings: []
    })
    const sjisHtml = bytes('<meta charset="shift_jis"><p>', [0x93, 0x8c, 0x8b, 0x9e], '</p>')
    expect(decodeBytes(sjisHtml, 'a.html').text).toContain('<p>東京</p>')
    const bib = bytes('% Encoding: windows-1252\n@article{k, author={M', [0xfc], 'ller}}')
    expect(decodeBytes(bib, 'a.bib').text).toContain('Müller')
  })

  it('prefers UTF-8 bytes over a stale single-byte declaration, and says so', () => {
    const decoded = decodeBytes(utf8('<?xml version="1.0" encoding="iso-8859-1"?><t>Genève</t>'), 'a.xml')
    expect(decoded.text).toContain('Genève')
    expect(decoded.warnings[0]!.message).toMatch(/states charset "iso-8859-1" but its bytes are UTF-8/)
  })

  it('warns about an unknown stated charset and reads on', () => {
    const decoded = decodeBytes(utf8('<meta charset="klingon-8"><p>ok</p>'), 'a.html')
    expect(decoded.text).toContain('ok')
    expect(decoded.warnings[0]!.message).toMatch(/unknown charset "klingon-8"/)
  })

  it('falls back to Windows-1252 for invalid UTF-8, naming the line', () => {
    const decoded = decodeBytes(bytes('line one\nline two \u2014 ok\nCaf', [0xe9], ' au lait'), 'a.txt')
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.text.split('\n')[2]).toBe('Café au lait')
    expect(decoded.warnings).toEqual([
      { line: 3, message: expect.stringMatching(/not valid UTF-8 .*line 3.*Windows-1252/) }
    ])
  })

  it('refuses empty and whitespace-only files', () => {
    expect(decodeError(new Uint8Array()).code).toBe('EMPTY')
    const blank = decodeError(utf8(' \n\t\r\n\u00a0 '))
    expect(blank.code).toBe('EMPTY')
    expect(blank.message).toBe('digest.txt: the file holds only white space')
    expect(decodeError(bytes([0xef, 0xbb, 0xbf], '\n')).code).toBe('EMPTY')
  })

  it('refuses binary data with a reason', () => {
    expect(decodeError(bytes('%PDF-1.7\n', [0xe2, 0xe3])).message).toMatch(/binary data.*a PDF document/)
    expect(decodeError(bytes('PK', [3, 4, 20, 0])).code).toBe('BINARY')
    expect(decodeError(bytes('Title', [0], 'more text')).message).toMatch(/NUL bytes/)
    const noise = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 32 || 1)
    expect(decodeError(noise).message).toMatch(/control bytes/)
  })

  it('refuses a UTF-16 file cut in the middle of a character', () => {
    const cut = utf16('abc', 'le').subarray(0, 7)
    expect(decodeError(cut).code).toBe('ENCODING')
  })
})

describe('normalization', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(decodeBytes(utf8('a\r\nb\rc\n'), 'a.txt').text).toBe('a\nb\nc\n')
  })

  it('turns NBSP indentation into spaces but keeps NBSP inside text', () => {
    expect(normalizeText('Title:\n\u00a0\u00a0continued\n \u00a0\tmore\n10\u00a0GB')).toBe(
      'Title:\n  continued\n  \tmore\n10\u00a0GB'
    )
  })

  it('checks pasted text the same way', () => {
    expect(normalizeInputText('\ufeffa\r\nb', 'pasted')).toBe('a\nb')
    expect(() => normalizeInputText('  \n ', 'pasted')).toThrow(/pasted: the file holds only white space/)
    expect(() => normalizeInputText('a\u0000b', 'pasted')).toThrow(ImportError)
  })
})

describe('decoding files cut off or too large', () => {
  it('reads a UTF-8 file cut off inside its last character as UTF-8, with the tail replaced and a warning', () => {
    const whole = utf8('Jürgen Müller\nSchrödinger ∑')
    const cut = whole.subarray(0, whole.length - 1)
    const decoded = decodeBytes(cut, 'a.txt')
    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.text).toBe('Jürgen Müller\nSchrödinger \ufffd')
    expect(decoded.warnings).toEqual([{ line: 2, message: expect.stringMatching(/ends in the middle of a character/) }])
  })

  it('keeps the Windows-1252 fallback for a legacy file, even one ending in an accented letter', () => {
    expect(decodeBytes(bytes('Caf', [0xe9]), 'a.txt')).toMatchObject({ text: 'Café', encoding: 'windows-1252' })
    expect(decodeBytes(bytes('J', [0xfc], 'rgen M', [0xfc], 'ller ', [0xe2]), 'a.txt').text).toBe('Jürgen Müller â')
  })

  it('refuses a file larger than a string can hold, before decoding it, with the limit in the message', () => {
    // Only the length is looked at before the refusal; the real 600 MB file is in the fault suite.
    const huge = { length: MAX_DECODED_BYTES + 10 * 1024 * 1024 } as Uint8Array
    const error = decodeError(huge)
    expect(error.code).toBe('TOO_LARGE')
    expect(error.message).toBe(
      'digest.txt: the file is 510 MB; Dogear reads files up to 500 MB (split it into smaller files)'
    )
  })

  it('replaces each lone surrogate of pasted text with one U+FFFD', () => {
    expect(normalizeInputText('Ma\ud800th \udc00end', 'paste')).toBe('Ma\ufffdth \ufffdend')
  })
})
