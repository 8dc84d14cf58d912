import { describe, expect, it } from 'vitest'
import {
  decodeEncodedWords,
  headerValue,
  looksLikeMimeMessage,
  parseHeaderParams,
  parseMime,
  textParts
} from '../../../../src/main/import/text/mime'

const nested = [
  'From: Digest Robot <robot@example.org>',
  'To: reader@example.org',
  'Subject: =?UTF-8?Q?Caf=C3=A9_papers?= =?UTF-8?B?IOKAkyB3ZWVr?=',
  'Date: Tue, 12 Mar 2024 09:30:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  'This is the preamble, not a part.',
  '--outer',
  'Content-Type: multipart/alternative;',
  ' boundary=inner',
  '',
  '--inner',
  'Content-Type: text/plain; charset=iso-8859-2',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Pozna=F1 line one is long and soft =',
  'wrapped here.',
  'Line two =3D equal.',
  '--inner',
  'Content-Type: text/html; charset="utf-8"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('<p>Grüße aus dem Netz</p>').toString('base64'),
  '--inner--',
  '--outer',
  "Content-Type: text/x-bibtex; name*=utf-8''r%C3%A9f.bib",
  'Content-Disposition: attachment',
  '',
  '@misc{k, title={Plain}}',
  '--outer--',
  'epilogue'
].join('\n')

describe('parseMime', () => {
  const { root, warnings } = parseMime(nested)
  const parts = textParts(root)

  it('finds the text parts of nested multiparts, in order', () => {
    expect(parts.map((p) => p.contentType)).toEqual(['text/plain', 'text/html', 'text/x-bibtex'])
    expect(warnings).toEqual([])
  })

  it('decodes quoted-printable with soft line breaks in the part charset', () => {
    expect(parts[0]!.text).toBe('Poznań line one is long and soft wrapped here.\nLine two = equal.')
  })

  it('decodes base64 parts in their charset', () => {
    expect(parts[1]!.text).toBe('<p>Grüße aus dem Netz</p>')
  })

  it('maps decoded lines back to lines of the file', () => {
    const qp = parts[0]!
    expect(qp.lineOf(1)).toBe(17)
    expect(qp.lineOf(2)).toBe(19)
    expect(parts[2]!.lineOf(1)).toBe(30)
  })

  it('decodes RFC 2047 subjects, joining adjacent encoded words', () => {
    expect(headerValue(root, 'Subject')).toBe('Café papers – week')
    expect(headerValue(root, 'X-Missing')).toBeNull()
  })

  it('reads RFC 2231 file names', () => {
    expect(parts[2]!.fileName).toBe('réf.bib')
  })
})

describe('MIME edge cases', () => {
  it('warns with a line number when a part has no closing boundary', () => {
    const text = 'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhello\n'
    const { root, warnings } = parseMime(text)
    expect(textParts(root)[0]!.text).toBe('hello\n')
    expect(warnings).toEqual([{ line: 4, message: 'the part starting here has no closing boundary' }])
  })

  it('falls back to UTF-8 for an unknown charset, with a warning', () => {
    const text = 'Content-Type: text/plain; charset=x-invented\nContent-Transfer-Encoding: base64\n\naGVsbG8=\n'
    const { root, warnings } = parseMime(text)
    expect(root.text).toBe('hello')
    expect(warnings[0]!.message).toContain('unknown charset "x-invented"')
  })

  it('stops at a bounded depth instead of recursing through hostile nesting', () => {
    const depth = 5000
    let text = ''
    for (let i = 0; i < depth; i++) text += `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n`
    text += 'Content-Type: text/plain\n\ndeep\n'
    const { warnings } = parseMime(text)
    expect(warnings.some((w) => w.message.includes('nested more than'))).toBe(true)
  })

  it('keeps encoded words separated by text apart and leaves malformed ones alone', () => {
    expect(decodeEncodedWords('=?utf-8?q?a?= and =?utf-8?q?b?=')).toBe('a and b')
    expect(decodeEncodedWords('=?utf-8?x?broken?= plain')).toBe('=?utf-8?x?broken?= plain')
  })

  it('parses quoted parameters with separators inside', () => {
    expect(parseHeaderParams('text/plain; name="a;b.txt"; charset=UTF-8')).toEqual({
      value: 'text/plain',
      params: { name: 'a;b.txt', charset: 'UTF-8' }
    })
  })

  it('tells a mail message from other text', () => {
    expect(looksLikeMimeMessage(nested)).toBe(true)
    expect(looksLikeMimeMessage('# Title\n\nSubject: not mail\n')).toBe(false)
    expect(looksLikeMimeMessage('From a@b Tue Mar 12 2024\nFrom: a@b\nSubject: x\n\nbody')).toBe(true)
  })
})
