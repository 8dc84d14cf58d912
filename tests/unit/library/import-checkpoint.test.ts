// The library on disk is the library: an import copies the WAL it wrote into the file when it
// is done (a large one empties it), and closing leaves no WAL beside the file.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { CHUNKED_FROM_PAPERS } from '../../../src/main/library/import-write'
import { digest, paper, tempFolder, track } from './helpers'

function walBytes(path: string): number {
  return existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0
}

let serial = 0

function papers(name: string, count: number) {
  return Array.from({ length: count }, (_, i) =>
    paper(`${name} Lattice ${i}`, {
      abstract: `Stacking ${name} pebbles, trial ${i}. `.repeat(8),
      arxivId: `2405.${String(++serial).padStart(5, '0')}`,
      arxivVersion: 2
    })
  )
}

describe('the WAL after an import', () => {
  it('is emptied after a large import, with every paper, version and search hit in the file', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    const count = CHUNKED_FROM_PAPERS + 300
    const outcome = library.importDigest(digest(papers('Gravel', count)))
    expect(outcome.added).toBe(count)
    expect(walBytes(path)).toBe(0)
    // Another connection reading the file alone (no WAL to read) sees the whole import.
    const file = new Database(path, { readonly: true })
    try {
      expect(file.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(count)
      expect(file.prepare('SELECT count(*) FROM paper_versions WHERE version = 2').pluck().get()).toBe(count)
    } finally {
      file.close()
    }
    expect(library.search({ query: 'pebbles' }).total).toBe(count)
  })

  it('is copied into the file after a small import, and the library still reads and writes', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    library.importDigest(digest(papers('Shingle', 40)))
    library.importDigest(digest(papers('Cobble', 40)))
    const [first] = library.listPapers({ filter: { kind: 'all' } }).items
    library.markRead([first!.id], true)
    expect(library.stats()).toMatchObject({ papers: 80, read: 1 })
    expect(library.search({ query: 'cobble' }).total).toBe(40)
  })

  it('leaves no WAL beside the file once the library is closed', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = openLibrary(path)
    library.importDigest(digest(papers('Sand', 50)))
    library.close()
    expect(walBytes(path)).toBe(0)
    const again = track(openLibrary(path))
    expect(again.stats().papers).toBe(50)
  })
})
