// Large files are written in chunks so the reader's writes never wait long, and stay whole or
// nothing: a failure part-way, or a writer that died, takes the file back out completely.
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../../src/main/library'
import { CHUNKED_FROM_PAPERS } from '../../../src/main/library/import-write'
import { digest, paper, rawDatabase, tempFolder, track } from './helpers'

const MANY = CHUNKED_FROM_PAPERS + 500

function manyPapers(prefix: string, count = MANY) {
  return Array.from({ length: count }, (_, i) =>
    paper(`${prefix} Lattice Number ${i}`, { abstract: `Stacking ${prefix.toLowerCase()} pebbles, trial ${i}.` })
  )
}

/** What a reader can see of the library: every paper with its state, the digests and a search. */
function snapshot(library: Library) {
  return {
    papers: library.exportAll(),
    digests: library.listDigests(),
    search: library.search({ query: 'kettle' }).items.map((hit) => hit.id),
    pebbles: library.search({ query: 'pebbles' }).total
  }
}

/** How much one FTS5 'merge' step changes: under 2 when nothing is left to merge. */
function mergeStepChanges(db: Database.Database): number {
  const before = db.prepare('SELECT total_changes()').pluck().get() as number
  db.exec("INSERT INTO paper_search(paper_search, rank) VALUES ('merge', 200)")
  return (db.prepare('SELECT total_changes()').pluck().get() as number) - before
}

/** The index's automerge setting (FTS5's default, 4, when never set). */
function automerge(db: Database.Database): number {
  return (db.prepare("SELECT v FROM paper_search_config WHERE k = 'automerge'").pluck().get() as number) ?? 4
}

/** How many segments of a level make the next commit merge the level whole (FTS5's default, 16). */
function crisismerge(db: Database.Database): number {
  return (db.prepare("SELECT v FROM paper_search_config WHERE k = 'crisismerge'").pluck().get() as number) ?? 16
}

function libraryWithOnePaper(): { path: string; library: Library } {
  const path = join(tempFolder(), 'library.sqlite')
  const library = track(openLibrary(path))
  library.importDigest(digest([paper('Humming Kettles', { abstract: 'A kettle hums.' })], { date: '2024-03-12' }))
  const [kettle] = library.listPapers({ filter: { kind: 'all' } }).items
  library.markRead([kettle!.id], true)
  library.saveNote(kettle!.id, 'the kettle note')
  return { path, library }
}

