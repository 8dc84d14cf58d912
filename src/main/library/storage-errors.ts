// What SQLite says when the disk, the file or another program stands in the way, as errors a
// reader can act on ("the disk is full") instead of "disk I/O error" or "failed unexpectedly".
import { LibraryError } from './contract'
import { messageOf } from '../../shared/errors'

function sqliteCode(error: unknown): string | null {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code
  return null
}

/** The LibraryError for a storage failure, or null when `error` is something else. */
export function storageError(path: string, error: unknown): LibraryError | null {
  const code = sqliteCode(error)
  if (code === null || !code.startsWith('SQLITE_')) return null
  // SQLite reports ENOSPC during a write as SQLITE_FULL, and sometimes as an I/O error on the WAL.
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && /no space|ENOSPC|full/i.test(messageOf(error)))) {
    return new LibraryError('DISK_FULL', `the disk holding ${path} is full: nothing was saved`)
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_CANTOPEN') {
    if (code === 'SQLITE_CANTOPEN') return new LibraryError('READ_ONLY', `${path} cannot be opened for writing`)
    return new LibraryError('READ_ONLY', `${path} is read-only: nothing was saved`)
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new LibraryError(
      'BUSY',
      `another program kept ${path} busy for too long: nothing was saved; try again in a moment`
    )
  }
  return null
}

/** Runs `work`, turning storage failures into LibraryErrors that name the library file. */
export function guardStorage<T>(path: string, work: () => T): T {
  try {
    return work()
  } catch (error) {
    throw storageError(path, error) ?? error
  }
}

/** The library with every operation's storage failures translated (see storageError). */
export function withStorageErrors<T extends object>(path: string, target: T): T {
  const guarded = {} as Record<string, unknown>
  for (const [name, value] of Object.entries(target)) {
    guarded[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => guardStorage(path, () => (value as (...a: unknown[]) => unknown)(...args))
        : value
  }
  return guarded as T
}
