// Abstracts are stored deflated: the library file takes less than half their bytes, and every
// way a reader sees an abstract (the paper, search, exports, the trash, undo, a re-import)
// gives back its exact text, whether it was stored before or after the change.
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { CHUNKED_FROM_PAPERS } from '../../../src/main/library/import-write'
import { abstractText, MAX_ABSTRACT_BYTES, storedAbstract } from '../../../src/main/library/abstract-text'
import { digest, paper, rawDatabase, tempFolder, track } from './helpers'

/** One word per seed, none a typo away from another. */
const MARKS = ['amber', 'birch', 'cedar', 'dune', 'ember', 'fjord', 'grove', 'heath', 'inlet', 'juniper', 'kelp']
const WORDS = ['lattice', 'pebble', 'gradient', 'kernel', 'sparse', 'attention', 'Zürich', 'naïve', '—', '𝛼-stable']

/** An abstract of varied words (deflate would make light work of one phrase repeated). */
function abstractOf(seed: number, words = 220): string {
  let x = seed
  const out: string[] = []
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    out.push(`${WORDS[x % WORDS.length]}${x % 97}`)
  }
  return `${out.join(' ')}. Quartzite ${seed} ends it, by the ${MARKS[seed % MARKS.length]}.`
}

function libraryFile() {
  const path = join(tempFolder(), 'library.sqlite')
  return { path, library: track(openLibrary(path)) }
}

function storedBytes(path: string, title: string): { type: string; bytes: number } {
  const db = rawDatabase(path, { readonly: true })
  try {
    return db
      .prepare('SELECT typeof(abstract) AS type, length(CAST(abstract AS BLOB)) AS bytes FROM papers WHERE title = ?')
      .get(title) as { type: string; bytes: number }
  } finally {
    db.close()
  }
}