describe('a large file', () => {
  it('imports whole, with every paper counted, indexed and in its digest', () => {
    const { library } = libraryWithOnePaper()
    const outcome = library.importDigest(digest([...manyPapers('Gravel'), paper('Humming Kettles')]))
    expect(outcome).toMatchObject({ papers: MANY + 1, added: MANY, unchanged: 1, alreadyImported: false })
    expect(library.listPapers({ filter: { kind: 'all' } }).total).toBe(MANY + 1)
    expect(library.search({ query: 'pebbles' }).total).toBe(MANY)
    expect(library.listDigests().find((d) => d.id === outcome.digestId)).toMatchObject({ total: MANY + 1, read: 1 })
  })

  it('leaves its index whole, merged once the import is reported, and merging again', () => {
    const { path, library } = libraryWithOnePaper()
    // Two large files of long abstracts: their papers' index, filled 1,000 a step after each
    // import's chunks, leaves merging to do (automerge works on it as each step commits; how
    // much is left depends on the sizes only, since the steps do not follow the chunks).
    const long = (name: string) =>
      Array.from({ length: MANY }, (_, i) =>
        paper(`${name} Lattice ${i}`, { abstract: `Stacking ${name} pebbles, trial ${i}. `.repeat(20) })
      )
    for (const name of ['Gravel', 'Shingle']) library.importDigest(digest(long(name)))
    const check = rawDatabase(path)
    expect(() => check.exec("INSERT INTO paper_search(paper_search, rank) VALUES ('integrity-check', 1)")).not.toThrow()
    expect(library.search({ query: 'shingle pebbles' }).total).toBe(MANY)
    // The merging waits for what follows the reported imports. Until then no commit (a note
    // saved meanwhile) merges a whole level of segments at once.
    expect(mergeStepChanges(check)).toBeGreaterThanOrEqual(2)
    expect(automerge(check)).toBe(4)
    expect(crisismerge(check)).toBeGreaterThan(100)
    library.finishImports()
    expect(mergeStepChanges(check)).toBeLessThan(2)
    // The pause is over: the index merges in later commits as it always did.
    expect(crisismerge(check)).toBe(16)
    check.close()
    library.importDigest(digest([paper('Pebble Kettle')], { date: '2024-03-14' }))
    expect(library.search({ query: 'shingle pebbles' }).total).toBe(MANY)
    expect(library.search({ query: 'kettle' }).total).toBe(2)
  })

  it(
    'stays a success when the merging after it fails, and merges at the next finishImports',
    { timeout: 20_000 },
    () => {
      const { path, library } = libraryWithOnePaper()
      library.importDigest(digest(manyPapers('Gravel')))
      // Another writer holds the library past the busy timeout (5 s) the whole time.
      const saboteur = rawDatabase(path)
      saboteur.exec('BEGIN IMMEDIATE')
      expect(() => library.finishImports()).not.toThrow()
      saboteur.exec('COMMIT')
      expect(mergeStepChanges(saboteur)).toBeGreaterThanOrEqual(2)
      library.finishImports()
      expect(mergeStepChanges(saboteur)).toBeLessThan(2)
      saboteur.close()
      expect(library.search({ query: 'pebbles' }).total).toBe(MANY)
    }
  )

  it('that fails part-way leaves the library exactly as it was, merged papers and search included', () => {
    const { path, library } = libraryWithOnePaper()
    const before = snapshot(library)
    // A trigger stands in for a failure late in the file (a full disk, a crash of the write).
    const saboteur = rawDatabase(path)
    saboteur.exec(`CREATE TRIGGER boom BEFORE INSERT ON papers WHEN NEW.title = 'Gravel Lattice Number ${MANY - 3}'
                   BEGIN SELECT RAISE(ABORT, 'the disk gave up'); END`)
    saboteur.close()
    // The kettle comes first and is enriched (an abstract it lacked is longer now) and moved to an earlier digest.
    const entries = [
      paper('Humming Kettles', { abstract: 'A kettle hums, and here is why at length.' }),
      ...manyPapers('Gravel')
    ]
    expect(() => library.importDigest(digest(entries, { date: '2024-01-01' }))).toThrow(/the disk gave up/)
    expect(snapshot(library)).toEqual(before)
    const check = rawDatabase(path)
    expect(check.prepare('SELECT count(*) FROM pending_imports').pluck().get()).toBe(0)
    expect(automerge(check)).toBe(4)
    // FTS5 compares its index with the rows it reads: it throws when the undo left them apart.
    expect(() => check.exec("INSERT INTO paper_search(paper_search, rank) VALUES ('integrity-check', 1)")).not.toThrow()
    check.close()
  })

  it('whose writer died part-way is taken out whole when the library is next opened', () => {
    const { path, library } = libraryWithOnePaper()
    const before = snapshot(library)
    library.close()
    // What a killed import leaves: a pending digest, a paper it added, an entry for an existing paper
    // it changed (its row saved first), all committed, and a writer that no longer runs.
    const db = rawDatabase(path)
    db.exec(`
      INSERT INTO digests (id, title, format, file_name, content_hash, day, imported_at)
        VALUES (77, 'Half a digest', 'hf-text', 'big.txt', '${'b'.repeat(64)}', '2024-01-01', 'x');
      INSERT INTO pending_imports (digest_id, owner, heartbeat_ms) VALUES (77, 'gone-host:1:0', 0);
      INSERT INTO pending_import_undo (digest_id, paper_id, row)
        SELECT 77, id, json_object('title', title, 'title_key', title_key, 'authors', authors, 'abstract', abstract,
          'snippet', snippet, 'arxiv_id', arxiv_id, 'arxiv_version', arxiv_version, 'doi', doi, 'links', links,
          'published_at', published_at, 'venue', venue, 'has_code', has_code, 'digest_date', digest_date,
          'first_digest_id', first_digest_id, 'first_position', first_position, 'updated_at', updated_at)
        FROM papers;
      UPDATE papers SET abstract = 'changed by the dead import', digest_date = '2024-01-01', first_digest_id = 77;
      INSERT INTO digest_entries (digest_id, position, paper_id) SELECT 77, 1, id FROM papers;
      INSERT INTO papers (id, title, title_key, digest_date, first_digest_id, first_position, created_at, updated_at)
        VALUES (500, 'Half Imported', 'half imported', '2024-01-01', 77, 2, 'x', 'x');
      INSERT INTO paper_state (paper_id) VALUES (500);
      INSERT INTO digest_entries (digest_id, position, paper_id) VALUES (77, 2, 500);
    `)
    // The index follows the rows as the import would have kept it, its merging paused.
    db.exec(`INSERT INTO paper_search(paper_search) VALUES ('rebuild');
             INSERT INTO paper_search(paper_search, rank) VALUES ('automerge', 0);`)
    db.close()
    const reopened = track(openLibrary(path))
    expect(snapshot(reopened)).toEqual(before)
    const check = rawDatabase(path)
    expect(automerge(check)).toBe(4)
    check.close()
    expect(reopened.search({ query: 'changed' }).total).toBe(0)
  })
})
