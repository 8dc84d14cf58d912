// The search index reads its text from papers and notes (migration 4): every change to a
// paper's text or note must leave search agreeing with what the library shows.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../../src/main/library'
import { migrate } from '../../../src/main/library/migrate'
import { MIGRATIONS } from '../../../src/main/library/migrations'
import { digest, memoryLibrary, paper, rawDatabase, tempFolder, titles, track } from './helpers'

function ids(library: Library, query: string): number[] {
  return library.search({ query }).items.map((hit) => hit.id)
}

function highlighted(parts: { text: string; match: boolean }[]): string[] {
  return parts.filter((part) => part.match).map((part) => part.text)
}

/** FTS5's own check of the index against the papers and notes it was built from. */
function indexAgreesWithContent(path: string): boolean {
  const db = rawDatabase(path)
  try {
    db.prepare("INSERT INTO paper_search(paper_search, rank) VALUES ('integrity-check', 1)").run()
    return true
  } catch {
    return false
  } finally {
    db.close()
  }
}

describe('search after changes', () => {
  it('finds a newer arXiv version by its new words only, highlighting them', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    library.importDigest(
      digest([
        paper('Gravel Lattices', {
          arxivId: '2401.00001',
          arxivVersion: 1,
          authors: ['Ima Inventor'],
          abstract: 'We stack gravel into wobbly towers.'
        }),
        paper('Humming Kettles', { abstract: 'Kettles hum at scale.' })
      ])
    )
    library.importDigest(
      digest(
        [
          paper('Pebble Lattices', {
            arxivId: '2401.00001',
            arxivVersion: 2,
            authors: ['Otto Oddly'],
            abstract: 'We stack pebbles into steady towers.'
          })
        ],
        { date: '2024-03-13' }
      )
    )

    for (const old of ['gravel', 'wobbly', 'inventor']) expect(ids(library, old)).toEqual([])
    expect(ids(library, 'pebble')).toEqual([1])
    expect(ids(library, 'oddly')).toEqual([1])
    // Words the two versions share still find the paper once.
    expect(library.search({ query: 'towers' }).total).toBe(1)

    const hit = library.search({ query: 'steady' }).items[0]!
    expect(hit.title).toBe('Pebble Lattices')
    expect(highlighted(hit.snippetParts)).toEqual(['steady'])
    expect(hit.snippetParts.map((part) => part.text).join('')).toBe('We stack pebbles into steady towers.')
    expect(highlighted(library.search({ query: 'pebb' }).items[0]!.titleParts)).toEqual(['Pebble'])
    // The untouched paper is still found.
    expect(ids(library, 'kettles')).toEqual([2])
    library.close()
    expect(indexAgreesWithContent(path)).toBe(true)
  })

  it('fills in a missing abstract and authors searchably', () => {
    const library = memoryLibrary()
    library.importDigest(digest([paper('Quiet Turbines', { doi: '10.1234/quiet' })]))
    expect(ids(library, 'propellers')).toEqual([])
    library.importDigest(
      digest(
        [paper('Quiet Turbines', { doi: '10.1234/QUIET', authors: ['Nell Nightjar'], abstract: 'Slow propellers.' })],
        { date: '2024-03-14' }
      )
    )
    expect(ids(library, 'propellers')).toEqual([1])
    expect(ids(library, 'nightjar')).toEqual([1])
    expect(highlighted(library.search({ query: 'nightjar' }).items[0]!.snippetParts)).toEqual(['Nightjar'])
  })

  it('follows a note as it is written, edited and removed', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    library.importDigest(digest([paper('Sleepy Robots', { abstract: 'Robots nap.' }), paper('Toast Geometry')]))

    library.saveNote(2, 'Compare with the marmalade paper.')
    expect(ids(library, 'marmalade')).toEqual([2])
    const hit = library.search({ query: 'marmalade' }).items[0]!
    expect(highlighted(hit.snippetParts)).toEqual(['marmalade'])
    expect(hit.note).toBe('Compare with the marmalade paper.')

    library.saveNote(2, 'Compare with the quince paper.')
    expect(ids(library, 'marmalade')).toEqual([])
    expect(ids(library, 'quince')).toEqual([2])
    expect(highlighted(library.search({ query: 'quin' }).items[0]!.snippetParts)).toEqual(['quince'])
    // The paper's own text is still indexed beside its note.
    expect(ids(library, 'toast')).toEqual([2])

    library.saveNote(2, '   ')
    expect(ids(library, 'quince')).toEqual([])
    expect(ids(library, 'compare')).toEqual([])
    expect(ids(library, 'geometry')).toEqual([2])
    library.close()
    expect(indexAgreesWithContent(path)).toBe(true)
  })

  it('indexes authors whose names contain quotes and backslashes as written', () => {
    const library = memoryLibrary()
    library.importDigest(digest([paper('Odd Names', { authors: ['Jo "Jojo" Quill', 'Back\\Slash', 'Ann Avery'] })]))
    expect(ids(library, 'jojo')).toEqual([1])
    const hit = library.search({ query: 'avery' }).items[0]!
    expect(hit.snippetParts.map((part) => part.text).join('')).toBe('Jo "Jojo" Quill, Back\\Slash, Ann Avery')
  })
})

