// The files digests came from: remembered after each import from a file, shown on request in
// the system's file manager ("Reveal the source file"). Plain Node; the shell does the showing.
import { existsSync } from 'node:fs'
import { basename, dirname, isAbsolute, join } from 'node:path'
import type { ImportFileReport } from '../shared/model'
import type { Library } from './library/contract'
import { HandlerError } from './handlers'

/** Remembers the file of every digest imported from a file (pasted text has no path). */
export function rememberSourceFiles(library: Library, reports: readonly ImportFileReport[]): void {
  for (const report of reports) {
    if (report.ok && isAbsolute(report.file)) library.recordDigestSource(report.digestId, report.file)
  }
}

/** Where the file is now: where it was imported from, or the watched folder's done/ beside it. */
export function currentPlace(path: string, exists: (path: string) => boolean = existsSync): string | null {
  if (exists(path)) return path
  const done = join(dirname(path), 'done', basename(path))
  return exists(done) ? done : null
}

export function sourceToReveal(library: Library, of: { digestId: number } | { paperId: number }): string {
  const path = library.sourceFile(of)
  if (path === null) {
    throw new HandlerError(
      'NOT_FOUND',
      'Dogear does not know the file this came from: it was pasted, synced, or imported before Dogear kept file paths.'
    )
  }
  const place = currentPlace(path)
  if (place === null) throw new HandlerError('NOT_FOUND', `The file is no longer at ${path}`)
  return place
}
