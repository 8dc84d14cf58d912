import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { LATEST_VERSION, LibraryError, openLibrary } from '../../../src/main/library'
import { migrate } from '../../../src/main/library/migrate'
import { MIGRATIONS } from '../../../src/main/library/migrations'
import { APPLICATION_ID } from '../../../src/main/library/connection'
import { digest, paper, tempFolder, track } from './helpers'

function userVersion(path: string): number {
  const db = new Database(path, { readonly: true })
  try {
    return db.pragma('user_version', { simple: true }) as number
  } finally {
    db.close()
  }
}

function libraryError(work: () => unknown): LibraryError {
  try {
    work()
  } catch (error) {
    if (error instanceof LibraryError) return error
    throw error
  }
  throw new Error('expected a LibraryError')
}

/** A library file as version 1 of the app left it: a digest, two papers, one read, one noted. */
function makeVersion1File(path: string): void {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.transaction(() => {
    MIGRATIONS[0]!.up(db)
    db.pragma('user_version = 1')
  })()
  db.exec(`
    INSERT INTO digests (id, title, format, file_name, content_hash, date_from, date_to, day, imported_at)
      VALUES (1, 'Old digest', 'hf-text', 'old.txt', '${'a'.repeat(64)}', '2024-01-02', '2024-01-02', '2024-01-02',
              '2024-01-02T08:00:00.000Z');
    INSERT INTO papers (id, title, title_key, authors, abstract, links, has_code, digest_date, first_digest_id,
                        first_position, created_at, updated_at)
      VALUES (1, 'Gravel Lattices for Sleepy Robots', 'gravel lattices for sleepy robots', '["Ima Inventor"]',
              'We stack gravel into lattices.', '[]', 0, '2024-01-02', 1, 1, 'x', 'x'),
             (2, 'Humming Kettles at Scale', 'humming kettles at scale', '[]', 'Kettles hum louder at scale.', '[]', 0,
              '2024-01-02', 1, 2, 'x', 'x');
    INSERT INTO digest_entries (digest_id, position, paper_id) VALUES (1, 1, 1), (1, 2, 2);
    INSERT INTO paper_state (paper_id, read_at, starred_at) VALUES (1, '2024-01-03T09:00:00.000Z', NULL), (2, NULL, NULL);
    INSERT INTO notes (paper_id, body, updated_at) VALUES (2, 'remember the marmalade', '2024-01-03T09:00:00.000Z');
  `)
  db.close()
}