describe('migrating the search index (version 4)', () => {
  it('rebuilds the index of a version 3 library from its papers and notes', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const db = rawDatabase(path)
    db.pragma('journal_mode = WAL')
    migrate(db, path, new Date(), MIGRATIONS.slice(0, 3))
    db.close()
    const old = openLibraryAtVersion3(path)
    old.close()

    const library = track(openLibrary(path))
    expect(ids(library, 'gravel')).toEqual([1])
    expect(ids(library, 'marmalade')).toEqual([2])
    expect(titles(library.search({ query: 'lattic' }).items)).toEqual(['Gravel Lattices'])
    library.saveNote(2, 'now about jam')
    expect(ids(library, 'marmalade')).toEqual([])
    expect(ids(library, 'jam')).toEqual([2])
    library.close()
    expect(indexAgreesWithContent(path)).toBe(true)
  })
})

/** Writes two papers and a note into a version 3 file the way version 3 did (its own FTS copy). */
function openLibraryAtVersion3(path: string): { close(): void } {
  const db = rawDatabase(path)
  db.exec(`
    INSERT INTO digests (id, title, format, content_hash, day, imported_at)
      VALUES (1, 'Old digest', 'hf-text', '${'a'.repeat(64)}', '2024-01-02', 'x');
    INSERT INTO papers (id, title, title_key, authors, abstract, links, has_code, digest_date, first_digest_id,
                        first_position, created_at, updated_at)
      VALUES (1, 'Gravel Lattices', 'gravel lattices', '["Ima Inventor"]', 'We stack gravel.', '[]', 0,
              '2024-01-02', 1, 1, 'x', 'x'),
             (2, 'Humming Kettles', 'humming kettles', '[]', 'Kettles hum.', '[]', 0, '2024-01-02', 1, 2, 'x', 'x');
    INSERT INTO digest_entries (digest_id, position, paper_id) VALUES (1, 1, 1), (1, 2, 2);
    INSERT INTO paper_state (paper_id) VALUES (1), (2);
    INSERT INTO notes (paper_id, body, updated_at) VALUES (2, 'remember the marmalade', 'x');
    INSERT INTO paper_search (rowid, title, authors, abstract, note)
      VALUES (1, 'Gravel Lattices', 'Ima Inventor', 'We stack gravel.', NULL),
             (2, 'Humming Kettles', NULL, 'Kettles hum.', 'remember the marmalade');
  `)
  expect(db.pragma('user_version', { simple: true })).toBe(3)
  return db
}
