// A library on a disk that fills up: the import says "the disk is full: nothing was imported",
// nothing already stored is lost, and a note that cannot be saved says why. Needs a small
// tmpfs (mount, as root on Linux); elsewhere the test is skipped with the reason printed.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/library'
import { importFile } from '../../src/main/ingest/pipeline'
import { scratchFolder, writeDigest } from './processes'

let disk: string | null = null
let mountPoint: string | null = null
let skipReason = ''

beforeAll(() => {
  // Its own folder, unmounted and removed after all tests (the per-test cleanup would find it busy).
  const folder = mkdtempSync(join(tmpdir(), 'dogear-small-disk-'))
  mountPoint = folder
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1500k', 'tmpfs', folder], { stdio: 'pipe' })
    disk = folder
  } catch (error) {
    skipReason = `full-disk test skipped: cannot mount a small tmpfs here (${String(error).split('\n')[0]})`
    console.log(skipReason)
  }
})

afterAll(() => {
  if (disk) execFileSync('umount', ['-l', disk])
  if (mountPoint) rmSync(mountPoint, { recursive: true, force: true })
})

describe('a full disk', () => {
  it('refuses the import as DISK_FULL, keeps what was stored, and says why a note was not saved', (context) => {
    if (!disk) return context.skip(skipReason)
    const sources = scratchFolder()
    writeDigest(join(sources, 'small.txt'), 20, 6, 5)
    // Under 2,000 papers: one transaction, which SQLite rolls back without needing room on the disk.
    writeDigest(join(sources, 'big.txt'), 1_900, 7, 6)
    const db = join(disk, 'library.sqlite')
    const library = openLibrary(db)
    expect(importFile(library, join(sources, 'small.txt'))).toMatchObject({ ok: true })
    const [first] = library.listPapers({ filter: { kind: 'all' }, limit: 1 }).items
    library.saveNote(first!.id, 'kept through the full disk')
    const before = library.exportAll()

    const report = importFile(library, join(sources, 'big.txt'))
    expect(report).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } })
    if (!report.ok) expect(report.error.message).toMatch(/big\.txt: the disk is full: nothing was imported/)
    expect(library.exportAll()).toEqual(before)

    // Fill what is left, then try to save a long note.
    try {
      writeFileSync(join(disk, 'filler'), Buffer.alloc(8 * 1024 * 1024))
    } catch {
      // ENOSPC once the disk is full: that was the point.
    }
    let noteError: unknown = null
    try {
      library.saveNote(first!.id, 'a new note '.repeat(100_000))
    } catch (error) {
      noteError = error
    }
    expect(noteError).toMatchObject({ code: 'DISK_FULL' })
    expect(library.getPaper(first!.id)!.note).toBe('kept through the full disk')
    library.close()
  }, 120_000)
})
