import {
  chmodSync,
  copyFileSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SyncFolderError } from '../../../src/main/sync/folder'
import { CONFLICT_START } from '../../../src/main/sync/merge3'
import { syncSetup, title, type Device } from './helpers'

function logDir(folder: string, device: Device): string {
  return join(folder, 'devices', device.library.sync.self().deviceId)
}

function segments(folder: string, device: Device): string[] {
  return readdirSync(logDir(folder, device))
    .filter((name) => name.startsWith('seg-'))
    .sort()
}

describe('syncing two libraries through a folder', () => {
  it('brings digests, read and star marks and notes across, in both directions', () => {
    const { device } = syncSetup()
    const laptop = device('laptop')
    const desktop = device('desktop')
    laptop.sync()
    laptop.importDigest('a', 3)
    laptop.library.markRead([laptop.idOf(title('a', 1))], true)
    laptop.library.setStarred([laptop.idOf(title('a', 2))], true)
    laptop.library.saveNote(laptop.idOf(title('a', 1)), 'read on the train')
    const written = laptop.sync()
    expect(written.written).toMatchObject({ digests: 1, segments: 1 })

    const arrived = desktop.sync()
    expect(arrived.digestsImported).toBe(1)
    expect(desktop.state()).toEqual(laptop.state())

    desktop.importDigest('b', 2)
    desktop.library.markRead([desktop.idOf(title('a', 1))], false)
    desktop.library.markRead([desktop.idOf(title('b', 1))], true)
    desktop.sync()
    laptop.sync()
    expect(laptop.state()[title('a', 1)]).toEqual({ read: false, starred: false, note: 'read on the train' })
    expect(laptop.state()[title('b', 1)]?.read).toBe(true)
    expect(laptop.state()).toEqual(desktop.state())
  })

  it('changes nothing when the same segments are read again, or arrive again as a conflicted copy', () => {
    const { folder, device } = syncSetup()
    const laptop = device('laptop')
    const desktop = device('desktop')
    laptop.sync()
    laptop.importDigest('a', 2)
    laptop.library.setStarred([laptop.idOf(title('a', 1))], true)
    laptop.sync()
    desktop.sync()
    const before = desktop.library.exportAll()
    const dir = logDir(folder, laptop)
    copyFileSync(join(dir, 'seg-0000000001.json'), join(dir, 'seg-0000000001 (conflicted copy 2026-03-12).json'))
    const again = desktop.sync()
    expect(again.applied).toEqual({ segments: 0, changes: 0, conflicts: 0 })
    expect(desktop.library.exportAll()).toEqual(before)
  })

  it('merges note edits of different lines, and keeps both versions of the same line with a conflict flag', () => {
    const { device } = syncSetup()
    const laptop = device('laptop')
    const desktop = device('desktop')
    laptop.sync()
    laptop.importDigest('a', 1)
    const id = laptop.idOf(title('a', 1))
    laptop.library.saveNote(id, 'summary\nscore: 3')
    laptop.sync()
    desktop.sync()
    const there = desktop.idOf(title('a', 1))
    laptop.library.saveNote(id, 'summary, revised\nscore: 3')
    desktop.library.saveNote(there, 'summary\nscore: 3\nsee also RetNet')
    laptop.sync()
    desktop.sync()
    laptop.sync()
    expect(laptop.state()[title('a', 1)]?.note).toBe('summary, revised\nscore: 3\nsee also RetNet')
    expect(desktop.library.sync.conflicts()).toEqual([])

    laptop.library.saveNote(id, 'summary, revised\nscore: 4\nsee also RetNet')
    desktop.library.saveNote(there, 'summary, revised\nscore: 5\nsee also RetNet')
    desktop.sync()
    const merged = laptop.sync()
    expect(merged.applied.conflicts).toBe(1)
    desktop.sync()
    const note = laptop.state()[title('a', 1)]!.note!
    expect(note).toContain(CONFLICT_START)
    expect(note).toContain('score: 4')
    expect(note).toContain('score: 5')
    expect(desktop.state()[title('a', 1)]?.note).toBe(note)
    expect(laptop.library.sync.conflicts()).toEqual([id])

    laptop.library.saveNote(id, 'summary, revised\nscore: 4.5\nsee also RetNet')
    laptop.sync()
    desktop.sync()
    expect(desktop.library.sync.conflicts()).toEqual([])
    expect(desktop.state()[title('a', 1)]?.note).toBe('summary, revised\nscore: 4.5\nsee also RetNet')
  })

  it('skips a half-written segment with a message and applies it once it is complete', () => {
    const { folder, device } = syncSetup()
    const laptop = device('laptop')
    const desktop = device('desktop')
    laptop.sync()
    laptop.importDigest('a', 2)
    laptop.sync()
    desktop.sync()
    laptop.library.markRead([laptop.idOf(title('a', 2))], true)
    laptop.sync()
    const path = join(logDir(folder, laptop), 'seg-0000000002.json')
    const whole = readFileSync(path)
    writeFileSync(path, whole.subarray(0, whole.length - 20))
    const partial = desktop.sync()
    expect(partial.problems.join('\n')).toMatch(/seg-0000000002\.json was skipped: it is not complete JSON/)
    expect(desktop.state()[title('a', 2)]?.read).toBe(false)
    writeFileSync(path, whole)
    desktop.sync()
    expect(desktop.state()[title('a', 2)]?.read).toBe(true)
  })

  it('refuses a hostile segment with a warning and leaves the library as it was', () => {
    const { folder, device } = syncSetup()
    const laptop = device('laptop')
    const desktop = device('desktop')
    laptop.sync()
    laptop.importDigest('a', 2)
    laptop.sync()
    desktop.sync()
    const before = desktop.library.exportAll()
    const dir = logDir(folder, laptop)
    const good = JSON.parse(readFileSync(join(dir, 'seg-0000000001.json'), 'utf8')) as { changes: unknown[] }
    const hostile = [
      { ...good, seq: 2, changes: [{ kind: 'mark', field: 'read; DROP TABLE papers', value: true }] },
      { ...good, seq: 3, changes: 'x'.repeat(100), sum: 'f'.repeat(64) },
      { ...good, seq: 4, __proto__: { polluted: true }, extra: 1 }
    ]
    hostile.forEach((segment, index) =>
      writeFileSync(join(dir, `seg-000000000${index + 2}.json`), JSON.stringify(segment))
    )
    writeFileSync(join(dir, 'seg-0000000005.json'), Buffer.alloc(9 * 1024 * 1024, 32))
    const report = desktop.sync()
    expect(report.applied.segments).toBe(0)
    for (const seq of [2, 3, 4, 5]) expect(report.problems.join('\n')).toContain(`seg-000000000${seq}.json was skipped`)
    expect(report.problems.join('\n')).toMatch(/over the limit/)
    expect(desktop.library.exportAll()).toEqual(before)
  })

  it('applies segments that arrive out of order, and changes whose digest file comes late', () => {
    const { folder, device } = syncSetup()
    const laptop = device('laptop')
    const desktop = device('desktop')
    laptop.sync()
    laptop.importDigest('a', 2)
    laptop.library.markRead([laptop.idOf(title('a', 1))], true)
    laptop.sync()
    laptop.library.setStarred([laptop.idOf(title('a', 2))], true)
    laptop.sync()
    const dir = logDir(folder, laptop)
    const digests = join(folder, 'digests')
    const [digestFile] = readdirSync(digests)
    renameSync(join(digests, digestFile!), join(folder, 'held-digest'))
    renameSync(join(dir, 'seg-0000000001.json'), join(folder, 'held-segment'))

    const early = desktop.sync()
    expect(early.problems.join('\n')).toMatch(/segments 1 to 2 have not all arrived yet/)
    expect(early.changesWaiting).toBe(1)
    renameSync(join(folder, 'held-segment'), join(dir, 'seg-0000000001.json'))
    const middle = desktop.sync()
    expect(middle.digestsWaiting).toBe(1)
    expect(desktop.state()).toEqual({})
    renameSync(join(folder, 'held-digest'), join(digests, digestFile!))
    desktop.sync()
    expect(desktop.state()).toEqual(laptop.state())
    expect(desktop.library.sync.counts()).toMatchObject({ waiting: 0, wantedDigests: 0 })
  })

  it('lets the later change win when one device clock is hours behind, and says when a clock is ahead', () => {
    const { device } = syncSetup()
    const laptop = device('laptop')
    const desktop = device('desktop')
    const hours =
      (n: number): (() => Date) =>
      () =>
        new Date(Date.now() + n * 3_600_000)
    laptop.sync()
    laptop.importDigest('a', 1)
    laptop.sync()
    desktop.sync()
    // The desktop's clock runs five hours ahead: its change sorts later for everyone.
    desktop.library.markRead([desktop.idOf(title('a', 1))], true)
    desktop.sync()
    const ahead = laptop.sync({ now: hours(-5) })
    expect(ahead.problems.join('\n')).toMatch(/desktop's changes are dated about 5 h ahead/)
    // The laptop saw that change, so its own later change wins although its wall clock is behind.
    laptop.library.markRead([laptop.idOf(title('a', 1))], false)
    laptop.sync()
    desktop.sync()
    expect(desktop.state()[title('a', 1)]?.read).toBe(false)
  })

  it('explains a deleted, renamed or foreign folder instead of syncing with it', () => {
    const { folder, device } = syncSetup()
    const laptop = device('laptop')
    laptop.sync()
    renameSync(folder, `${folder}-renamed`)
    expect(() => laptop.sync()).toThrow(/does not exist \(was it moved, renamed or not mounted\?\)/)
    renameSync(`${folder}-renamed`, folder)
    expect(laptop.sync().problems).toEqual([])
    unlinkSync(join(folder, 'dogear-sync.json'))
    expect(() => laptop.sync()).toThrow(SyncFolderError)
    expect(() => laptop.sync()).toThrow(/holds no dogear-sync.json/)
    rmSync(folder, { recursive: true })
    expect(() => laptop.sync()).toThrow(/does not exist/)
    expect(laptop.library.sync.self().lastProblem).toMatch(/does not exist/)
  })

  it('lets a new device join from a snapshot once old segments were compacted away', () => {
    const { folder, device } = syncSetup()
    const laptop = device('laptop')
    const desktop = device('desktop')
    laptop.sync()
    laptop.importDigest('a', 6)
    laptop.sync()
    desktop.sync()
    for (let index = 1; index <= 6; index++) {
      laptop.library.markRead([laptop.idOf(title('a', index))], true)
      laptop.sync({ snapshotEvery: 3 })
      desktop.sync()
    }
    laptop.library.saveNote(laptop.idOf(title('a', 6)), 'last note')
    laptop.sync({ snapshotEvery: 3 })
    expect(segments(folder, laptop)[0]).not.toBe('seg-0000000001.json')

    const tablet = device('tablet')
    const joined = tablet.sync()
    expect(joined.problems).toEqual([])
    expect(tablet.state()).toEqual(laptop.state())
  })
})

describe('a read-only sync folder', () => {
  it.skipIf(process.getuid?.() === 0)('still applies the other devices and keeps this one in its outbox', () => {
    const { folder, device } = syncSetup()
    const laptop = device('laptop')
    const desktop = device('desktop')
    laptop.sync()
    laptop.importDigest('a', 1)
    laptop.sync()
    desktop.sync()
    desktop.library.markRead([desktop.idOf(title('a', 1))], true)
    chmodSync(folder, 0o555)
    try {
      const report = desktop.sync()
      expect(report.problems.join('\n')).toMatch(/read-only/)
      expect(desktop.library.sync.counts().outbox).toBe(1)
    } finally {
      chmodSync(folder, 0o755)
    }
  })
})
