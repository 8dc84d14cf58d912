// The app's import door at start: papers a large import left waiting for the search index (the
// app closed right after its report) are indexed by the import worker, and main is told.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { CHUNKED_FROM_PAPERS } from '../../../src/main/library/import-write'
import { createAppImports } from '../../../src/main/shell/app-imports'
import { IMPORT_WORKER, spawnImportWorker } from '../../support/import-worker'
import { digest, paper } from '../library/helpers'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function libraryPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dogear-app-imports-'))
  dirs.push(dir)
  return join(dir, 'library.sqlite')
}

describe('the app imports at start', () => {
  it('has the import worker index the papers a large import left waiting, then tells main', async () => {
    const dbPath = libraryPath()
    const library = openLibrary(dbPath)
    const count = CHUNKED_FROM_PAPERS + 200
    const papers = Array.from({ length: count }, (_, i) =>
      paper(`Estuary Census ${i}`, { abstract: 'Counting terns.' })
    )
    library.importDigest({ ...digest(papers), indexLater: true })
    expect(library.waitingForIndex()).toBe(count)
    let spawned = 0
    let told: () => void = () => {}
    const indexed = new Promise<void>((done) => (told = done))
    const progress: number[] = []
    const imports = createAppImports({
      library,
      dbPath,
      workerPath: IMPORT_WORKER,
      spawn: (job, resourceLimits) => {
        spawned++
        return spawnImportWorker(job, resourceLimits)
      },
      onProgress: ({ total }) => progress.push(total),
      onIndexed: () => told()
    })
    await imports.indexWaiting()
    await indexed
    expect(spawned).toBe(1)
    // An import of no files: nothing for the progress bar to show.
    expect(progress.every((total) => total === 0)).toBe(true)
    expect(library.search({ query: 'estuary terns' }).total).toBe(count)
    expect(library.waitingForIndex()).toBe(0)
    // Nothing waits any more: no worker is started for it.
    await imports.indexWaiting()
    expect(spawned).toBe(1)
    await imports.stop()
    library.close()
  }, 60_000)
})
