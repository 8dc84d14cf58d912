// Properties every registered parser keeps, whatever it is fed: a result of the right shape
// or a typed ImportError, never another exception. New parsers are covered as soon as they
// are listed in PARSERS. Importing the same text twice changes nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../../src/main/import/decode'
import { PARSERS } from '../../../src/main/import/formats'
import { importText } from '../../../src/main/ingest/pipeline'
import { ImportError, type DigestParser, type ParseContext, type ParseResult } from '../../../src/main/import/types'
import { openLibrary } from '../../../src/main/library'

const fixturesRoot = resolve(__dirname, '../../fixtures')
const context: ParseContext = { fileName: 'input.txt', fileModifiedAt: new Date(2025, 2, 12, 12), dateOverride: null }

/** Every small text fixture in the project (not the bad ones: those have their own table). */
function fixtureTexts(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = []
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry)
      if (statSync(path).isDirectory()) {
        if (entry !== 'bad') walk(path)
      } else if (statSync(path).size < 200_000 && !entry.endsWith('.ts')) {
        try {
          found.push({ name: relative(fixturesRoot, path), text: decodeBytes(readFileSync(path), entry).text })
        } catch {
          // Undecodable fixtures belong to the decoding tests.
        }
      }
    }
  }
  walk(fixturesRoot)
  found.push({
    name: 'sample-digest.txt',
    text: readFileSync(resolve(__dirname, '../../../resources/sample-digest.txt'), 'utf8')
  })
  return found
}

function expectWellFormed(parser: DigestParser, result: ParseResult): void {
  expect(Array.isArray(result.entries)).toBe(true)
  expect(Array.isArray(result.warnings)).toBe(true)
  expect(typeof result.digest.title).toBe('string')
  for (const entry of result.entries) {
    expect(typeof entry.title, parser.format).toBe('string')
    expect(entry.title.trim(), `${parser.format} returned an empty title`).not.toBe('')
    expect(Array.isArray(entry.authors)).toBe(true)
    for (const author of entry.authors) expect(typeof author).toBe('string')
    for (const link of entry.links) expect(link.url, parser.format).toMatch(/^https?:\/\//i)
    expect(Number.isInteger(entry.line) && entry.line >= 1, `${parser.format} line ${entry.line}`).toBe(true)
  }
}

/** Runs a parser; only a result or an ImportError is acceptable. */
function parseSafely(parser: DigestParser, text: string): void {
  const score = parser.detect(text, context.fileName)
  expect(score >= 0 && score <= 1, `${parser.format} detect() gave ${score}`).toBe(true)
  let result: ParseResult
  try {
    result = parser.parse(text, context)
  } catch (error) {
    if (error instanceof ImportError) return
    throw new Error(`${parser.format} threw ${String(error)} on ${JSON.stringify(text.slice(0, 200))}`, {
      cause: error
    })
  }
  expectWellFormed(parser, result)
}

type Mutation =
  | { op: 'cut'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'swapLines'; a: number; b: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '\n\n',
        '<',
        '>',
        '{',
        '}',
        '"',
        '\\',
        '\u0000',
        '\u00a0',
        '@article{',
        ']]>',
        '&amp;',
        '&#x0;',
        '·',
        '-\n'
      )
    )
  }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() })
)

function mutate(text: string, mutations: Mutation[]): string {
  let out = text
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : ('at' in m ? m.at : 0) % (out.length + 1)
    if (m.op === 'cut') out = out.slice(0, at)
    else if (m.op === 'delete') out = out.slice(0, at) + out.slice(at + m.length)
    else if (m.op === 'duplicate')
      out = out.slice(0, at + m.length) + out.slice(at, at + m.length) + out.slice(at + m.length)
    else if (m.op === 'insert') out = out.slice(0, at) + m.text + out.slice(at)
    else {
      const lines = out.split('\n')
      const a = m.a % lines.length
      const b = m.b % lines.length
      ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
      out = lines.join('\n')
    }
  }
  return out
}

describe('every registered parser', () => {
  const fixtures = fixtureTexts()

  it('has fixtures to mutate', () => {
    expect(fixtures.length).toBeGreaterThan(3)
  })

  for (const parser of PARSERS) {
    describe(parser.format, () => {
      it('returns a result or an ImportError for arbitrary text', () => {
        fc.assert(
          fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.string({ unit: 'binary', maxLength: 500 })), (text) =>
            parseSafely(parser, text)
          ),
          { numRuns: 150 }
        )
      })

      it('returns a result or an ImportError for every fixture, mutated', () => {
        fc.assert(
          fc.property(
            fc.constantFrom(...fixtures),
            fc.array(mutation, { minLength: 1, maxLength: 4 }),
            (fixture, ops) => parseSafely(parser, mutate(fixture.text, ops))
          ),
          { numRuns: 120 }
        )
      })

      it('reads every fixture, unmutated, without an unexpected exception', () => {
        for (const fixture of fixtures) parseSafely(parser, fixture.text)
      })
    })
  }
})

describe('decoding', () => {
  it('returns text or an ImportError for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        try {
          const decoded = decodeBytes(bytes, 'bytes.bin')
          expect(decoded.text).not.toContain('\r')
          expect(decoded.text.trim()).not.toBe('')
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError)
        }
      }),
      { numRuns: 300 }
    )
  })
})

describe('importing', () => {
  const title = fc
    .string({ minLength: 5, maxLength: 80 })
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /^[A-Z]/.test(s) && !s.endsWith('.'))
  const abstract = fc.string({ minLength: 40, maxLength: 400 }).map((s) => s.replace(/\s+/g, ' ').trim() + '.')
  const digest = fc
    .array(
      fc.record({
        title: fc.constantFrom('Alpha', 'Beta', 'Gamma').chain((w) => title.map((t) => `${w} ${t}`)),
        abstract
      }),
      {
        minLength: 1,
        maxLength: 8
      }
    )
    .map((papers) => ['Daily Papers', 'Mar 12', ...papers.flatMap((p) => [p.title, p.abstract])].join('\n\n'))

  it('twice changes nothing the second time, and says so', () => {
    fc.assert(
      fc.property(digest, (text) => {
        const library = openLibrary(':memory:')
        try {
          const first = importText(library, text, 'pasted.txt')
          if (!first.ok) return
          const before = JSON.stringify({ papers: library.exportAll(), digests: library.listDigests() })
          const second = importText(library, text, 'pasted.txt')
          expect(second).toMatchObject({ ok: true, alreadyImported: true, added: 0, digestId: first.digestId })
          expect(JSON.stringify({ papers: library.exportAll(), digests: library.listDigests() })).toBe(before)
        } finally {
          library.close()
        }
      }),
      { numRuns: 25 }
    )
  })
})
