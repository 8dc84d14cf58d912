// The sources' keywords become subjects (searchable as subject:), and JabRef groups become
// tags only when the reader asks: by the import option or the "groups as tags" setting.
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFile, importText } from '../../../src/main/ingest/pipeline'
import { openLibrary } from '../../../src/main/library'
import type { Library } from '../../../src/main/library/contract'

const FIXTURES = resolve(__dirname, '../../fixtures/formats')
const bibtex = resolve(FIXTURES, 'bibtex/keywords-groups.bib')

let library: Library

beforeEach(() => {
  library = openLibrary(':memory:')
})

afterEach(() => library.close())

function titlesFor(query: string): string[] {
  return library.search({ query, sort: 'title' }).items.map((paper) => paper.title)
}

describe('subjects from the sources keywords', () => {
  it('stores BibTeX keywords, RIS KW and CSL keyword as subjects a search finds', () => {
    expect(importFile(library, bibtex)).toMatchObject({ ok: true, papers: 4 })
    const ris = 'TY  - JOUR\nTI  - Echoes in the Pantry\nKW  - room acoustics\nKW  - pantries\nER  - \n'
    expect(importText(library, ris, 'pantry.ris')).toMatchObject({ ok: true, papers: 1 })
    const csl = JSON.stringify([{ type: 'article', title: 'Quiet Shelves', keyword: 'pantries, shelving' }])
    expect(importText(library, csl, 'shelves.json', { format: 'csl-json' })).toMatchObject({ ok: true, papers: 1 })

    expect(titlesFor('subject:thermodynamics')).toEqual(['Boiling Points of Imaginary Kettles'])
    expect(titlesFor('subject:cs.SD')).toEqual(['The Whistle Detector'])
    expect(titlesFor('subject:pantries')).toEqual(['Echoes in the Pantry', 'Quiet Shelves'])
    const boiling = library.search({ query: 'title:boiling' }).items[0]!
    expect(library.getPaper(boiling.id)?.subjects).toEqual([
      'Kettles, Teapots and Urns',
      'kitchen science',
      'thermodynamics'
    ])
  })
})

describe('JabRef groups', () => {
  it('are not tags unless asked for', () => {
    importFile(library, bibtex)
    expect(library.tags()).toEqual([])
    expect(titlesFor('tag:kitchen')).toEqual([])
  })

  it('become tags with the import option', () => {
    importFile(library, bibtex, { groupsAsTags: true })
    expect(library.tags().map((tag) => [tag.name, tag.count])).toEqual([
      ['Kitchen', 1],
      ['To read', 1]
    ])
    expect(titlesFor('tag:"to read"')).toEqual(['Boiling Points of Imaginary Kettles'])
  })

  it('become tags with the setting, and the option given wins over it', () => {
    library.updateSettings({ groupsAsTags: true })
    importFile(library, bibtex, { groupsAsTags: false })
    expect(library.tags()).toEqual([])
    importText(library, '@misc{x, title = {Kettle Drums}, groups = {Percussion}}\n', 'drums.bib')
    expect(library.tags().map((tag) => tag.name)).toEqual(['Percussion'])
  })
})
