import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { TestClock, digest, paper, tempFolder, track } from './helpers'

const kettles = (version: number) =>
  paper('Humming Kettles at Scale', { arxivId: '2403.01234', arxivVersion: version, abstract: `Version ${version}.` })

function rowsOf(path: string, sql: string, id: number): unknown[] {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare(sql).all(id)
  } finally {
    db.close()
  }
}

const HISTORY = 'SELECT version, day FROM paper_versions WHERE paper_id = ? ORDER BY version'
const MARKS = 'SELECT field, value, at FROM sync_marks WHERE paper_id = ? ORDER BY field'

describe('restoring from the trash gives back every row the paper had', () => {
  it('keeps version history, a dismissal and sync marks through trash and restore', () => {
    const clock = new TestClock()
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path, { now: clock.now }))
    library.importDigest(digest([kettles(1), paper('Quiet Pianos')], { date: '2024-03-12', title: 'Monday' }))
    const id = library.listPapers({ filter: { kind: 'all' } }).items.find((p) => p.arxivId === '2403.01234')!.id
    clock.advanceMinutes(5)
    library.markRead([id], true)
    library.setStarred([id], true)
    clock.advanceMinutes(5)
    library.importDigest(digest([kettles(2)], { date: '2024-03-20', title: 'Wednesday' }))
    library.discover.dismiss([id], true)
    const history = rowsOf(path, HISTORY, id)
    const marks = rowsOf(path, MARKS, id)
    expect(history).toEqual([
      { version: 1, day: '2024-03-12' },
      { version: 2, day: '2024-03-20' }
    ])
    expect(marks).toHaveLength(2)
    const sequenceBefore = library.discover.cursor().dismissalSequence

    library.trashPapers([id])
    expect(rowsOf(path, HISTORY, id)).toEqual([])
    expect(library.restorePapers([id])).toEqual({ papers: [{ from: id, to: id }], digests: [] })

    expect(rowsOf(path, HISTORY, id)).toEqual(history)
    expect(rowsOf(path, MARKS, id)).toEqual(marks)
    expect(library.getPaper(id)).toMatchObject({
      read: true,
      starred: true,
      revision: { readVersion: 1, latestVersion: 2 }
    })
    expect(library.getPaper(id)!.versions!.map((v) => v.digestId)).toEqual(
      library
        .listDigests()
        .map((d) => d.id)
        .sort((a, b) => a - b)
    )
    // The dismissal is back; under a new sequence number, so the recommender notices it.
    const summary = library.discover.cursor()
    expect(library.discover.labels().dismissed).toContain(id)
    expect(summary.dismissalSequence).toBeGreaterThan(sequenceBefore)
  })

  it('brings version history back with a deleted digest, pointing at the digest under its id now', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path, { now: new TestClock().now }))
    const monday = library.importDigest(digest([kettles(1)], { date: '2024-03-12', title: 'Monday' }))
    const id = library.listPapers({ filter: { kind: 'all' } }).items[0]!.id
    library.deleteDigest(monday.digestId)
    const restored = library.restoreDigest(library.trash().digests[0]!.id)
    expect(restored.papers).toEqual([{ from: id, to: id }])
    expect(library.getPaper(id)!.versions!.map((v) => [v.version, v.digestId, v.digestTitle])).toEqual([
      [1, restored.digests[0], 'Monday']
    ])
  })
})
