import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  collapseDuplicates,
  firstAuthorKey,
  mergeRecords,
  sameWorkByTitle,
  toRecord,
  type PaperRecord
} from '../../../src/main/library/dedupe-merge'
import { digest, memoryLibrary, paper } from './helpers'

const linkArb = fc.record({
  url: fc.constantFrom('https://a.example/1', 'https://b.example/2', 'https://github.com/c/d'),
  kind: fc.constantFrom('other' as const, 'code' as const)
})

const recordArb: fc.Arbitrary<PaperRecord> = fc
  .record({
    title: fc.constantFrom('Gravel Lattices', 'gravel lattices', 'Humming Kettles'),
    authors: fc.array(fc.constantFrom('Ima Inventor', 'Otto Other'), { maxLength: 2 }),
    abstract: fc.option(fc.constantFrom('One.', 'Two.'), { nil: null }),
    snippet: fc.option(fc.constant('Snip.'), { nil: null }),
    arxivId: fc.option(fc.constant('2401.00001'), { nil: null }),
    arxivVersion: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    doi: fc.option(fc.constant('10.1000/x'), { nil: null }),
    links: fc.array(linkArb, { maxLength: 3 }),
    publishedAt: fc.option(fc.constant('2024-01-02'), { nil: null }),
    venue: fc.option(fc.constant('Venue'), { nil: null })
  })
  .map((fields) => toRecord(paper(fields.title, fields)))

describe('merging records', () => {
  it('never loses a field or a link the library had, and reports a change exactly when there is one', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (existing, incoming) => {
        const { record, changed } = mergeRecords(existing, incoming)
        for (const key of ['abstract', 'snippet', 'arxivId', 'doi', 'publishedAt', 'venue'] as const) {
          if (existing[key] !== null) expect(record[key]).not.toBeNull()
        }
        if (existing.authors.length > 0) expect(record.authors.length).toBeGreaterThan(0)
        const urls = record.links.map((link) => link.url)
        for (const link of existing.links) expect(urls).toContain(link.url)
        for (const link of incoming.links) expect(urls).toContain(link.url)
        expect(new Set(urls).size).toBe(urls.length)
        const { readHint: _r, starHint: _s, ...before } = existing
        const { readHint: _r2, starHint: _s2, ...after } = record
        expect(changed).toBe(JSON.stringify(before) !== JSON.stringify(after))
      })
    )
  })

  it('is idempotent: merging the same record again changes nothing', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (existing, incoming) => {
        const once = mergeRecords(existing, incoming).record
        expect(mergeRecords(once, incoming).changed).toBe(false)
      })
    )
  })
})

describe('collapsing duplicates in one file', () => {
  it('keeps the first position and the identifiers that separate papers', () => {
    const records = [
      paper('Gravel Lattices'),
      paper('Humming Kettles', { doi: '10.1000/k' }),
      paper('gravel lattices', { arxivId: '2401.00001', arxivVersion: 1 }),
      paper('Gravel Lattices', { arxivId: '2402.00002' }),
      paper('Other Title', { doi: '10.1000/K' })
    ].map(toRecord)
    const collapsed = collapseDuplicates(records)
    expect(collapsed.map((r) => [r.title, r.arxivId, r.doi])).toEqual([
      ['Gravel Lattices', '2401.00001', null],
      ['Humming Kettles', null, '10.1000/k'],
      ['Gravel Lattices', '2402.00002', null]
    ])
  })
})

describe('one paper by title, first author and year', () => {
  const preprint = paper('Gravel Lattices Under Load', {
    authors: ['Ima Inventor', 'Otto Other'],
    arxivId: '2401.00001',
    publishedAt: '2024-01-02'
  })

  it('merges a journal record of the preprint (same title, first author, a year later)', () => {
    const journal = paper('Gravel lattices under load', {
      authors: ['Inventor, Ima', 'Other, O.'],
      doi: '10.1000/gl',
      publishedAt: '2025-03-01'
    })
    const collapsed = collapseDuplicates([preprint, journal].map(toRecord))
    expect(collapsed).toHaveLength(1)
    expect([collapsed[0]!.arxivId, collapsed[0]!.doi]).toEqual(['2401.00001', '10.1000/gl'])
  })

  it('keeps apart papers with the same title by another first author or years apart', () => {
    const otherAuthor = paper('Gravel Lattices Under Load', { authors: ['Zed Zimmer'], publishedAt: '2024-05-01' })
    const yearsLater = paper('Gravel Lattices Under Load', { authors: ['Ima Inventor'], publishedAt: '2031-05-01' })
    expect(collapseDuplicates([preprint, otherAuthor, yearsLater].map(toRecord))).toHaveLength(3)
    expect(sameWorkByTitle(toRecord(preprint), toRecord(paper('Gravel Lattices Under Load')))).toBe(true)
    expect(firstAuthorKey(['José Müller'])).toBe(firstAuthorKey(['Muller, J.']))
  })

  it('applies the same rule against the library', () => {
    const library = memoryLibrary()
    library.importDigest(digest([preprint]))
    const outcome = library.importDigest(
      digest(
        [
          paper('Gravel lattices under load', { authors: ['I. Inventor'], doi: '10.1000/gl', publishedAt: '2025' }),
          paper('Gravel Lattices Under Load', { authors: ['Zed Zimmer'], publishedAt: '2024' })
        ],
        { date: '2025-03-02' }
      )
    )
    expect([outcome.merged, outcome.added]).toEqual([1, 1])
    expect(library.listPapers({ filter: { kind: 'all' } }).total).toBe(2)
  })
})
