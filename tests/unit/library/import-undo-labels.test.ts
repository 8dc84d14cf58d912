// Undoing an import (deleting its digest, or a large import failing part-way) takes back the
// subjects and group tags it gave papers that were in the library before it, and nothing else.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../../src/main/library'
import { CHUNKED_FROM_PAPERS } from '../../../src/main/library/import-write'
import { digest, memoryLibrary, paper, tempFolder, track } from './helpers'

const MANY = CHUNKED_FROM_PAPERS + 300

function gravel(count: number) {
  return Array.from({ length: count }, (_, i) => paper(`Gravel Lattice Number ${i}`))
}

/** A kettle paper with a subject of its own and a tag the reader gave it. */
function withKettle(library: Library): number {
  library.importDigest(
    digest([paper('Humming Kettles', { arxivId: '2401.00001', subjects: ['physics.pop-ph'] })], { title: 'Monday' })
  )
  const id = library.search({ query: 'kettles' }).items[0]!.id
  library.tagPapers('Mine', [id])
  return id
}

const kettleAgain = paper('Humming Kettles', {
  arxivId: '2401.00001',
  subjects: ['cs.SD', 'physics.pop-ph'],
  groups: ['Kitchen', 'Mine']
})

function labels(library: Library, id: number) {
  const found = library.getPaper(id)!
  return { subjects: found.subjects, tags: found.tags }
}

describe('deleting a digest', () => {
  it('takes back the subjects and group tags its import gave an earlier paper, and a restore brings them back', () => {
    const library = memoryLibrary()
    const id = withKettle(library)
    const tuesday = library.importDigest({
      ...digest([kettleAgain, paper('Quiet Pianos', { subjects: ['cs.SD'] })], {
        title: 'Tuesday',
        date: '2024-03-13'
      }),
      groupsAsTags: true
    })
    expect(labels(library, id)).toEqual({ subjects: ['cs.SD', 'physics.pop-ph'], tags: ['Kitchen', 'Mine'] })

    library.deleteDigest(tuesday.digestId)
    expect(labels(library, id)).toEqual({ subjects: ['physics.pop-ph'], tags: ['Mine'] })
    expect(library.tags().map((tag) => tag.name)).toEqual(['Mine'])
    expect(library.search({ query: 'subject:cs.SD' }).total).toBe(0)

    library.restoreDigest(library.trash().digests[0]!.id)
    expect(labels(library, id)).toEqual({ subjects: ['cs.SD', 'physics.pop-ph'], tags: ['Kitchen', 'Mine'] })
    expect(library.search({ query: 'subject:cs.SD' }).total).toBe(2)
  })

  it('keeps a tag the reader gave by hand after the import had given it', () => {
    const library = memoryLibrary()
    const id = withKettle(library)
    const tuesday = library.importDigest({ ...digest([kettleAgain], { date: '2024-03-13' }), groupsAsTags: true })
    library.tagPapers('kitchen', [id])
    library.deleteDigest(tuesday.digestId)
    expect(labels(library, id)).toEqual({ subjects: ['physics.pop-ph'], tags: ['Kitchen', 'Mine'] })
  })

  it('of a large file written in chunks takes back what it gave earlier papers', () => {
    const library = memoryLibrary()
    const id = withKettle(library)
    const big = library.importDigest({
      ...digest([...gravel(MANY), kettleAgain], { date: '2024-03-13' }),
      groupsAsTags: true
    })
    expect(big).toMatchObject({ papers: MANY + 1, merged: 1 })
    expect(labels(library, id).tags).toEqual(['Kitchen', 'Mine'])
    library.deleteDigest(big.digestId)
    expect(labels(library, id)).toEqual({ subjects: ['physics.pop-ph'], tags: ['Mine'] })
    expect(library.stats().papers).toBe(1)
  })
})

describe('a large import that fails part-way', () => {
  it('takes back the subjects and tags it had given an earlier paper', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    const id = withKettle(library)
    const saboteur = new Database(path)
    saboteur.exec(`CREATE TRIGGER boom BEFORE INSERT ON papers WHEN NEW.title = 'Gravel Lattice Number ${MANY - 2}'
                   BEGIN SELECT RAISE(ABORT, 'the disk gave up'); END`)
    saboteur.close()
    const entries = [kettleAgain, ...gravel(MANY)]
    expect(() => library.importDigest({ ...digest(entries, { date: '2024-03-13' }), groupsAsTags: true })).toThrow(
      /the disk gave up/
    )
    expect(labels(library, id)).toEqual({ subjects: ['physics.pop-ph'], tags: ['Mine'] })
    expect(library.tags().map((tag) => tag.name)).toEqual(['Mine'])
    expect(library.listDigests().map((d) => d.title)).toEqual(['Monday'])
  })
})
