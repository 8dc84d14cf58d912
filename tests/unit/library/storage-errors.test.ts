// Full disks, read-only files and long locks reach the reader as their own codes and messages.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { importText } from '../../../src/main/ingest/pipeline'
import { LibraryError, openLibrary, type Library } from '../../../src/main/library'
import { guardStorage, storageError } from '../../../src/main/library/storage-errors'
import { tempFolder, track } from './helpers'

function thrown(work: () => unknown): unknown {
  try {
    work()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('storage failures', () => {
  it('calls SQLite running out of room "the disk is full", with its own code', () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (x TEXT)')
    // The page limit makes SQLite fail exactly as a full disk does: SQLITE_FULL.
    db.pragma('max_page_count = 2')
    const error = thrown(() =>
      guardStorage('/lib.sqlite', () => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000)))
    )
    expect(error).toBeInstanceOf(LibraryError)
    expect(error).toMatchObject({
      code: 'DISK_FULL',
      message: 'the disk holding /lib.sqlite is full: nothing was saved'
    })
    db.close()
  })

  it('calls a write to a read-only library "read-only", with its own code', () => {
    const path = join(tempFolder(), 'library.sqlite')
    openLibrary(path).close()
    const db = new Database(path, { readonly: true })
    const error = thrown(() => guardStorage(path, () => db.exec("INSERT INTO settings VALUES ('k', '1')")))
    expect(error).toMatchObject({ code: 'READ_ONLY', message: `${path} is read-only: nothing was saved` })
    db.close()
  })

  it('calls a lock held past the wait "busy", and leaves other errors alone', () => {
    expect(storageError('/l', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toMatchObject({
      code: 'BUSY'
    })
    expect(storageError('/l', Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBeNull()
    expect(storageError('/l', new TypeError('y'))).toBeNull()
  })

  it('reports an import that met a full disk as DISK_FULL: "nothing was imported"', () => {
    const library = track(openLibrary(':memory:'))
    const full: Library = {
      ...library,
      importDigest: () => {
        throw new LibraryError('DISK_FULL', 'the disk holding /lib.sqlite is full: nothing was saved')
      }
    }
    const report = importText(full, 'Gravel Lattices\n\nWe stack gravel into lattices.\n', 'paste.txt', {
      format: 'hf-text'
    })
    expect(report).toEqual({
      ok: false,
      file: 'paste.txt',
      error: {
        code: 'DISK_FULL',
        message:
          'paste.txt: the disk is full: nothing was imported (the disk holding /lib.sqlite is full: nothing was saved)'
      }
    })
  })
})
