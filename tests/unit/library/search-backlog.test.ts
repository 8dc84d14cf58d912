// A large file's papers reach the search index after its import has reported (search-backlog.ts):
// the list shows them at once, search once they are indexed. Whatever the reader does in that
// moment, the index ends up exactly as if each paper had been indexed at once, and no count
// kept up to date misses a paper.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../../src/main/library'
import { CHUNKED_FROM_PAPERS } from '../../../src/main/library/import-write'
import { digest, paper, rawDatabase, tempFolder, track } from './helpers'

const MANY = CHUNKED_FROM_PAPERS + 300

/** A file of MANY papers, imported as the import worker does: reported before it is indexed. */
function largeFile(word: string) {
  return {
    ...digest(
      Array.from({ length: MANY }, (_, i) =>
        paper(`${word} Harbour Survey ${i}`, {
          abstract: `Tide tables of the ${word.toLowerCase()} harbour, year ${i}.`
        })
      )
    ),
    indexLater: true
  }
}

function libraryFile(): { path: string; library: Library } {
  const path = join(tempFolder(), 'library.sqlite')
  return { path, library: track(openLibrary(path)) }
}

/** FTS5 compares its index with the text of every paper: it throws when they differ. */
function indexMatchesPapers(path: string): void {
  const check = rawDatabase(path)
  try {
    check.exec("INSERT INTO paper_search(paper_search, rank) VALUES ('integrity-check', 1)")
  } finally {
    check.close()
  }
}

function idOf(library: Library, title: string): number {
  const hit = library.listPapers({ filter: { kind: 'all' }, limit: 500 }).items.find((p) => p.title === title)
  if (!hit) throw new Error(`no paper titled ${title}`)
  return hit.id
}

describe('a large import', () => {
  it('is searchable when it returns, unless asked to report first', () => {
    const { path, library } = libraryFile()
    expect(library.importDigest({ ...largeFile('Saltmarsh'), indexLater: false })).toMatchObject({ added: MANY })
    expect(library.waitingForIndex()).toBe(0)
    expect(library.search({ query: 'saltmarsh' }).total).toBe(MANY)
    indexMatchesPapers(path)
  })
})

