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

/** The driver's build for this runtime (the app passes Electron's; the command line needs none). */
export interface RestoreOptions {
  nativeBinding?: string
}

/** Checks that FILE is a whole Dogear library this version can open; answers its paper count. */
export function checkBackup(file: string, options: RestoreOptions = {}): number {
  if (checkLibraryFile(file, LATEST_VERSION, options.nativeBinding) !== 'library') {
    throw new LibraryError('NOT_FOUND', `${file} is not a Dogear library backup (there is no library in it)`)
  }
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
  try {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new LibraryError('CORRUPT', `${file} is damaged (SQLite's check says: ${String(check)})`)
    return db.prepare('SELECT count(*) FROM papers').pluck().get() as number
  } finally {
    db.close()
  }
}

export async function restoreLibrary(
  libraryPath: string,
  file: string,
  now: Date,
  options: RestoreOptions = {}
): Promise<RestoreResult> {
  const papers = checkBackup(file, options)
  const { nativeBinding } = options
  let keptAs: string | null = null
  if (existsSync(libraryPath)) {
    keptAs = `${libraryPath}.before-restore-${stamp(now)}`
    const current = new Database(libraryPath, { fileMustExist: true, nativeBinding })
    try {
      await backupLibrary(current, keptAs)
    } finally {
      current.close()
    }
  }
  const incoming = `${libraryPath}.restoring`
  const source = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    await backupLibrary(source, incoming)
  } finally {
    source.close()
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${libraryPath}${suffix}`, { force: true })
  renameSync(incoming, libraryPath)
  return { restoredFrom: file, keptAs, papers }
}
