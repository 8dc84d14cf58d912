import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportFileReport } from '../../../src/shared/model'
import { importSource } from '../../../src/main/ingest/import-source'
import { runImportJob, type ImportJobData, type ImportJobMessage } from '../../../src/main/ingest/import-job'
import { createImportRunner, type WorkerLike } from '../../../src/main/ingest/import-runner'
import { openLibrary } from '../../../src/main/library'
import { HAS_SHARED_FIXTURES, SHARED_DIGEST } from '../../support/shared-fixture'
import { spawnImportWorker } from '../../support/import-worker'

const SAMPLE = resolve(__dirname, '../../../resources/sample-digest.txt')
const FIXTURE = SHARED_DIGEST

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dogear-import-'))
  dirs.push(dir)
  return dir
}

describe.skipIf(!HAS_SHARED_FIXTURES)('runImportJob', () => {
  it('imports each file, reporting progress before each one and at the end', async () => {
    const library = openLibrary(':memory:')
    const messages: ImportJobMessage[] = []
    const reports = await runImportJob(library, [SAMPLE, '/missing.txt', FIXTURE], {}, importSource, (m) =>
      messages.push(m)
    )
    expect(reports.map((report) => report.ok)).toEqual([true, false, true])
    expect(messages.filter((m) => m.type === 'progress')).toEqual([
      { type: 'progress', file: SAMPLE, done: 0, total: 3 },
      { type: 'progress', file: '/missing.txt', done: 1, total: 3 },
      { type: 'progress', file: FIXTURE, done: 2, total: 3 },
      { type: 'progress', file: FIXTURE, done: 3, total: 3 }
    ])
    // Each file's report goes out as soon as it is known, so a later crash cannot lose it.
    expect(messages.filter((m) => m.type === 'report').map((m) => m.type === 'report' && m.index)).toEqual([0, 1, 2])
    expect(library.listDigests()).toHaveLength(2)
    library.close()
  })

  it('stops between files and reports the rest as not imported', async () => {
    const library = openLibrary(':memory:')
    let imported = 0
    const reports = await runImportJob(
      library,
      [SAMPLE, FIXTURE],
      {},
      (lib, path, options) => {
        imported++
        return importSource(lib, path, options)
      },
      () => {},
      () => imported >= 1
    )
    expect(reports[0]?.ok).toBe(true)
    expect(reports[1]).toMatchObject({ ok: false, file: FIXTURE, error: { code: 'CANCELLED' } })
    expect(library.listDigests()).toHaveLength(1)
    library.close()
  })
})

class FakeWorker extends EventEmitter implements WorkerLike {
  readonly received: string[] = []
  terminated = false
  postMessage(message: 'stop'): void {
    this.received.push(message)
  }
  async terminate(): Promise<number> {
    this.terminated = true
    this.emit('exit', 1)
    return 1
  }
}

function ok(file: string): ImportFileReport {
  return {
    ok: true,
    file,
    format: 'hf-text',
    digestId: 1,
    papers: 1,
    added: 1,
    merged: 0,
    unchanged: 0,
    alreadyImported: false,
    warnings: []
  }
}

/** A runner whose workers are fakes the test drives; every spawned one is kept in `workers`. */
function runnerWithFakeWorkers() {
  const workers: FakeWorker[] = []
  const runner = createImportRunner({
    dbPath: '/lib.sqlite',
    spawn: () => {
      const worker = new FakeWorker()
      workers.push(worker)
      return worker
    },
    onProgress: () => {}
  })
  return { runner, workers }
}

