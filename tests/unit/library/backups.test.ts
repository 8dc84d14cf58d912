// Backups: verified copies, restore with the replaced library kept, and the automatic schedule.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { BACKUP_FOLDER, lastBackup, planBackups, runAutoBackup } from '../../../src/main/library/auto-backup'
import { restoreLibrary } from '../../../src/main/library/restore'
import { runDogear } from '../../support/cli'
import { digest, paper, tempFolder, track } from './helpers'

const DISK = { totalBytes: 100 * 2 ** 30, libraryBytes: 10 * 2 ** 20 }

function daysBefore(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - n)
  return date.toISOString().slice(0, 10)
}

describe('planBackups', () => {
  it("makes today's backup once a day", () => {
    expect(planBackups('2026-03-12', [], DISK)).toEqual({ make: 'dogear-2026-03-12.sqlite', remove: [], skipped: null })
    const existing = [{ name: 'dogear-2026-03-12.sqlite', bytes: 1 }]
    expect(planBackups('2026-03-12', existing, DISK).make).toBeNull()
  })

  it('keeps the last 7 daily and 4 weekly backups, and removes the rest', () => {
    const today = '2026-03-12'
    const existing = Array.from({ length: 60 }, (_, i) => ({
      name: `dogear-${daysBefore(today, i + 1)}.sqlite`,
      bytes: 2 ** 20
    }))
    const plan = planBackups(today, existing, DISK)
    const kept = [plan.make!, ...existing.map((b) => b.name).filter((name) => !plan.remove.includes(name))].sort()
    // Today and the six days before it, and the first backup of each of the four newest weeks
    // (the week of March 9 is among the daily ones already).
    expect(kept).toEqual(
      [
        ...Array.from({ length: 7 }, (_, i) => `dogear-${daysBefore(today, i)}.sqlite`),
        'dogear-2026-02-16.sqlite',
        'dogear-2026-02-23.sqlite',
        'dogear-2026-03-02.sqlite',
        'dogear-2026-03-09.sqlite'
      ]
        .filter((name, i, all) => all.indexOf(name) === i)
        .sort()
    )
  })

  it('never lets backups use more than their share of the disk: the oldest go first, or none is made', () => {
    const small = { totalBytes: 100 * 2 ** 20, libraryBytes: 4 * 2 ** 20 }
    const existing = [1, 2, 3].map((n) => ({ name: `dogear-2026-03-0${n}.sqlite`, bytes: 4 * 2 ** 20 }))
    const plan = planBackups('2026-03-12', existing, small)
    expect(plan.make).toBe('dogear-2026-03-12.sqlite')
    expect(plan.remove).toEqual(['dogear-2026-03-02.sqlite', 'dogear-2026-03-01.sqlite'])
    const tiny = planBackups('2026-03-12', [], { totalBytes: 10 * 2 ** 20, libraryBytes: 4 * 2 ** 20 })
    expect(tiny).toMatchObject({ make: null, skipped: expect.stringMatching(/more than 10% of the disk/) })
  })
})

describe('backup and restore', () => {
  it('makes a verified backup beside the library, and says where and when the last one was made', async () => {
    const folder = tempFolder()
    const path = join(folder, 'library.sqlite')
    const library = track(openLibrary(path))
    library.importDigest(digest([paper('Gravel Lattices'), paper('Humming Kettles')]))
    const outcome = await runAutoBackup(library, path, '2026-03-12')
    expect(outcome.made).toMatchObject({ papers: 2, path: join(folder, BACKUP_FOLDER, 'dogear-2026-03-12.sqlite') })
    expect((await runAutoBackup(library, path, '2026-03-12')).made).toBeNull()
    expect(lastBackup(path)).toMatchObject({ folder: join(folder, BACKUP_FOLDER), path: outcome.made!.path })
    const copy = new Database(outcome.made!.path, { readonly: true })
    expect(copy.prepare('SELECT title FROM papers ORDER BY id').pluck().all()).toEqual([
      'Gravel Lattices',
      'Humming Kettles'
    ])
    copy.close()
  })

  it('restores a backup, keeping the library it replaces, and refuses a file that is not a library', async () => {
    const folder = tempFolder()
    const path = join(folder, 'library.sqlite')
    const library = openLibrary(path)
    library.importDigest(digest([paper('Gravel Lattices')]))
    const backup = await library.backup(join(folder, 'saved.sqlite'))
    library.importDigest(digest([paper('Humming Kettles')]))
    library.close()

    const notes = join(folder, 'notes.sqlite')
    writeFileSync(notes, 'not a database at all\n'.repeat(20))
    await expect(restoreLibrary(path, notes, new Date())).rejects.toThrow(/is not a Dogear library/)

    const result = await restoreLibrary(path, backup.path, new Date(Date.UTC(2026, 2, 12, 8, 0, 0)))
    expect(result).toEqual({ restoredFrom: backup.path, keptAs: `${path}.before-restore-20260312T080000Z`, papers: 1 })
    const restored = track(openLibrary(path))
    expect(restored.listPapers({ filter: { kind: 'all' } }).items.map((p) => p.title)).toEqual(['Gravel Lattices'])
    const kept = track(openLibrary(result.keptAs!))
    expect(kept.listPapers({ filter: { kind: 'all' } }).total).toBe(2)
  })

  it('dogear backup FILE and dogear restore FILE', async () => {
    const folder = tempFolder()
    const db = join(folder, 'library.sqlite')
    const library = openLibrary(db)
    library.importDigest(digest([paper('Gravel Lattices')]))
    library.close()
    const target = join(folder, 'copy.sqlite')
    const backedUp = await runDogear(['backup', target, '--db', db])
    expect(backedUp.code).toBe(0)
    expect(backedUp.stdout).toMatch(
      new RegExp(`^Backed up 1 papers to ${target} \\(.+, verified\\) in \\d+\\.\\d s\\.`)
    )
    expect((await runDogear(['backup', target, '--db', db])).stderr).toMatch(/exists already/)
    const restored = await runDogear(['restore', target, '--db', db])
    expect(restored.code).toBe(0)
    expect(restored.stdout).toMatch(
      /^Restored 1 papers from .*copy\.sqlite into .*library\.sqlite\. The library it replaced is kept as/
    )
    expect(readdirSync(folder).some((name) => name.startsWith('library.sqlite.before-restore-'))).toBe(true)
    expect(existsSync(`${db}.restoring`)).toBe(false)
  })
})
