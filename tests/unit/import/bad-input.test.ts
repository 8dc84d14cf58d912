// Every bad file gets a clear outcome through the same path as `dogear import`: an error naming
// the file and the problem, or a result that passed the safety checks; never a hang or a crash,
// and on error the library is exactly as it was.
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../src/main/ingest/pipeline'
import { openLibrary } from '../../../src/main/library'
import type { Library } from '../../../src/main/library/contract'
import type { ImportFileReport } from '../../../src/shared/model'
import { BAD_FILES } from '../../fixtures/bad/outcomes'

const badFolder = resolve(__dirname, '../../fixtures/bad')
const sample = resolve(__dirname, '../../../resources/sample-digest.txt')

let library: Library
let scratch: string

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'dogear-bad-'))
  library = openLibrary(':memory:')
  const seeded = importFile(library, sample)
  expect(seeded.ok).toBe(true)
  library.markRead([1], true)
  library.saveNote(2, 'a note that must survive')
})

afterAll(() => {
  library.close()
  rmSync(scratch, { recursive: true, force: true })
})

function snapshot(): string {
  return JSON.stringify({ digests: library.listDigests(), papers: library.exportAll() })
}

/**
 * The import; the library must be unchanged whenever it fails. No clock (speed is the
 * benchmark's): a file that made a parser hang or go quadratic runs into the test's timeout.
 */
function importChecked(path: string, options: Parameters<typeof importFile>[2] = {}): { report: ImportFileReport } {
  const before = snapshot()
  const report = importFile(library, path, options)
  if (!report.ok) expect(snapshot(), `${path} failed but changed the library`).toBe(before)
  return { report }
}

function digestTitles(digestId: number): string[] {
  return library
    .listPapers({ filter: { kind: 'digest', digestId } })
    .items.map((p) => p.title)
    .sort()
}

/** What an imported paper may never carry, whatever the file held. */
function expectSafe(path: string): void {
  for (const paper of library.exportAll()) {
    for (const text of [paper.title, paper.abstract ?? '', paper.snippet ?? '', ...paper.authors]) {
      expect(text, path).not.toMatch(/<script|javascript:|onerror=|root:x:0:0/i)
      expect(text.length, path).toBeLessThan(100_000)
      expect(text, path).not.toContain('lollollollol')
    }
    for (const link of paper.links) expect(link.url, path).toMatch(/^https?:\/\//)
  }
}

describe('the bad-file table', () => {
  it('has an outcome for every file in the folder', () => {
    const files = readdirSync(badFolder).filter((name) => name !== 'outcomes.ts')
    expect(files.sort()).toEqual(Object.keys(BAD_FILES).sort())
  })

  for (const [name, outcome] of Object.entries(BAD_FILES)) {
    it(`${name}: ${outcome.kind === 'either' ? outcome.why : outcome.kind}`, () => {
      const path = join(badFolder, name)
      const { report } = importChecked(path)
      expect(report.file).toBe(path)
      if (outcome.kind === 'error') {
        expect(report).toMatchObject({ ok: false, error: { code: outcome.code } })
        if (!report.ok) expect(report.error.message).toMatch(outcome.message)
      } else if (outcome.kind === 'ok') {
        expect(report.ok, JSON.stringify(report)).toBe(true)
        if (!report.ok) return
        expect(report.papers).toBe(outcome.papers)
        if (outcome.warning) expect(report.warnings.map((w) => w.message).join('\n')).toMatch(outcome.warning)
        if (outcome.titles) expect(digestTitles(report.digestId)).toEqual([...outcome.titles].sort())
      } else if (!report.ok) {
        expect(outcome.codes).toContain(report.error.code)
        expect(report.error.message.startsWith(path)).toBe(true)
      } else if (outcome.titlesIfOk) {
        expect(digestTitles(report.digestId)).toEqual([...outcome.titlesIfOk].sort())
      }
      expectSafe(path)
    })
  }
})

describe('files that cannot be read at all', () => {
  it('names a missing file', () => {
    const path = join(scratch, 'missing.txt')
    expect(importChecked(path).report).toEqual({
      ok: false,
      file: path,
      error: { code: 'NOT_FOUND', message: `${path}: no such file` }
    })
  })

  it('refuses a folder', () => {
    const folder = join(scratch, 'a-folder')
    mkdirSync(folder, { recursive: true })
    expect(importChecked(folder).report).toMatchObject({
      ok: false,
      error: { code: 'UNREADABLE', message: `${folder}: this is a folder, not a file` }
    })
  })

  it('refuses a file over the size cap before reading it', () => {
    const path = join(scratch, 'big.txt')
    writeFileSync(path, 'x'.repeat(3 * 1024 * 1024))
    const { report } = importChecked(path, { sizeCapBytes: 1024 * 1024 })
    expect(report).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE', message: `${path}: the file is 3.0 MB, over the import limit of 1.0 MB` }
    })
  })

  it('reads a 20 MB single line without hanging, and says what is wrong with it', () => {
    const path = join(scratch, 'one-line.txt')
    writeFileSync(path, 'Daily Papers\n\n' + 'word '.repeat(4 * 1024 * 1024))
    const { report } = importChecked(path)
    expect(report).toMatchObject({ ok: false, error: { code: 'NO_PAPERS' } })
    expectSafe(path)
  })

  it('reads a 20 MB single line of anything else without hanging', () => {
    const path = join(scratch, 'one-line-mixed.txt')
    writeFileSync(path, '<a href="https://x.org/' + 'a.b,c;(d)'.repeat(2_300_000) + '">' + '{"k":['.repeat(10) + '\n')
    const { report } = importChecked(path)
    expect(typeof report.ok).toBe('boolean')
    expectSafe(path)
  })
})