describe('createImportRunner', () => {
  it('forwards progress and resolves with the worker reports', async () => {
    const workers: FakeWorker[] = []
    const jobs: ImportJobData[] = []
    const progress: unknown[] = []
    const runner = createImportRunner({
      dbPath: '/lib.sqlite',
      nativeBinding: '/x/better_sqlite3.node',
      spawn: (job) => {
        jobs.push(job)
        const worker = new FakeWorker()
        workers.push(worker)
        return worker
      },
      onProgress: (p) => progress.push(p)
    })
    const result = runner.importFiles(['/a.txt'], { sizeCapBytes: 10 })
    await new Promise((r) => setImmediate(r))
    expect(jobs).toEqual([
      {
        dbPath: '/lib.sqlite',
        sources: ['/a.txt'],
        options: { sizeCapBytes: 10 },
        nativeBinding: '/x/better_sqlite3.node'
      }
    ])
    workers[0]!.emit('message', { type: 'progress', file: '/a.txt', done: 0, total: 1 })
    workers[0]!.emit('message', { type: 'done', reports: [ok('/a.txt')] })
    workers[0]!.emit('exit', 0)
    expect(await result).toEqual([ok('/a.txt')])
    expect(progress).toEqual([{ type: 'progress', file: '/a.txt', done: 0, total: 1 }])
  })

  it('runs one batch at a time', async () => {
    const { runner, workers } = runnerWithFakeWorkers()
    const first = runner.importFiles(['/a.txt'], {})
    const second = runner.importFiles(['/b.txt'], {})
    await new Promise((r) => setImmediate(r))
    expect(workers).toHaveLength(1)
    workers[0]!.emit('message', { type: 'done', reports: [ok('/a.txt')] })
    await first
    await new Promise((r) => setImmediate(r))
    expect(workers).toHaveLength(2)
    workers[1]!.emit('message', { type: 'done', reports: [ok('/b.txt')] })
    expect(await second).toEqual([ok('/b.txt')])
  })

  it('reports every file when the worker dies, never silently: done ones as done, the culprit as crashed', async () => {
    const { runner, workers } = runnerWithFakeWorkers()
    const crashed = runner.importFiles(['/a.txt', '/b.txt', '/c.txt'], {})
    await new Promise((r) => setImmediate(r))
    workers[0]!.emit('message', { type: 'progress', file: '/a.txt', done: 0, total: 3 })
    workers[0]!.emit('message', { type: 'report', index: 0, report: ok('/a.txt') })
    workers[0]!.emit('message', { type: 'progress', file: '/b.txt', done: 1, total: 3 })
    workers[0]!.emit('error', Object.assign(new Error('heap'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))
    expect(await crashed).toEqual([
      ok('/a.txt'),
      {
        ok: false,
        file: '/b.txt',
        error: { code: 'IMPORT_CRASHED', message: '/b.txt: reading it needed more memory than an import may use' }
      },
      {
        ok: false,
        file: '/c.txt',
        error: { code: 'IMPORT_FAILED', message: '/c.txt: not imported: the import stopped at /b.txt' }
      }
    ])
    const refused = runner.importFiles(['/c.txt'], {})
    await new Promise((r) => setImmediate(r))
    workers[1]!.emit('message', { type: 'failed', message: '/lib.sqlite is not a Dogear library' })
    expect(await refused).toEqual([
      {
        ok: false,
        file: '/c.txt',
        error: { code: 'IMPORT_FAILED', message: '/c.txt: not imported: /lib.sqlite is not a Dogear library' }
      }
    ])
  })

  it('stops a file that takes longer than its time budget and says so', async () => {
    const workers: FakeWorker[] = []
    const runner = createImportRunner({
      dbPath: '/lib.sqlite',
      spawn: () => {
        workers.push(new FakeWorker())
        return workers[workers.length - 1]!
      },
      onProgress: () => {},
      budgetMs: () => 5
    })
    const slow = runner.importFiles(['/slow.txt'], {})
    await new Promise((r) => setImmediate(r))
    workers[0]!.emit('message', { type: 'progress', file: '/slow.txt', done: 0, total: 1 })
    expect(await slow).toMatchObject([{ ok: false, file: '/slow.txt', error: { code: 'TIMED_OUT' } }])
    expect(workers[0]!.terminated).toBe(true)
  })

  it('gives each worker a heap limit, so a file that needs too much memory ends the worker, not the app', () => {
    const limits: unknown[] = []
    const runner = createImportRunner({
      dbPath: '/lib.sqlite',
      spawn: (_job, workerLimits) => {
        limits.push(workerLimits)
        return new FakeWorker()
      },
      onProgress: () => {}
    })
    void runner.importFiles(['/a.txt'], {})
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(limits).toEqual([{ maxOldGenerationSizeMb: expect.any(Number) }])
        resolve()
      })
    )
  })

  it('asks the worker to stop on quit, terminates it after the grace time, and refuses new batches', async () => {
    const worker = new FakeWorker()
    const runner = createImportRunner({ dbPath: '/lib.sqlite', spawn: () => worker, onProgress: () => {} })
    const running = runner.importFiles(['/a.txt'], {})
    await new Promise((r) => setImmediate(r))
    await runner.stop(20)
    expect(worker.received).toEqual(['stop'])
    expect(worker.terminated).toBe(true)
    expect((await running)[0]).toMatchObject({ ok: false })
    expect(await runner.importFiles(['/b.txt'], {})).toMatchObject([{ ok: false, error: { code: 'CANCELLED' } }])
  })
})

describe('the import worker thread', () => {
  it('imports into the same database file while main keeps its connection open', async () => {
    const dbPath = join(tempDir(), 'library.sqlite')
    const main = openLibrary(dbPath)
    const bad = join(tempDir(), 'empty.txt')
    writeFileSync(bad, '')
    const progress: unknown[] = []
    const runner = createImportRunner({
      dbPath,
      spawn: spawnImportWorker,
      onProgress: (p) => progress.push(p)
    })
    const reports = await runner.importFiles([SAMPLE, bad], {})
    expect(reports.map((report) => report.ok)).toEqual([true, false])
    expect(reports[1]).toMatchObject({ file: bad })
    expect(progress).toHaveLength(3)
    expect(main.stats().papers).toBeGreaterThanOrEqual(5)
    // Pasted text goes through the same worker.
    const [pasted] = await runner.importSources([{ text: readFileSync(FIXTURE, 'utf8'), name: 'Clipboard' }], {})
    expect(pasted).toMatchObject({ ok: true, file: 'Clipboard' })
    main.close()
  }, 30_000)

  it("tells main once a large file's papers are in the search index, after its report", async () => {
    const dbPath = join(tempDir(), 'library.sqlite')
    const main = openLibrary(dbPath)
    const bib = join(tempDir(), 'harbours.bib')
    const count = 2_400
    writeFileSync(
      bib,
      Array.from(
        { length: count },
        (_, i) =>
          `@article{survey${i},\n  title = {Harbour Survey ${i}},\n  author = {Wren, Ada},\n  year = {2024}\n}\n`
      ).join('\n')
    )
    let indexed: () => void = () => {}
    const told = new Promise<void>((resolve) => (indexed = resolve))
    const runner = createImportRunner({
      dbPath,
      spawn: spawnImportWorker,
      onProgress: () => {},
      onIndexed: () => indexed()
    })
    expect(await runner.importFiles([bib], {})).toMatchObject([{ ok: true, added: count }])
    expect(main.listPapers({ filter: { kind: 'all' } }).total).toBe(count)
    await told
    expect(main.search({ query: 'harbour survey' }).total).toBe(count)
    expect(main.waitingForIndex()).toBe(0)
    main.close()
  }, 60_000)
})
