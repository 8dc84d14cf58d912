// Applies the numbered migrations. Each runs with its `user_version` bump in one transaction,
// so a crash leaves the file at the old version or the new one, never between.
import { APPLICATION_ID, type Db } from './connection'
import { registerAbstractText } from './abstract-text'
import { copyNow } from './backup'
import { LibraryError } from './contract'
import { MIGRATIONS, type Migration } from './migrations'

export interface MigrationResult {
  from: number
  to: number
  /** Where the file was copied before migrating it; null for new or in-memory databases. */
  backupPath: string | null
}

function hasTables(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get() !== undefined
}

function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

/**
 * Copies the library aside before changing its schema, verified (see backup.ts: VACUUM INTO
 * keeps `openLibrary` synchronous, and reads committed data in the WAL too). A copy that is
 * not whole throws, and the migration does not start.
 */
function backupFile(db: Db, path: string, version: number, now: Date): string {
  return copyNow(db, `${path}.backup-v${version}-${timestamp(now)}`).path
}

/** Brings the database to the latest version, refusing files this app cannot own. */
export function migrate(
  db: Db,
  path: string,
  now: Date,
  migrations: readonly Migration[] = MIGRATIONS
): MigrationResult {
  const latest = migrations[migrations.length - 1]!.version
  const from = db.pragma('user_version', { simple: true }) as number
  const applicationId = db.pragma('application_id', { simple: true }) as number
  if (from > latest) {
    throw new LibraryError(
      'NEWER_DATABASE',
      `${path} was written by a newer Dogear (database version ${from}; this app knows up to version ${latest}). ` +
        'Update Dogear to open it.'
    )
  }
  if ((applicationId !== 0 && applicationId !== APPLICATION_ID) || (from === 0 && hasTables(db))) {
    throw new LibraryError('CORRUPT', `${path} is a SQLite database, but not a Dogear library`)
  }
  if (from === latest) return { from, to: from, backupPath: null }

  // A file at version 0 is new and empty (checked above): there is nothing to back up.
  const isFile = path !== ':memory:' && path !== ''
  const backupPath = isFile && from > 0 ? backupFile(db, path, from, now) : null
  // The search index's view reads abstracts through it, from migration 22 on.
  registerAbstractText(db)
  for (const migration of migrations) {
    if (migration.version <= from) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
  }
  return { from, to: latest, backupPath }
}
