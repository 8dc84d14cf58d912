import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../src/main/library'
import { FIELDS, libraryOf, roundTrip } from './round-trip'

const formats = resolve(__dirname, '../../fixtures/formats')
const fixture = (name: string) => resolve(formats, name)

/** Files of every kind of digest the repository holds, for one varied library. */
const MIXED = [
  'arxiv-email/listing.txt',
  'hf-json/daily.json',
  'feed/papers.atom',
  'markdown/table.md',
  'bibtex/library.bib',
  'ris/references.ris',
  'csl-json/items.json'
].map(fixture)

const opened: Library[] = []
afterEach(() => opened.splice(0).forEach((library) => library.close()))

function library(files: string[]): Library {
  const made = libraryOf(files)
  opened.push(made)
  // Some reading state, so the formats that carry it are seen to.
  const ids = made.exportAll().map((paper) => paper.id)
  made.markRead(ids.slice(0, 2), true)
  made.setStarred(ids.slice(1, 2), true)
  made.saveNote(ids[0]!, 'My note\n\nwith **two** paragraphs')
  made.tagPapers('To read', [ids[0]!, ...ids.slice(2, 3)])
  return made
}

function lostCore(lost: Record<string, number>): Record<string, number> {
  return Object.fromEntries(FIELDS.filter((field) => field !== 'links').map((field) => [field, lost[field] ?? 0]))
}

const none = { title: 0, authors: 0, arxivId: 0, doi: 0, abstract: 0 }

describe('export, then import into an empty library', () => {
  it.each(['bibtex', 'ris', 'csl-json', 'json'] as const)('%s gives the same papers back', (format) => {
    const trip = roundTrip(library(MIXED), format)
    expect(trip.report.ok).toBe(true)
    expect(trip.after.map((p) => p.title).sort()).toEqual(trip.before.map((p) => p.title).sort())
    expect(lostCore(trip.lost)).toEqual(none)
  })

  it.each(['bibtex', 'ris', 'json'] as const)('%s keeps every link (code, project and other pages too)', (format) => {
    expect(roundTrip(library(MIXED), format).lost.links).toBe(0)
  })

  it("CSL-JSON keeps each paper's arXiv and DOI pages (it has one URL field for the rest)", () => {
    const trip = roundTrip(library(MIXED), 'csl-json')
    for (const paper of trip.before) {
      const back = trip.after.find((p) => p.title === paper.title && p.arxivId === paper.arxivId)!
      const urls = back.links.map((link) => link.url.toLowerCase())
      if (paper.arxivId) expect(urls).toContain(`https://arxiv.org/abs/${paper.arxivId}`)
      if (paper.doi) expect(urls).toContain(`https://doi.org/${paper.doi}`)
    }
    expect(trip.lost.links).toBeGreaterThan(0)
  })

  it("Dogear's JSON also brings back the reading state: read, starred, notes and tags", () => {
    const trip = roundTrip(library(MIXED), 'json')
    expect(trip.lost).toMatchObject({ read: 0, starred: 0, note: 0, tags: 0, venue: 0, subjects: 0 })
    const note = trip.after.find((p) => p.note !== null)!
    expect(note.note).toBe('My note\n\nwith **two** paragraphs')
    expect(note.tags).toEqual(['To read'])
    expect(trip.report).toMatchObject({ ok: true, stateApplied: 3, stateKept: 0 })
  })

  it('BibTeX brings back read and starred (JabRef readstatus and ranking), and tags as groups when asked', () => {
    const trip = roundTrip(library(MIXED), 'bibtex')
    expect(trip.lost).toMatchObject({ read: 0, starred: 0, subjects: 0 })
    expect(trip.lost.tags).toBeGreaterThan(0)
    expect(roundTrip(library(MIXED), 'bibtex', { groupsAsTags: true }).lost.tags).toBe(0)
  })
})

describe('every import fixture of BibTeX, RIS and CSL-JSON, exported in its format and imported again', () => {
  const cases = [
    ...readdirSync(resolve(formats, 'bibtex')).map((name) => ['bibtex', `bibtex/${name}`] as const),
    ...readdirSync(resolve(formats, 'ris')).map((name) => ['ris', `ris/${name}`] as const),
    ...readdirSync(resolve(formats, 'csl-json')).map((name) => ['csl-json', `csl-json/${name}`] as const)
  ]

  it.each(cases)('%s: %s', (format, name) => {
    const trip = roundTrip(library([fixture(name)]), format)
    expect(trip.after).toHaveLength(trip.before.length)
    expect(lostCore(trip.lost)).toEqual(none)
    if (format !== 'csl-json') expect(trip.lost.links).toBe(0)
  })
})
