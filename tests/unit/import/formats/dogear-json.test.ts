import { describe, expect, it } from 'vitest'
import { dogearJsonParser } from '../../../../src/main/import/formats/dogear-json'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const fixture = fixtureReader('dogear-json')
const context = contextAt(new Date('2026-03-22T08:00:00Z'))

describe("Dogear's JSON export", () => {
  const result = dogearJsonParser.parse(fixture('library.dogear.json'), context('library.dogear.json'))

  it('reads every paper with a title and warns about the others', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      'Sparse Lanterns: Linear-Time Attention for Long Documents',
      'Calibrated Confidence in Tiny Language Models',
      'Quantum Gravity in Two Dimensions, Revisited'
    ])
    expect(result.warnings.map((w) => w.message)).toEqual([
      'paper 4 has no title; skipped',
      'paper 5 is not an object; skipped'
    ])
    expect(result.digest).toEqual({ title: 'Dogear export: All papers', dateFrom: '2026-03-21', dateTo: '2026-03-21' })
  })

  it('keeps the facts, links of known kinds with http(s) targets only, and subjects', () => {
    const [lanterns, , gravity] = result.entries
    expect(lanterns).toMatchObject({
      authors: ['Zofia Kowalczyk', 'René Dubois'],
      arxivId: '2403.01234',
      publishedAt: '2024-03-12',
      subjects: ['cs.CL']
    })
    expect(lanterns!.links.map((l) => l.kind)).toEqual(['abs', 'pdf', 'code'])
    expect(gravity!.links).toEqual([{ url: 'https://arxiv.org/abs/hep-th/9901001', kind: 'abs' }])
    expect(result.entries[1]).toMatchObject({ doi: '10.5555/jil.2023.0042', venue: 'Journal of Imaginary Linguistics' })
  })

  it('carries the reading state for the library to restore', () => {
    expect(result.entries[0]!.carriedState).toEqual({
      readAt: '2026-03-13T08:15:00.000Z',
      starredAt: '2026-03-13T08:16:00.000Z',
      note: 'Compare with **RetNet**.\n\n- section 3 has the proof',
      tags: ['To read', 'Attention']
    })
    expect(result.entries[2]!.carriedState).toEqual({ readAt: null, starredAt: null, note: null, tags: [] })
  })

  it('reads the export of earlier versions (papers as the reader pane shows them)', () => {
    const old = dogearJsonParser.parse(fixture('unversioned.json'), context('unversioned.json'))
    expect(old.entries[0]).toMatchObject({ title: 'Counting Sheep with Regular Automata', publishedAt: '2024-03-01' })
    expect(old.entries[0]!.carriedState).toEqual({
      readAt: '2026-01-03T07:00:00.000Z',
      // `starred: true` without its time: starred by the time of the export.
      starredAt: '2026-01-05T18:30:00.000Z',
      note: 'Older export, same state',
      tags: ['automata']
    })
  })

  it('is detected by its mark, not by other JSON', () => {
    expect(dogearJsonParser.detect(fixture('library.dogear.json'), 'x.json')).toBeGreaterThan(0.95)
    expect(dogearJsonParser.detect('[{"title": "A", "type": "article"}]', 'x.json')).toBe(0)
    expect(dogearJsonParser.detect('{"papers": []}', 'x.json')).toBe(0)
    // Detection reads a bounded head: a mark past it does not count.
    expect(dogearJsonParser.detect(`{"pad": "${'x'.repeat(70_000)}", "format": "dogear-export"}`, 'x.json')).toBe(0)
  })

  it('refuses a newer version with a message saying so, and what is not an export', () => {
    const newer = JSON.stringify({ format: 'dogear-export', version: 2, papers: [] })
    expect(() => dogearJsonParser.parse(newer, context('new.dogear.json'))).toThrow(
      'new.dogear.json:1: written by a newer Dogear (export version 2; this one reads up to 1). Update Dogear to import it.'
    )
    expect(() => dogearJsonParser.parse('{"format": "dogear-export"}', context('bad.json'))).toThrow(ImportError)
    expect(() => dogearJsonParser.parse('[1, 2]', context('list.json'))).toThrow(/not a Dogear export/)
  })
})