describe('a large import reported before its papers are indexed', () => {
  it('lists its papers at once and finds them once indexWaiting has run', () => {
    const { path, library } = libraryFile()
    expect(library.importDigest(largeFile('Saltmarsh'))).toMatchObject({ added: MANY })
    expect(library.listPapers({ filter: { kind: 'all' } }).total).toBe(MANY)
    expect(library.waitingForIndex()).toBe(MANY)
    expect(library.indexWaiting()).toBe(MANY)
    expect(library.waitingForIndex()).toBe(0)
    expect(library.search({ query: 'saltmarsh tide' }).total).toBe(MANY)
    expect(library.search({ query: '"harbour survey 17"' }).items.map((hit) => hit.title)).toEqual([
      'Saltmarsh Harbour Survey 17'
    ])
    indexMatchesPapers(path)
  })

  it('is indexed by finishImports, with the index whole afterwards', () => {
    const { path, library } = libraryFile()
    library.importDigest(largeFile('Saltmarsh'))
    library.importDigest(largeFile('Shingle'))
    library.finishImports()
    indexMatchesPapers(path)
    expect(library.search({ query: 'shingle' }).total).toBe(MANY)
    expect(library.search({ query: 'harbour' }).total).toBe(2 * MANY)
  })

  it('keeps notes, trash, restores and merged text made while its papers wait', () => {
    const { path, library } = libraryFile()
    library.importDigest(largeFile('Saltmarsh'))
    const noted = idOf(library, 'Saltmarsh Harbour Survey 5')
    const trashed = idOf(library, 'Saltmarsh Harbour Survey 6')
    const restored = idOf(library, 'Saltmarsh Harbour Survey 7')
    library.saveNote(noted, 'compare with the lighthouse logbook')
    library.trashPapers([trashed, restored])
    library.restorePapers([restored])
    // A later file lists one of the waiting papers again, with the authors it lacked.
    const later = digest([paper('Saltmarsh Harbour Survey 8', { authors: ['Wren Cormorant'] })], { date: '2024-03-13' })
    expect(library.importDigest(later)).toMatchObject({ merged: 1 })
    library.finishImports()
    indexMatchesPapers(path)
    expect(library.search({ query: 'lighthouse logbook' }).items.map((hit) => hit.id)).toEqual([noted])
    expect(library.search({ query: 'cormorant' }).items.map((hit) => hit.title)).toEqual(['Saltmarsh Harbour Survey 8'])
    expect(library.search({ query: '"harbour survey 6"' }).total).toBe(0)
    expect(library.search({ query: '"harbour survey 7"' }).items.map((hit) => hit.title)).toEqual([
      'Saltmarsh Harbour Survey 7'
    ])
    expect(library.search({ query: 'saltmarsh' }).total).toBe(MANY - 1)
  })

  it('is indexed after the app closed before it could be', () => {
    const { path, library } = libraryFile()
    library.importDigest(largeFile('Saltmarsh'))
    library.close()
    const reopened = track(openLibrary(path))
    expect(reopened.waitingForIndex()).toBe(MANY)
    reopened.indexWaiting()
    expect(reopened.search({ query: 'saltmarsh' }).total).toBe(MANY)
    indexMatchesPapers(path)
  })

  it('is counted by saved searches, listed by them and exported by a query once indexed', () => {
    const { library } = libraryFile()
    const year7 = library.saveSearch('Year 7', '"year 7"')
    library.saveSearch('Tides', 'tide')
    const inYear7 = () => library.listPapers({ filter: { kind: 'savedSearch', savedSearchId: year7.id } }).total
    const counts = () => library.savedSearches().map((search) => [search.name, search.unread])
    expect(counts()).toEqual([
      ['Year 7', 0],
      ['Tides', 0]
    ])
    library.importDigest(largeFile('Saltmarsh'))
    // Counted while waiting or not, each paper is counted once it is indexed: none is skipped.
    expect(inYear7()).toBeLessThanOrEqual(1)
    expect(counts()[0]![1]).toBeLessThanOrEqual(1)
    library.indexWaiting()
    // Counts stop at a thousand ("1,000+"): all the file's papers match "tide".
    expect(counts()).toEqual([
      ['Year 7', 1],
      ['Tides', 1_000]
    ])
    expect(inYear7()).toBe(1)
    library.importDigest(largeFile('Shingle'))
    expect(counts()[0]![1]).toBeLessThanOrEqual(2)
    expect(inYear7()).toBeLessThanOrEqual(2)
    library.indexWaiting()
    expect(counts()[0]).toEqual(['Year 7', 2])
    expect(inYear7()).toBe(2)
    let exported = 0
    library.exportPapers({ filter: { kind: 'all' }, query: 'shingle' }, (batch) => (exported += batch.length))
    expect(exported).toBe(MANY)
  })

  it('is undone whole with the import that failed, leaving the index as it was', () => {
    const { path, library } = libraryFile()
    library.importDigest(digest([paper('Kelp Forest Census', { abstract: 'Counting kelp.' })]))
    const saboteur = rawDatabase(path)
    saboteur.exec(`CREATE TRIGGER boom BEFORE INSERT ON papers WHEN NEW.title = 'Saltmarsh Harbour Survey ${MANY - 2}'
                   BEGIN SELECT RAISE(ABORT, 'the disk gave up'); END`)
    saboteur.close()
    expect(() => library.importDigest(largeFile('Saltmarsh'))).toThrow(/the disk gave up/)
    library.finishImports()
    expect(library.waitingForIndex()).toBe(0)
    expect(library.search({ query: 'harbour' }).total).toBe(0)
    expect(library.search({ query: 'kelp' }).total).toBe(1)
    indexMatchesPapers(path)
  })
})
