// Putting a backup in place of the library: the backup is checked first (a Dogear library this
// version can open, whole by SQLite's quick_check), the current library is kept as a dated,
// verified copy, and only then is the backup copied in (to a temporary file, renamed over the
// library, so a crash leaves the old library or the new one). Close the app first.
import { existsSync, renameSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { backupLibrary } from './backup'
import { LibraryError } from './contract'
import { checkLibraryFile } from './library-file'
import { LATEST_VERSION } from './migrations'

export interface RestoreResult {
  restoredFrom: string
  /** Where the library that was replaced went; null when there was none. */
  keptAs: string | null
  papers: number
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

function checkBackup(file: string): number {
  if (checkLibraryFile(file, LATEST_VERSION) !== 'library') {
    throw new LibraryError('NOT_FOUND', `${file} is not a Dogear library backup (there is no library in it)`)
  }
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new LibraryError('CORRUPT', `${file} is damaged (SQLite's check says: ${String(check)})`)
    return db.prepare('SELECT count(*) FROM papers').pluck().get() as number
  } finally {
    db.close()
  }
}

export async function restoreLibrary(libraryPath: string, file: string, now: Date): Promise<RestoreResult> {
  const papers = checkBackup(file)
  let keptAs: string | null = null
  if (existsSync(libraryPath)) {
    keptAs = `${libraryPath}.before-restore-${stamp(now)}`
    const current = new Database(libraryPath, { fileMustExist: true })
    try {
      await backupLibrary(current, keptAs)
    } finally {
      current.close()
    }
  }
  const incoming = `${libraryPath}.restoring`
  const source = new Database(file, { readonly: true, fileMustExist: true })
  try {
    await backupLibrary(source, incoming)
  } finally {
    source.close()
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${libraryPath}${suffix}`, { force: true })
  renameSync(incoming, libraryPath)
  return { restoredFrom: file, keptAs, papers }
}
