// The library on disk is the library: a large import empties the WAL it grew when it is done,
// small imports one after the other keep working from the WAL, and closing leaves no WAL.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { WAL_LIMIT_BYTES } from '../../../src/main/library/connection'
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

  it('keeps every small import and the marks, across the checkpoints small imports make', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    for (let i = 0; i < 30; i++) library.importDigest(digest(papers(`Shingle${i}`, 40), { date: '2024-03-12' }))
    const [first] = library.listPapers({ filter: { kind: 'all' } }).items
    library.markRead([first!.id], true)
    expect(library.stats()).toMatchObject({ papers: 1200, read: 1 })
    expect(library.search({ query: 'shingle29' }).total).toBe(40)
    library.close()
    const again = track(openLibrary(path))
    expect(again.stats()).toMatchObject({ papers: 1200, read: 1 })
  })

  it('does not stay as large as it grew while a reader held the checkpoints back', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    library.importDigest(digest(papers('Cobble', 10)))
    // A reader in the middle of a read keeps every checkpoint from starting the WAL over.
    const reader = new Database(path, { readonly: true })
    reader.prepare('BEGIN').run()
    reader.prepare('SELECT count(*) FROM papers').get()
    for (let i = 0; i < 40; i++) library.importDigest(digest(papers(`Boulder${i}`, 400)))
    const grown = walBytes(path)
    expect(grown).toBeGreaterThan(WAL_LIMIT_BYTES)
    reader.prepare('COMMIT').run()
    reader.close()
    // The next writes checkpoint and start the WAL over, cut back to the limit.
    for (let i = 0; i < 4; i++) library.importDigest(digest(papers(`Pebble${i}`, 400)))
    expect(walBytes(path)).toBeLessThanOrEqual(WAL_LIMIT_BYTES)
    expect(library.stats().papers).toBe(10 + 44 * 400)
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
