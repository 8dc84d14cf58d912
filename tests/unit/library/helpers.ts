// Builders for library tests: invented papers and digests, a settable clock, temp folders.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach } from 'vitest'
import { parsedPaper } from '../../../src/main/import/paper'
import type { ParsedPaper } from '../../../src/main/import/types'
import { openLibrary, type DigestImport, type Library } from '../../../src/main/library'
import { registerAbstractText } from '../../../src/main/library/abstract-text'

export function paper(title: string, fields: Partial<ParsedPaper> = {}): ParsedPaper {
  return parsedPaper({ title, line: 1, ...fields })
}

let digestSerial = 0

/** A digest of these entries; its content hash follows its content unless given. */
export function digest(
  entries: ParsedPaper[],
  options: { date?: string | null; title?: string; hash?: string; fileName?: string } = {}
): DigestImport {
  const date = options.date === undefined ? '2024-03-12' : options.date
  digestSerial++
  return {
    digest: { title: options.title ?? 'Daily Papers', dateFrom: date, dateTo: date },
    entries,
    format: 'hf-text',
    fileName: options.fileName ?? `digest-${digestSerial}.txt`,
    contentHash:
      options.hash ??
      createHash('sha256')
        .update(JSON.stringify([entries, date, options.title ?? '']))
        .digest('hex')
  }
}

/** A clock tests move by hand. */
export class TestClock {
  constructor(public current = new Date(2024, 2, 15, 10, 0, 0)) {}
  now = (): Date => new Date(this.current)
  set(date: Date): void {
    this.current = date
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000)
  }
}

const opened: Library[] = []
const folders: string[] = []

afterEach(() => {
  for (const library of opened.splice(0)) library.close()
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

export function memoryLibrary(clock = new TestClock()): Library {
  const library = openLibrary(':memory:', { now: clock.now })
  opened.push(library)
  return library
}

/** Opens and registers for closing after the test. */
export function track(library: Library): Library {
  opened.push(library)
  return library
}

export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'dogear-library-'))
  folders.push(folder)
  return folder
}

export function titles(papers: { title: string }[]): string[] {
  return papers.map((p) => p.title)
}

/** The library file opened by SQLite itself, with the SQL function its search index calls. */
export function rawDatabase(path: string, options?: Database.Options): Database.Database {
  const db = new Database(path, options)
  registerAbstractText(db)
  return db
}