describe('stored abstracts', () => {
  it('take under two thirds of their bytes in the file and read back exactly', () => {
    const { path, library } = libraryFile()
    const text = abstractOf(7)
    library.importDigest(digest([paper('Deflated Lattices', { abstract: text })]))
    const stored = storedBytes(path, 'Deflated Lattices')
    expect(stored.type).toBe('blob')
    expect(stored.bytes).toBeLessThan(Buffer.byteLength(text) * 0.66)
    const [listed] = library.listPapers({ filter: { kind: 'all' } }).items
    expect(library.getPaper(listed!.id)?.abstract).toBe(text)
    expect(library.exportAll()[0]?.abstract).toBe(text)
  })

  it('are left out of a list page that asks for none, and kept in every other', () => {
    const { library } = libraryFile()
    const text = abstractOf(12)
    library.importDigest(digest([paper('Listed Lattices', { abstract: text, snippet: 'A line of it.' })]))
    const [bare] = library.listPapers({ filter: { kind: 'all' }, abstracts: false }).items
    expect(bare).toMatchObject({ title: 'Listed Lattices', abstract: null, snippet: 'A line of it.' })
    const [whole] = library.listPapers({ filter: { kind: 'all' } }).items
    expect(whole?.abstract).toBe(text)
    expect(library.getPaper(bare!.id)?.abstract).toBe(text)
  })

  it('are found by their words, with the words marked in the snippet', () => {
    const { library } = libraryFile()
    library.importDigest(digest([paper('Deflated Lattices', { abstract: abstractOf(7) }), paper('Plain Kettles')]))
    const page = library.search({ query: 'quartzite' })
    expect(page.total).toBe(1)
    expect(page.items[0]?.title).toBe('Deflated Lattices')
    expect(JSON.stringify(page.items[0])).toContain('Quartzite')
    expect(library.search({ query: 'zurich' }).total).toBe(1)
  })

  it('are checked for a one-letter prefix, as are snippets standing in for an abstract', () => {
    const { library } = libraryFile()
    const long = (word: string) => `${'Plain words of a long abstract, nothing else. '.repeat(6)}${word} at its end.`
    library.importDigest(
      digest([
        paper('Windy Lattices', { abstract: long('Zephyrs') }),
        paper('Calm Lattices', { abstract: long('Breezes') }),
        paper('Metal Lattices', { snippet: 'Zinc plates, in a snippet only.' }),
        paper('Wooden Lattices', { snippet: 'Oak planks, in a snippet only.' })
      ])
    )
    const page = library.search({ query: 'z' })
    expect(page.items.map((item) => item.title).sort()).toEqual(['Metal Lattices', 'Windy Lattices'])
  })

  it('stay text when short: a line of abstract is not worth deflating', () => {
    const { path, library } = libraryFile()
    library.importDigest(digest([paper('Short Kettles', { abstract: 'A kettle hums.' })]))
    expect(storedBytes(path, 'Short Kettles').type).toBe('text')
    expect(library.search({ query: 'hums' }).total).toBe(1)
  })

  it('come back exactly from the trash, stored as before', () => {
    const { path, library } = libraryFile()
    const text = abstractOf(11)
    library.importDigest(digest([paper('Trashed Lattices', { abstract: text })]))
    const [listed] = library.listPapers({ filter: { kind: 'all' } }).items
    library.trashPapers([listed!.id])
    expect(library.search({ query: 'quartzite' }).total).toBe(0)
    library.restorePapers([listed!.id])
    const [back] = library.listPapers({ filter: { kind: 'all' } }).items
    expect(library.getPaper(back!.id)?.abstract).toBe(text)
    expect(library.search({ query: 'quartzite' }).total).toBe(1)
    expect(storedBytes(path, 'Trashed Lattices').type).toBe('blob')
  })

  it('are the same record when a digest lists the paper again, and a richer one replaces them', () => {
    const { library } = libraryFile()
    const text = abstractOf(3)
    library.importDigest(
      digest([paper('Relisted Lattices', { abstract: text, arxivId: '2401.00001', arxivVersion: 1 })])
    )
    const again = library.importDigest(
      digest([paper('Relisted Lattices', { abstract: text, arxivId: '2401.00001', arxivVersion: 1 })], {
        date: '2024-03-13'
      })
    )
    expect(again).toMatchObject({ added: 0, unchanged: 1, merged: 0 })
    const newer = abstractOf(4)
    library.importDigest(
      digest([paper('Relisted Lattices', { abstract: newer, arxivId: '2401.00001', arxivVersion: 2 })], {
        date: '2024-03-14'
      })
    )
    const [listed] = library.listPapers({ filter: { kind: 'all' } }).items
    expect(library.getPaper(listed!.id)?.abstract).toBe(newer)
  })

  it('of a large import, deflated on their own thread, read back exactly and are found', () => {
    const { path, library } = libraryFile()
    const count = CHUNKED_FROM_PAPERS + 500
    const papers = Array.from({ length: count }, (_, i) => paper(`Chunked Lattice ${i}`, { abstract: abstractOf(i) }))
    expect(library.importDigest(digest(papers)).added).toBe(count)
    const db = rawDatabase(path, { readonly: true })
    const kinds = db.prepare('SELECT typeof(abstract) AS type, count(*) AS n FROM papers GROUP BY 1').all()
    db.close()
    expect(kinds).toEqual([{ type: 'blob', n: count }])
    const exported = new Map(library.exportAll().map((p) => [p.title, p.abstract]))
    for (const i of [0, 1, 777, count - 1]) expect(exported.get(`Chunked Lattice ${i}`)).toBe(abstractOf(i))
    expect(library.search({ query: 'juniper' }).total).toBe(Math.ceil((count - 9) / MARKS.length))
  })

  it('of papers a large import changed come back exactly, stored as before, when it fails part-way', () => {
    const { path, library } = libraryFile()
    const text = abstractOf(8)
    library.importDigest(
      digest([paper('Enriched Lattices', { abstract: text, arxivId: '2401.00002', arxivVersion: 1 })])
    )
    const saboteur = rawDatabase(path)
    saboteur.exec(`CREATE TRIGGER boom BEFORE INSERT ON papers WHEN NEW.title = 'Filler ${CHUNKED_FROM_PAPERS}'
                   BEGIN SELECT RAISE(ABORT, 'the disk gave up'); END`)
    saboteur.close()
    const newer = paper('Enriched Lattices', { abstract: abstractOf(9), arxivId: '2401.00002', arxivVersion: 2 })
    const fillers = Array.from({ length: CHUNKED_FROM_PAPERS + 10 }, (_, i) => paper(`Filler ${i + 1}`))
    expect(() => library.importDigest(digest([newer, ...fillers], { date: '2024-03-13' }))).toThrow(/disk gave up/)
    const [listed] = library.listPapers({ filter: { kind: 'all' } }).items
    expect(library.stats().papers).toBe(1)
    expect(library.getPaper(listed!.id)?.abstract).toBe(text)
    expect(storedBytes(path, 'Enriched Lattices').type).toBe('blob')
    expect(library.search({ query: 'inlet' }).total).toBe(1)
    expect(library.search({ query: 'juniper' }).total).toBe(0)
  })

  it("of a write that failed are never indexed as another paper's, which may take its id", () => {
    const { path, library } = libraryFile()
    const saboteur = rawDatabase(path)
    saboteur.exec(`CREATE TRIGGER boom BEFORE INSERT ON papers WHEN NEW.title = 'Doomed Second'
                   BEGIN SELECT RAISE(ABORT, 'the disk gave up'); END`)
    const doomed = [paper('Doomed First', { abstract: abstractOf(10) }), paper('Doomed Second')]
    expect(() => library.importDigest(digest(doomed))).toThrow(/disk gave up/)
    saboteur.exec('DROP TRIGGER boom')
    saboteur.close()
    // No abstract of its own to remember: the failed write's would have been the only one.
    library.importDigest(digest([paper('Kept Lattice'), paper('Kept Gravel', { abstract: abstractOf(2) })]))
    expect(library.search({ query: 'kept' }).total).toBe(2)
    expect(library.search({ query: 'cedar' }).items.map((hit) => hit.title)).toEqual(['Kept Gravel'])
    expect(library.search({ query: 'kelp' }).total).toBe(0)
  })

  it('written before the change read and search as before, beside new ones', () => {
    const { path, library } = libraryFile()
    const old = abstractOf(21)
    library.importDigest(digest([paper('Old Lattices', { abstract: 'placeholder words only' })]))
    library.close()
    // A library from before the change: the abstract stored as text, and indexed as such.
    const db = rawDatabase(path)
    db.prepare('UPDATE papers SET abstract = ? WHERE title = ?').run(old, 'Old Lattices')
    db.exec("INSERT INTO paper_search(paper_search) VALUES ('rebuild')")
    db.close()
    const reopened = track(openLibrary(path))
    reopened.importDigest(digest([paper('New Lattices', { abstract: abstractOf(22) })], { date: '2024-03-13' }))
    expect(storedBytes(path, 'Old Lattices').type).toBe('text')
    expect(storedBytes(path, 'New Lattices').type).toBe('blob')
    expect(reopened.search({ query: 'quartzite' }).total).toBe(2)
    const texts = reopened.exportAll().map((p) => p.abstract)
    expect(texts).toContain(old)
    expect(texts).toContain(abstractOf(22))
  })

  it('that are damaged leave the paper readable and searchable by its title', () => {
    const { path, library } = libraryFile()
    library.importDigest(digest([paper('Damaged Lattices', { abstract: abstractOf(5) })]))
    library.close()
    const db = rawDatabase(path)
    db.prepare('UPDATE papers SET abstract = ? WHERE title = ?').run(
      Buffer.from([1, 0xff, 0xfe, 0x00]),
      'Damaged Lattices'
    )
    db.close()
    const reopened = track(openLibrary(path))
    const [listed] = reopened.listPapers({ filter: { kind: 'all' } }).items
    expect(listed?.title).toBe('Damaged Lattices')
    expect(reopened.getPaper(listed!.id)?.abstract).toBeNull()
    expect(reopened.search({ query: 'damaged' }).total).toBe(1)
  })
})

describe('abstractText', () => {
  it('reads what storedAbstract stores, text or deflated', () => {
    for (const text of [null, '', 'short', abstractOf(1), abstractOf(2, 3000)]) {
      expect(abstractText(storedAbstract(text))).toBe(text)
    }
  })

  it('stops inflating at its limit: a BLOB that would grow past it reads as no abstract', () => {
    const bomb = deflateRawSync(Buffer.alloc(MAX_ABSTRACT_BYTES + 1, 0x61))
    expect(bomb.length).toBeLessThan(2_000)
    expect(abstractText(Buffer.concat([Buffer.from([1]), bomb]))).toBeNull()
    const fits = deflateRawSync(Buffer.alloc(MAX_ABSTRACT_BYTES, 0x61))
    expect(abstractText(Buffer.concat([Buffer.from([1]), fits]))?.length).toBe(MAX_ABSTRACT_BYTES)
  })

  it('keeps an abstract too long to inflate within the limit as text', () => {
    const long = 'ß'.repeat(MAX_ABSTRACT_BYTES / 2)
    expect(storedAbstract(long)).toBe(long)
  })
})
