// kill -9 in the middle of a large import and in the middle of note saves: the library opens
// afterwards, the import is there whole or not at all, and every acknowledged note is kept.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/library'
import { importFile } from '../../src/main/ingest/pipeline'
import { registerAbstractText } from '../../src/main/library/abstract-text'
import { runScript, scratchFolder, source, waitFor, writeDigest } from './processes'

function pendingImports(path: string): number {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare('SELECT count(*) FROM pending_imports').pluck().get() as number
  } finally {
    db.close()
  }
}

function ftsIntact(path: string): void {
  const db = new Database(path)
  // FTS5 reads each paper's text through the view, which inflates abstracts with this function.
  registerAbstractText(db)
  try {
    db.exec("INSERT INTO paper_search(paper_search, rank) VALUES ('integrity-check', 1)")
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  } finally {
    db.close()
  }
}

describe('kill -9', () => {
  it('during a large import leaves the library as it was, every time', async () => {
    const folder = scratchFolder()
    const db = join(folder, 'library.sqlite')
    writeDigest(join(folder, 'small.txt'), 40, 1, 5)
    writeDigest(join(folder, 'big.txt'), 12_000, 2, 6)
    const library = openLibrary(db)
    expect(importFile(library, join(folder, 'small.txt'))).toMatchObject({ ok: true, papers: 40 })
    const [first] = library.listPapers({ filter: { kind: 'all' }, limit: 1 }).items
    library.markRead([first!.id], true)
    library.saveNote(first!.id, 'written before the crash')
    const before = library.exportAll()
    library.close()

    let killedMidway = 0
    for (const afterChunks of [1, 3, 8]) {
      const child = runScript(
        folder,
        'import',
        `import { openLibrary } from ${source('main/library/index.ts')}
         import { importFile } from ${source('main/ingest/pipeline.ts')}
         const library = openLibrary(${JSON.stringify(db)})
         console.log(JSON.stringify(importFile(library, ${JSON.stringify(join(folder, 'big.txt'))})))`
      )
      // Killed once the import has committed some of its chunks: the worst moment for a file-at-once promise.
      await waitFor(() => {
        try {
          const look = new Database(db, { readonly: true })
          const papers = look.prepare('SELECT count(*) FROM papers').pluck().get() as number
          look.close()
          return papers > 40 + afterChunks * 200 || child.process.exitCode !== null
        } catch {
          return false
        }
      }, 'the import to commit chunks')
      child.process.kill('SIGKILL')
      const exit = await child.exited
      if (exit.signal !== 'SIGKILL') continue // it finished first: nothing to check on this round
      killedMidway++
      expect(pendingImports(db)).toBe(1)
      const reopened = openLibrary(db)
      expect(reopened.exportAll()).toEqual(before)
      expect(reopened.listDigests()).toHaveLength(1)
      reopened.close()
      expect(pendingImports(db)).toBe(0)
      ftsIntact(db)
    }
    expect(killedMidway).toBeGreaterThan(0)
    // And the file imports whole afterwards.
    const again = openLibrary(db)
    expect(importFile(again, join(folder, 'big.txt'))).toMatchObject({ ok: true, papers: 12_000, added: 12_000 })
    again.close()
    ftsIntact(db)
  }, 240_000)

  it('during note saves keeps every note that was acknowledged', async () => {
    const folder = scratchFolder()
    const db = join(folder, 'library.sqlite')
    writeDigest(join(folder, 'small.txt'), 20, 3, 5)
    const library = openLibrary(db)
    importFile(library, join(folder, 'small.txt'))
    const ids = library.listPapers({ filter: { kind: 'all' } }).items.map((paper) => paper.id)
    library.close()

    const child = runScript(
      folder,
      'notes',
      `import { openLibrary } from ${source('main/library/index.ts')}
       const library = openLibrary(${JSON.stringify(db)})
       const ids = ${JSON.stringify(ids)}
       for (let i = 0; ; i++) {
         const id = ids[i % ids.length]
         library.saveNote(id, 'note ' + i + ' ' + 'x'.repeat(i % 700))
         console.log(id + ' ' + i)
       }`
    )
    await waitFor(() => child.lines.length > 150, 'acknowledged note saves')
    child.process.kill('SIGKILL')
    await child.exited
    // The last acknowledgement per paper; a save after it may have committed too, never one before it.
    const lastAcked = new Map<number, number>()
    for (const line of child.lines) {
      const [id, i] = line.split(' ').map(Number)
      lastAcked.set(id!, i!)
    }
    const reopened = openLibrary(db)
    for (const [id, i] of lastAcked) {
      const note = reopened.getPaper(id)!.note!
      expect(Number(note.split(' ')[1])).toBeGreaterThanOrEqual(i)
    }
    reopened.close()
    ftsIntact(db)
  }, 120_000)
})
