// Two real processes on one library: a large import, and a reader marking, noting and changing
// settings meanwhile. None of the reader's writes may fail, and every acknowledged one is there.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/library'
import { importFile } from '../../src/main/ingest/pipeline'
import { runScript, scratchFolder, source, writeDigest } from './processes'

describe('two processes writing', () => {
  it('keeps every acknowledged write of the reader while another process imports 20,000 papers', async () => {
    const folder = scratchFolder()
    const db = join(folder, 'library.sqlite')
    writeDigest(join(folder, 'small.txt'), 30, 4, 5)
    writeDigest(join(folder, 'big.txt'), 20_000, 5, 6)
    const library = openLibrary(db)
    importFile(library, join(folder, 'small.txt'))
    const ids = library.listPapers({ filter: { kind: 'all' } }).items.map((paper) => paper.id)
    library.close()

    const importer = runScript(
      folder,
      'import',
      `import { openLibrary } from ${source('main/library/index.ts')}
       import { importFile } from ${source('main/ingest/pipeline.ts')}
       const library = openLibrary(${JSON.stringify(db)})
       console.log(JSON.stringify(importFile(library, ${JSON.stringify(join(folder, 'big.txt'))})))`
    )
    const reader = runScript(
      folder,
      'reader',
      `import { openLibrary } from ${source('main/library/index.ts')}
       const library = openLibrary(${JSON.stringify(db)})
       const ids = ${JSON.stringify(ids)}
       for (let i = 0; i < 300; i++) {
         const id = ids[i % ids.length]
         const started = performance.now()
         try {
           if (i % 3 === 0) library.markRead([id], true)
           else if (i % 3 === 1) library.saveNote(id, 'note ' + i)
           else library.updateSettings({ markReadDelaySeconds: 1 + (i % 60) })
           console.log(JSON.stringify({ i, id, ok: true, ms: Math.round(performance.now() - started) }))
         } catch (error) {
           console.log(JSON.stringify({ i, id, ok: false, message: String(error) }))
         }
         await new Promise((resolve) => setTimeout(resolve, 30))
       }`
    )
    await Promise.all([importer.exited, reader.exited])
    expect(JSON.parse(importer.lines[0]!)).toMatchObject({ ok: true, papers: 20_000 })
    const writes = reader.lines.map((line) => JSON.parse(line) as { i: number; id: number; ok: boolean; ms?: number })
    expect(writes).toHaveLength(300)
    expect(writes.filter((write) => !write.ok)).toEqual([])
    const waits = writes.map((write) => write.ms!).sort((a, b) => a - b)
    console.log(`reader's writes during the import: median ${waits[150]} ms, slowest ${waits[299]} ms`)

    const after = openLibrary(db)
    for (const write of writes) {
      if (write.i % 3 === 0) expect(after.getPaper(write.id)!.read).toBe(true)
    }
    const lastNote = new Map<number, number>()
    for (const write of writes) if (write.i % 3 === 1) lastNote.set(write.id, write.i)
    for (const [id, i] of lastNote) expect(after.getPaper(id)!.note).toBe(`note ${i}`)
    expect(after.getSettings().markReadDelaySeconds).toBe(1 + (299 % 60))
    expect(after.listPapers({ filter: { kind: 'all' } }).total).toBe(20_030)
    after.close()
  }, 240_000)
})
