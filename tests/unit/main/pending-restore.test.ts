import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { applyPendingRestore, requestPath, requestRestore, takeRestoreRequest } from '../../../src/main/pending-restore'
import { digest, paper, tempFolder } from '../library/helpers'

describe('a restore requested from the File menu', () => {
  it('is carried out once at the next start, keeping the library it replaces', async () => {
    const folder = tempFolder()
    const path = join(folder, 'library.sqlite')
    const library = openLibrary(path)
    library.importDigest(digest([paper('Gravel Lattices'), paper('Humming Kettles')]))
    const backup = await library.backup(join(folder, 'copy.sqlite'))
    library.importDigest(digest([paper('Sleepy Robots')], { date: '2024-03-20' }))
    library.close()

    requestRestore(path, backup.path, new Date())
    const outcome = await applyPendingRestore(path, new Date(Date.UTC(2026, 2, 12, 8, 0, 0)))
    expect(outcome).toMatchObject({ ok: true, result: { restoredFrom: backup.path, papers: 2 } })
    expect(existsSync(requestPath(path))).toBe(false)
    const restored = openLibrary(path)
    expect(restored.stats().papers).toBe(2)
    restored.close()
    if (!outcome?.ok || !outcome.result.keptAs) throw new Error('the old library was not kept')
    const kept = openLibrary(outcome.result.keptAs)
    expect(kept.stats().papers).toBe(3)
    kept.close()
    expect(await applyPendingRestore(path, new Date())).toBeNull()
  })

  it('leaves the library as it was when the backup is not a library, and says why', async () => {
    const folder = tempFolder()
    const path = join(folder, 'library.sqlite')
    const library = openLibrary(path)
    library.importDigest(digest([paper('Gravel Lattices')]))
    library.close()
    const notes = join(folder, 'notes.txt')
    writeFileSync(notes, 'not a library')
    requestRestore(path, notes, new Date())
    const outcome = await applyPendingRestore(path, new Date())
    expect(outcome).toMatchObject({ ok: false, backup: notes })
    expect(outcome?.ok === false && outcome.message).toMatch(/not a Dogear library|not a SQLite|not/)
    const same = openLibrary(path)
    expect(same.stats().papers).toBe(1)
    same.close()
  })

  it('ignores a damaged request file', () => {
    const path = join(tempFolder(), 'library.sqlite')
    writeFileSync(requestPath(path), '{not json')
    expect(takeRestoreRequest(path)).toBeNull()
    expect(existsSync(requestPath(path))).toBe(false)
  })
})
