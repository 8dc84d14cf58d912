// Restoring from a backup in the app: the library cannot be replaced while it is open, so the
// menu checks the backup, leaves a request beside the library and restarts Dogear; the next
// start carries the request out before it opens the library. Plain Node (no electron).
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { restoreLibrary, type RestoreOptions, type RestoreResult } from './library/restore'

export function requestPath(libraryPath: string): string {
  return `${libraryPath}.restore-request.json`
}

/** Leaves the request for the next start. */
export function requestRestore(libraryPath: string, backup: string, now: Date): void {
  writeFileSync(requestPath(libraryPath), JSON.stringify({ backup, requestedAt: now.toISOString() }))
}

/** The backup a request names, taking the request away (it is carried out once); null when none. */
export function takeRestoreRequest(libraryPath: string): string | null {
  let text: string
  try {
    text = readFileSync(requestPath(libraryPath), 'utf8')
  } catch {
    return null
  }
  rmSync(requestPath(libraryPath), { force: true })
  try {
    const request = JSON.parse(text) as { backup?: unknown }
    return typeof request.backup === 'string' && request.backup !== '' ? request.backup : null
  } catch {
    return null
  }
}

export type RestoreOutcome = { ok: true; result: RestoreResult } | { ok: false; backup: string; message: string }

/** At start, before the library opens: carries out a request left by the menu. */
export async function applyPendingRestore(
  libraryPath: string,
  now: Date,
  options: RestoreOptions = {}
): Promise<RestoreOutcome | null> {
  const backup = takeRestoreRequest(libraryPath)
  if (backup === null) return null
  try {
    return { ok: true, result: await restoreLibrary(libraryPath, backup, now, options) }
  } catch (error) {
    return { ok: false, backup, message: error instanceof Error ? error.message : String(error) }
  }
}
