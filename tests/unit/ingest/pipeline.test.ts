import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PARSERS } from '../../../src/main/import/formats'
import { importFile, importText, listFormats } from '../../../src/main/ingest/pipeline'
import type { DigestParser } from '../../../src/main/import/types'
import { openLibrary } from '../../../src/main/library'
import type { Library } from '../../../src/main/library/contract'
import { HAS_SHARED_FIXTURES, SHARED_DIGEST } from '../../support/shared-fixture'

const shared = SHARED_DIGEST
const daily = resolve(__dirname, '../../fixtures/hf/daily-upvotes.txt')

let library: Library
let scratch: string

beforeEach(() => {
  library = openLibrary(':memory:')
  scratch = mkdtempSync(join(tmpdir(), 'dogear-pipeline-'))
})

afterEach(() => {
  library.close()
  rmSync(scratch, { recursive: true, force: true })
})

/** A copy whose modification time we choose: dates without a year are read against it. */
function copyWithTime(source: string, name: string, modified: Date): string {
  const path = join(scratch, name)
  copyFileSync(source, path)
  utimesSync(path, modified, modified)
  return path
}

describe.skipIf(!HAS_SHARED_FIXTURES)('importFile', () => {
  it('imports the shared digest: format, counts, digest date from the file time', () => {
    const path = copyWithTime(shared, 'hf-papers-transformers.txt', new Date(2025, 4, 1, 12))
    const report = importFile(library, path)
    expect(report).toMatchObject({
      ok: true,
      file: path,
      format: 'hf-text',
      papers: 66,
      added: 66,
      merged: 0,
      unchanged: 0,
      alreadyImported: false,
      warnings: []
    })
    const [digest] = library.listDigests()
    expect(digest).toMatchObject({
      total: 66,
      read: 0,
      dateFrom: '2025-03-12',
      fileName: 'hf-papers-transformers.txt',
      format: 'hf-text'
    })
    expect(library.listPapers({ filter: { kind: 'hasCode' } }).total).toBe(12)
  })

  it('says plainly that the same file was imported before, and changes nothing', () => {
    const first = importFile(library, shared)
    const before = JSON.stringify(library.exportAll())
    const again = importFile(library, copyWithTime(shared, 'renamed.txt', new Date()))
    expect(again).toMatchObject({ ok: true, alreadyImported: true, added: 0 })
    expect(again.ok && first.ok && again.digestId === first.digestId).toBe(true)
    expect(JSON.stringify(library.exportAll())).toBe(before)
    expect(library.listDigests()).toHaveLength(1)
  })

  it('lets --date set the digest date', () => {
    importFile(library, shared, { date: '2024-11-02' })
    expect(library.listDigests()[0]).toMatchObject({ dateFrom: '2024-11-02', dateTo: '2024-11-02' })
  })

  it('refuses a date that is not a calendar date, naming the file', () => {
    expect(importFile(library, shared, { date: '2024-02-30' })).toEqual({
      ok: false,
      file: shared,
      error: {
        code: 'INVALID_OPTION',
        message: `${shared}: the date "2024-02-30" is not a calendar date written YYYY-MM-DD`
      }
    })
    expect(library.listDigests()).toEqual([])
  })

  it('reads a file as the format it is told, whatever its name', () => {
    const path = copyWithTime(daily, 'digest.bib', new Date(2025, 2, 20, 12))
    const report = importFile(library, path, { format: 'hf-text' })
    expect(report).toMatchObject({ ok: true, format: 'hf-text', papers: 3 })
  })

  it('names the formats it reads when told an unknown one', () => {
    const report = importFile(library, shared, { format: 'docx' as never })
    expect(report).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FORMAT' } })
    if (!report.ok)
      expect(report.error.message).toMatch(/"docx" is not a format Dogear reads\. Dogear reads: .*hf-text/)
  })

  it('passes decoding and parsing warnings on, with line numbers', () => {
    const path = join(scratch, 'latin1.txt')
    writeFileSync(
      path,
      Buffer.from('Daily Papers\n\nMar 12\n\n3 authors\n\nCaf\xe9 Models\n\nAn abstract.\n', 'latin1')
    )
    const report = importFile(library, path)
    expect(report.ok && report.warnings).toEqual([
      { line: 7, message: expect.stringContaining('read as Windows-1252') },
      { line: 5, message: '"3 authors" before the first paper was ignored' }
    ])
    expect(library.listPapers({ filter: { kind: 'all' } }).items[0]!.title).toBe('Café Models')
  })

  it('turns a parser crash into a report naming the file and leaves the library alone', () => {
    const crashing: DigestParser = {
      format: 'json-lenient',
      label: 'a crashing parser',
      extensions: [],
      detect: () => 0,
      parse: () => {
        throw new TypeError('cannot read properties of undefined')
      }
    }
    PARSERS.unshift(crashing)
    try {
      const report = importFile(library, shared, { format: 'json-lenient' })
      expect(report).toEqual({
        ok: false,
        file: shared,
        error: {
          code: 'MALFORMED',
          message: `${shared}: could not be read as a crashing parser: cannot read properties of undefined`
        }
      })
    } finally {
      PARSERS.shift()
    }
    expect(library.listDigests()).toEqual([])
  })
})

describe('importText', () => {
  it('imports pasted text under the name given', () => {
    const text = 'Daily Papers\r\n\r\nA Pasted Paper Title\r\n\r\nIts abstract, pasted from the clipboard.\r\n'
    const report = importText(library, text, 'Clipboard', {}, new Date(2025, 2, 12, 12))
    expect(report).toMatchObject({ ok: true, file: 'Clipboard', format: 'hf-text', added: 1 })
    expect(library.listPapers({ filter: { kind: 'all' } }).items[0]!.abstract).toBe(
      'Its abstract, pasted from the clipboard.'
    )
    expect(importText(library, text, 'Clipboard again')).toMatchObject({ ok: true, alreadyImported: true })
  })

  it('refuses empty or oversized text, naming it', () => {
    expect(importText(library, ' \n ', 'Clipboard')).toMatchObject({
      ok: false,
      error: { code: 'EMPTY', message: 'Clipboard: the file holds only white space' }
    })
    expect(importText(library, 'x'.repeat(2048), 'Clipboard', { sizeCapBytes: 1024 })).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE' }
    })
  })
})

describe('listFormats', () => {
  it('lists every registered parser with label and extensions', () => {
    expect(listFormats().map((f) => f.name)).toEqual(PARSERS.map((p) => p.format))
    expect(listFormats().find((f) => f.name === 'hf-text')).toEqual({
      name: 'hf-text',
      label: 'Hugging Face papers page (copied as text)',
      extensions: ['.txt']
    })
  })
})
