// Looking at a file before opening it as the library: is it there, is it SQLite, is it a Dogear
// library this version can own? Refusals happen here, before any connection could change a
// byte of someone else's file (switching it to WAL rewrites its header, a read-write open may
// roll back its journal).
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { APPLICATION_ID } from './connection'
import { LibraryError } from './contract'

const HEADER_BYTES = 100
const SQLITE_MAGIC = 'SQLite format 3\u0000'
/** Offsets in the database header (sqlite.org/fileformat.html). */
const USER_VERSION_OFFSET = 60
const APPLICATION_ID_OFFSET = 68

export type LibraryFileState = 'missing' | 'empty' | 'library'

function readHeader(path: string): Buffer {
  const header = Buffer.alloc(HEADER_BYTES)
  const fd = openSync(path, 'r')
  try {
    const read = readSync(fd, header, 0, HEADER_BYTES, 0)
    return header.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

const UNCHANGED = 'Nothing was changed in it.'

function notSqlite(path: string, why: string): LibraryError {
  return new LibraryError('CORRUPT', `${path} is not a Dogear library: ${why}. ${UNCHANGED}`)
}

function foreign(path: string): LibraryError {
  return new LibraryError('CORRUPT', `${path} is a SQLite database, but not a Dogear library. ${UNCHANGED}`)
}

/** A WAL file with frames means the header on disk may be older than the database it holds. */
function hasWalFrames(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0
  } catch {
    return false
  }
}

/** user_version and application id as SQLite reads them, on a read-only connection. */
function readIdentity(path: string, nativeBinding: string | undefined) {
  const db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      applicationId: db.pragma('application_id', { simple: true }) as number,
      hasTables: db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get() !== undefined
    }
  } finally {
    db.close()
  }
}

/**
 * Refuses (LibraryError, the file untouched) what this version must not open: not SQLite,
 * another application's database, a library of a newer Dogear. Says whether the file is
 * missing, an empty file (new), or an existing library.
 */
export function checkLibraryFile(path: string, latestVersion: number, nativeBinding?: string): LibraryFileState {
  if (path === ':memory:' || path === '') return 'empty'
  if (!existsSync(path)) return 'missing'
  if (statSync(path).isDirectory()) throw notSqlite(path, 'it is a folder')
  const header = readHeader(path)
  if (header.length === 0) return 'empty'
  if (header.length < HEADER_BYTES || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw notSqlite(path, 'it is not a readable SQLite database')
  }
  let version = header.readUInt32BE(USER_VERSION_OFFSET)
  let applicationId = header.readUInt32BE(APPLICATION_ID_OFFSET)
  let hasTables: boolean | null = null
  if (hasWalFrames(path) || (version === 0 && applicationId === 0)) {
    ;({ version, applicationId, hasTables } = readIdentity(path, nativeBinding))
  }
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    throw foreign(path)
  }
  if (version > latestVersion) {
    throw new LibraryError(
      'NEWER_DATABASE',
      `${path} was written by a newer Dogear (database version ${version}; this app knows up to version ${latestVersion}). ` +
        `Update Dogear to open it. ${UNCHANGED}`
    )
  }
  if (version === 0 && hasTables) throw foreign(path)
  return version === 0 ? 'empty' : 'library'
}
