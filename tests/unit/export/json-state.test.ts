import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile, importText } from '../../../src/main/ingest/pipeline'
import { openLibrary, type Library } from '../../../src/main/library'
import { formatImportReport } from '../../../src/main/cli/format'

const exportFile = resolve(__dirname, '../../fixtures/formats/dogear-json/library.dogear.json')
const opened: Library[] = []
afterEach(() => opened.splice(0).forEach((library) => library.close()))

function emptyLibrary(): Library {
  const library = openLibrary(':memory:')
  opened.push(library)
  return library
}

const byTitle = (library: Library, start: string) => library.exportAll().find((p) => p.title.startsWith(start))!

/** A RIS digest listing two of the export's papers: they are in the library before the export comes. */
const EARLIER = `TY  - JOUR
TI  - Calibrated Confidence in Tiny Language Models
DO  - 10.5555/jil.2023.0042
ER  - 

TY  - GEN
TI  - Sparse Lanterns: Linear-Time Attention for Long Documents
UR  - https://arxiv.org/abs/2403.01234
ER  - 
`

describe('importing a Dogear JSON export', () => {
  it('into an empty library restores read, starred, the note and tags of every paper', () => {
    const library = emptyLibrary()
    const report = importFile(library, exportFile)
    expect(report).toMatchObject({ ok: true, format: 'dogear-json', added: 3, stateApplied: 2, stateKept: 0 })
    expect(byTitle(library, 'Sparse Lanterns')).toMatchObject({
      read: true,
      readAt: '2026-03-13T08:15:00.000Z',
      starred: true,
      note: 'Compare with **RetNet**.\n\n- section 3 has the proof',
      tags: ['Attention', 'To read']
    })
    expect(byTitle(library, 'Calibrated')).toMatchObject({ read: true, starred: false, note: null })
    expect(byTitle(library, 'Quantum')).toMatchObject({ read: false, starred: false, note: null, tags: [] })
  })

  it('never overwrites the state a paper already has, restores it where there is none, and says so', () => {
    const library = emptyLibrary()
    expect(importText(library, EARLIER, 'earlier.ris')).toMatchObject({ ok: true, added: 2 })
    const lanterns = byTitle(library, 'Sparse Lanterns')
    library.saveNote(lanterns.id, 'My own note, written here')
    const report = importFile(library, exportFile)
    expect(report).toMatchObject({ ok: true, added: 1, stateApplied: 1, stateKept: 1 })
    // Its own note stays, and nothing of the file's state is mixed in.
    expect(byTitle(library, 'Sparse Lanterns')).toMatchObject({
      note: 'My own note, written here',
      read: false,
      starred: false,
      tags: []
    })
    // A paper that was in the library without any state takes the file's.
    expect(byTitle(library, 'Calibrated')).toMatchObject({ read: true, readAt: '2026-02-01T10:00:00.000Z' })
    if (!report.ok) throw new Error('import failed')
    expect(formatImportReport(report)).toContain('restored the reading state of 1 paper; kept the existing state of 1')
  })

  it('changes nothing the second time (the same file is already imported)', () => {
    const library = emptyLibrary()
    importFile(library, exportFile)
    library.markRead([byTitle(library, 'Sparse Lanterns').id], false)
    expect(importFile(library, exportFile)).toMatchObject({ ok: true, alreadyImported: true })
    expect(byTitle(library, 'Sparse Lanterns').read).toBe(false)
  })
})
