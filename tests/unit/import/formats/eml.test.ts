import { describe, expect, it } from 'vitest'
import { createEmlParser, emlParser } from '../../../../src/main/import/formats/eml'
import { scholarAlertParser } from '../../../../src/main/import/formats/scholar-alert'
import { parsedPaper } from '../../../../src/main/import/paper'
import { ImportError, type DigestParser } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const read = fixtureReader('eml')
const context = contextAt(new Date(2024, 4, 1))

// A stand-in for "any other parser": it reads "Title N: ..." lines after a DOGTEST LIST marker.
const listParser: DigestParser = {
  format: 'json-lenient',
  label: 'test list',
  extensions: ['.dogtest'],
  detect: (text) => (text.startsWith('DOGTEST LIST') ? 0.9 : 0),
  parse(text) {
    const entries = text
      .split('\n')
      .map((line, index) => ({ line: index + 1, match: /^Title \w+: (.+)$/.exec(line) }))
      .filter((row) => row.match !== null)
      .map(({ line, match }) => parsedPaper({ title: match![1]!, line }))
    return {
      digest: { title: 'test list', dateFrom: null, dateTo: null },
      entries,
      warnings: [{ line: 2, message: 'stub warning' }]
    }
  }
}

describe('detecting e-mail', () => {
  it('is sure about a MIME message and wins over parsers that see the body through it', () => {
    const text = read('arxiv-listing.eml')
    expect(emlParser.detect(text, 'x.eml')).toBeGreaterThan(0.95)
    expect(emlParser.detect(text, 'x.eml')).toBeGreaterThan(
      scholarAlertParser.detect(read('scholar-alert.eml'), 'x.eml')
    )
    expect(emlParser.detect('# Heading\n\nSome text', 'notes.md')).toBe(0)
    expect(emlParser.detect('just text', 'mail.eml')).toBeLessThan(0.5)
  })
})

describe('an arXiv listing e-mail (quoted-printable)', () => {
  const result = emlParser.parse(read('arxiv-listing.eml'), context('arxiv-listing.eml'))

  it('hands the decoded plain text to the arXiv listing parser', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      'Gentle Gradients for Sleepy Pendulums',
      'A Second Invented Result on Spinning Tops'
    ])
    expect(result.entries[0]!.authors).toEqual(['María Quintero', 'Otto Lindgren'])
    expect(result.entries[0]!.abstract).toContain('Cafés were consulted.')
    expect(result.entries.map((e) => e.arxivId)).toEqual(['2403.20001', '2403.20002'])
  })

  it('takes the digest title from the Subject and the date from the Date header', () => {
    expect(result.digest).toEqual({
      title: 'dyn daily Subj-class mailing — 42 new',
      dateFrom: '2024-03-13',
      dateTo: '2024-03-13'
    })
  })

  it('gives entries the lines of the .eml file', () => {
    const lines = read('arxiv-listing.eml').split('\n')
    for (const entry of result.entries) expect(lines[entry.line - 1]).toMatch(/^\\\\|^arXiv:/)
  })

  it('lets the user override the date', () => {
    const dated = emlParser.parse(read('arxiv-listing.eml'), context('a.eml', '2024-03-01'))
    expect(dated.digest.dateFrom).toBe('2024-03-01')
  })
})

describe('a Google Scholar alert e-mail', () => {
  const result = emlParser.parse(read('scholar-alert.eml'), context('scholar-alert.eml'))

  it('reads the quoted-printable HTML part with the Scholar alert parser, not the plain part', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      'Modelling Tidal Ripples with Sparse Lattice Solvers',
      'Estuarine Mud Budgets Under Shifting Storm Regimes'
    ])
    expect(result.entries[0]!.links).toEqual([{ url: 'https://arxiv.org/pdf/2403.04512v2', kind: 'pdf' }])
    expect(result.entries[0]!.snippet).toMatch(/^We propose a lattice method/)
    expect(result.entries[0]!.abstract).toBeNull()
    expect(result.digest).toEqual({
      title: 'tidal sediment transport – new results',
      dateFrom: '2024-03-14',
      dateTo: '2024-03-14'
    })
  })

  it('points each entry at the file line where its soft-wrapped title line starts', () => {
    const lines = read('scholar-alert.eml').split('\n')
    expect(result.entries.map((e) => e.line)).toEqual([26, 47])
    for (const entry of result.entries) expect(lines[entry.line - 1]).toMatch(/^<h3 /)
  })

  it('is read the same when the Scholar parser is given the whole message', () => {
    const direct = scholarAlertParser.parse(read('scholar-alert.eml'), context('scholar-alert.eml'))
    expect(direct.entries).toEqual(result.entries)
    expect(direct.digest).toEqual(result.digest)
  })
})

describe('other digests inside mail', () => {
  it('finds an attached digest any given parser recognizes, skipping non-text parts', () => {
    const parser = createEmlParser([listParser])
    const result = parser.parse(read('attachment.eml'), context('attachment.eml'))
    expect(result.entries.map((e) => e.title)).toEqual(['A Paper About Things', 'Another Paper'])
    expect(result.digest.title).toBe('The reading list I promised')
    // A base64 part has no line structure: entries and warnings point at the part's first line.
    expect(result.entries.map((e) => e.line)).toEqual([22, 22])
    expect(result.warnings).toEqual([{ line: 22, message: 'stub warning' }])
  })

  it('reads a Markdown digest attached to a mail with the default parser list', () => {
    const markdown = fixtureReader('markdown')('lists.md')
    const mail = [
      'From: a@example.org',
      'Subject: Robots this week',
      'Date: Sat, 16 Mar 2024 08:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary=b',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'The list is attached.',
      '--b',
      'Content-Type: text/markdown; charset=utf-8; name=robots.md',
      'Content-Transfer-Encoding: base64',
      '',
      ...(Buffer.from(markdown)
        .toString('base64')
        .match(/.{1,76}/g) ?? []),
      '--b--'
    ].join('\n')
    const result = emlParser.parse(mail, context('robots.eml'))
    expect(result.entries.map((e) => e.title)).toContain('Stairs Without Fear')
    expect(result.digest).toEqual({ title: 'Robots this week', dateFrom: '2024-03-16', dateTo: '2024-03-16' })
  })

  it('refuses a mail with no digest, naming the file and its parts', () => {
    const parse = (): unknown => emlParser.parse(read('personal.eml'), context('personal.eml'))
    expect(parse).toThrowError(ImportError)
    expect(parse).toThrowError('personal.eml: the e-mail holds no digest Dogear reads (its text parts: text/plain)')
  })

  it('never throws anything but ImportError on odd input', () => {
    for (const odd of [
      '',
      'Subject: x\nFrom: y\n\n',
      'Content-Type: multipart/mixed; boundary=\n\n--\n',
      '\u0000\u0001'
    ]) {
      try {
        emlParser.parse(odd, context('odd.eml'))
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError)
      }
    }
  })
})
