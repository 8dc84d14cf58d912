// Large files go from the parser to the library batch by batch (the parser never returns the
// whole file's papers at once) and stay whole or nothing: a file that fails late, after many
// chunks were written, leaves the library as it was.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../src/main/ingest/pipeline'
import { openLibrary } from '../../../src/main/library'
import type { Library } from '../../../src/main/library/contract'
import { CHUNKED_FROM_PAPERS } from '../../../src/main/library/import-write'

const MANY = CHUNKED_FROM_PAPERS * 2 + 100

let scratch: string
let library: Library

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'dogear-streamed-'))
  library = openLibrary(join(scratch, 'library.sqlite'))
})

afterEach(() => {
  library.close()
  rmSync(scratch, { recursive: true, force: true })
})

function file(name: string, text: string): string {
  const path = join(scratch, name)
  writeFileSync(path, text)
  return path
}

function bibEntries(count: number, from = 0): string {
  return Array.from(
    { length: count },
    (_, i) => `@misc{k${from + i}, title = {Gravel Lattice ${from + i}}, keywords = {gravel}}\n`
  ).join('')
}

/** A kettle paper already in the library, read, with a note. */
function kettle(): number {
  importFile(library, file('kettle.bib', '@misc{kettle, title = {Humming Kettles}, year = 2024}\n'), {
    date: '2024-03-20'
  })
  const id = library.search({ query: 'kettles' }).items[0]!.id
  library.markRead([id], true)
  library.saveNote(id, 'mine')
  return id
}

describe('a large file read in batches', () => {
  it('imports every paper, subjects and search included', () => {
    const report = importFile(library, file('big.bib', bibEntries(MANY)))
    expect(report).toMatchObject({ ok: true, format: 'bibtex', papers: MANY, added: MANY })
    expect(library.stats().papers).toBe(MANY)
    expect(library.search({ query: 'subject:gravel' }).total).toBe(MANY)
    expect(library.search({ query: `"Gravel Lattice ${MANY - 1}"` }).total).toBe(1)
  })

  it('that turns out broken after thousands of papers were written leaves the library as it was', () => {
    const id = kettle()
    const before = library.exportAll()
    // A macro bomb near the end: the parser stops with TOO_LARGE after chunks were committed.
    const bomb = ['@string{a0 = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}']
    for (let i = 1; i <= 26; i++) bomb.push(`@string{a${i} = a${i - 1} # a${i - 1}}`)
    const text = `${bibEntries(MANY)}@misc{kettle2, title = {Humming Kettles}, keywords = {steam}}\n${bomb.join('\n')}\n@misc{boom, title = a26}\n`
    const report = importFile(library, file('broken.bib', text))
    expect(report).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } })
    expect(library.exportAll()).toEqual(before)
    expect(library.listDigests().map((digest) => digest.fileName)).toEqual(['kettle.bib'])
    expect(library.getPaper(id)).toMatchObject({ read: true, note: 'mine', subjects: [] })
  })

  it('dated only at its end (a Markdown digest) takes that date for the digest and its papers', () => {
    const id = kettle()
    const headings = Array.from(
      { length: MANY },
      (_, i) => `## Gravel Lattice ${i}\n\n[arXiv](https://arxiv.org/abs/2403.${String(i).padStart(5, '0')})\n`
    )
    const text = `# Lattices\n\n${headings.join('\n')}\n## Humming Kettles\n\n**Authors:** Ada Quill\n\nUpdated on 2024.03.12\n`
    const report = importFile(library, file('lattices.md', text))
    expect(report).toMatchObject({ ok: true, format: 'markdown', papers: MANY + 1, added: MANY, merged: 1 })
    const digest = library.listDigests().find((d) => d.fileName === 'lattices.md')!
    expect(digest).toMatchObject({ title: 'Lattices', dateFrom: '2024-03-12', dateTo: '2024-03-12' })
    expect(library.search({ query: 'title:"gravel lattice 7"' }).items[0]!.digestDate).toBe('2024-03-12')
    // The kettle was first listed on the 20th: this earlier digest is its first now.
    expect(library.getPaper(id)).toMatchObject({ digestDate: '2024-03-12', read: true, note: 'mine' })
  })
})