describe('opening and migrating', () => {
  it('creates a new file at the latest version, in WAL mode with foreign keys on', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    expect(library.stats().papers).toBe(0)
    library.close()
    expect(userVersion(path)).toBe(LATEST_VERSION)
    const db = new Database(path, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    // A new file has nothing worth backing up.
    expect(readdirSync(join(path, '..')).filter((name) => name.includes('.backup-'))).toEqual([])
  })

  it('reopens an up-to-date library without another migration or backup', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const first = openLibrary(path)
    first.importDigest(digest([paper('Sticky Notes on Glass Walls')]))
    first.close()
    const again = track(openLibrary(path))
    expect(again.listPapers({ filter: { kind: 'all' } }).total).toBe(1)
    expect(readdirSync(join(path, '..')).filter((name) => name.includes('.backup-'))).toEqual([])
  })

  it('upgrades a version 1 file, keeps its data and leaves a backup of the old file', () => {
    const folder = tempFolder()
    const path = join(folder, 'library.sqlite')
    makeVersion1File(path)

    const library = track(openLibrary(path, { now: () => new Date(Date.UTC(2024, 4, 6, 7, 8, 9)) }))
    expect(library.getPaper(1)).toMatchObject({ title: 'Gravel Lattices for Sleepy Robots', read: true })
    expect(library.getPaper(2)).toMatchObject({ read: false, note: 'remember the marmalade' })
    // Progress counters and the search index are built from the old rows.
    expect(library.listDigests()).toMatchObject([{ id: 1, total: 2, read: 1, unread: 1 }])
    expect(library.search({ query: 'marmalade' }).items.map((hit) => hit.id)).toEqual([2])
    expect(library.search({ query: 'gravel' }).items.map((hit) => hit.id)).toEqual([1])
    // The words of the old rows serve long prefixes (search_terms, migration 20).
    expect(library.search({ query: 'marmal' }).items.map((hit) => hit.id)).toEqual([2])
    expect(library.search({ query: 'lattic' }).items.map((hit) => hit.id)).toEqual([1])
    library.close()

    const backups = readdirSync(folder).filter((name) => name.startsWith('library.sqlite.backup-v1-'))
    expect(backups).toEqual(['library.sqlite.backup-v1-20240506T070809Z'])
    const backupPath = join(folder, backups[0]!)
    expect(userVersion(backupPath)).toBe(1)
    const old = new Database(backupPath, { readonly: true })
    expect(old.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(2)
    old.close()
    expect(userVersion(path)).toBe(LATEST_VERSION)
  })

  it('refuses a library written by a newer version, naming the file and both versions', () => {
    const path = join(tempFolder(), 'future.sqlite')
    openLibrary(path).close()
    const db = new Database(path)
    db.pragma(`user_version = ${LATEST_VERSION + 5}`)
    db.close()

    const error = libraryError(() => openLibrary(path))
    expect(error.code).toBe('NEWER_DATABASE')
    expect(error.message).toContain(path)
    expect(error.message).toContain(`version ${LATEST_VERSION + 5}`)
    expect(error.message).toContain(`version ${LATEST_VERSION}`)
    expect(userVersion(path)).toBe(LATEST_VERSION + 5)
  })

  it('refuses a file that is not a SQLite database, naming it, and leaves it as it was', () => {
    const path = join(tempFolder(), 'notes.sqlite')
    const content = 'These are my plain text notes, not a database.\n'.repeat(200)
    writeFileSync(path, content)
    const error = libraryError(() => openLibrary(path))
    expect(error.code).toBe('CORRUPT')
    expect(error.message).toContain(path)
    expect(error.message).toMatch(/not a readable SQLite database/)
  })

  it("refuses another application's SQLite database instead of adding tables to it", () => {
    const path = join(tempFolder(), 'other.sqlite')
    const db = new Database(path)
    db.exec('CREATE TABLE recipes (name TEXT)')
    db.close()
    const error = libraryError(() => openLibrary(path))
    expect(error.code).toBe('CORRUPT')
    expect(error.message).toBe(`${path} is a SQLite database, but not a Dogear library. Nothing was changed in it.`)
  })

  it.each([
    [
      'another application, marked with its own application id',
      (db: Database.Database) => {
        db.pragma('application_id = 1234')
        db.exec('CREATE TABLE recipes (name TEXT)')
      }
    ],
    ['another application, unmarked', (db: Database.Database) => db.exec('CREATE TABLE recipes (name TEXT)')],
    [
      'a newer Dogear',
      (db: Database.Database) => {
        db.pragma(`application_id = ${APPLICATION_ID}`)
        db.pragma(`user_version = ${LATEST_VERSION + 1}`)
        db.exec('CREATE TABLE papers (id INTEGER PRIMARY KEY)')
      }
    ]
  ])('leaves a refused file of %s byte for byte as it was, with nothing beside it', (_what, make) => {
    const folder = tempFolder()
    const path = join(folder, 'theirs.sqlite')
    const db = new Database(path)
    make(db)
    db.close()
    const before = readFileSync(path)
    expect(() => openLibrary(path)).toThrow(LibraryError)
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(readdirSync(folder)).toEqual(['theirs.sqlite'])
  })

  it('backs up committed data still in the WAL, verified, before migrating', () => {
    const folder = tempFolder()
    const path = join(folder, 'library.sqlite')
    makeVersion1File(path)
    // A reader that started before the last write keeps that write from being checkpointed
    // into the main file: it is committed, but only in the WAL.
    const reader = new Database(path)
    const iterator = reader.prepare('SELECT id FROM papers').iterate()
    iterator.next()
    const writer = new Database(path)
    writer.exec(`INSERT INTO notes (paper_id, body, updated_at) VALUES (1, 'only in the WAL', 'x')`)
    writer.close()
    const library = track(openLibrary(path, { now: () => new Date(Date.UTC(2024, 4, 6, 7, 8, 9)) }))
    iterator.return?.()
    reader.close()
    library.close()
    const backup = new Database(join(folder, 'library.sqlite.backup-v1-20240506T070809Z'), { readonly: true })
    expect(backup.prepare('SELECT body FROM notes ORDER BY paper_id').pluck().all()).toEqual([
      'only in the WAL',
      'remember the marmalade'
    ])
    expect(backup.pragma('user_version', { simple: true })).toBe(1)
    expect(backup.pragma('quick_check', { simple: true })).toBe('ok')
    backup.close()
  })

  it('rolls a failing migration back whole, leaving the previous version in place', () => {
    const db = new Database(':memory:')
    const failing = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 1,
        description: 'breaks halfway',
        up: (target: Database.Database) => {
          target.exec('CREATE TABLE half_done (x)')
          target.exec('INSERT INTO no_such_table VALUES (1)')
        }
      }
    ]
    expect(() => migrate(db, ':memory:', new Date(), failing)).toThrow(/no_such_table/)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0)
    db.close()
  })
})

describe('opening a path that cannot hold a library', () => {
  it('says which path cannot be opened', () => {
    const path = join(tempFolder(), 'no-such-folder', 'library.sqlite')
    const error = libraryError(() => openLibrary(path))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toContain(`${path} cannot be opened`)
  })
})
