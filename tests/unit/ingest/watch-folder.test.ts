import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportFileReport } from '../../../src/shared/model'
import {
  createFolderWatcher,
  freeName,
  IMPORTING_MARKER,
  isCandidateName,
  observe,
  type FolderWatcher
} from '../../../src/main/ingest/watch-folder'
import { importFile } from '../../../src/main/ingest/pipeline'
import { notImported } from '../../../src/main/ingest/reports'
import { openLibrary } from '../../../src/main/library'
import type { Library } from '../../../src/main/library/contract'

const SAMPLE = resolve(__dirname, '../../../resources/sample-digest.txt')

describe('isCandidateName', () => {
  it('skips hidden files and files still being downloaded or edited', () => {
    for (const name of [
      '.DS_Store',
      '.digest.txt.swp',
      'papers.txt.crdownload',
      'feed.xml.part',
      'notes.md~',
      '~$list.docx',
      'x.tmp'
    ]) {
      expect(isCandidateName(name), name).toBe(false)
    }
    for (const name of ['daily-papers.txt', 'arxiv.eml', 'refs.bib', 'Feed.XML', 'no-extension']) {
      expect(isCandidateName(name), name).toBe(true)
    }
  })
})

describe('observe', () => {
  it('waits until a file keeps its size for the stable time', () => {
    let state = observe(new Map(), [{ name: 'a.txt', size: 10, mtimeMs: 1 }], 0, 1500)
    expect(state.ready).toEqual([])
    state = observe(state.seen, [{ name: 'a.txt', size: 20, mtimeMs: 2 }], 1000, 1500)
    expect(state.ready).toEqual([])
    state = observe(state.seen, [{ name: 'a.txt', size: 20, mtimeMs: 2 }], 2000, 1500)
    expect(state.ready).toEqual([])
    state = observe(state.seen, [{ name: 'a.txt', size: 20, mtimeMs: 2 }], 2500, 1500)
    expect(state.ready).toEqual(['a.txt'])
  })

  it('forgets files that went away, and waits long for empty ones', () => {
    let state = observe(
      new Map(),
      [
        { name: 'gone.txt', size: 5, mtimeMs: 1 },
        { name: 'empty.txt', size: 0, mtimeMs: 1 }
      ],
      0,
      1000
    )
    state = observe(state.seen, [{ name: 'empty.txt', size: 0, mtimeMs: 1 }], 5000, 1000)
    expect([...state.seen.keys()]).toEqual(['empty.txt'])
    expect(state.ready).toEqual([])
    expect(observe(state.seen, [{ name: 'empty.txt', size: 0, mtimeMs: 1 }], 20_000, 1000).ready).toEqual(['empty.txt'])
  })
})

describe('freeName', () => {
  it('never overwrites a file already in done/', () => {
    const taken = new Set(['digest.txt', 'digest (2).txt', 'README'])
    expect(freeName('new.txt', (n) => taken.has(n))).toBe('new.txt')
    expect(freeName('digest.txt', (n) => taken.has(n))).toBe('digest (3).txt')
    expect(freeName('README', (n) => taken.has(n))).toBe('README (2)')
  })
})

describe('createFolderWatcher', () => {
  let dir: string
  let library: Library
  let clock: number
  let reports: ImportFileReport[][]
  let watcher: FolderWatcher

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dogear-watch-'))
    library = openLibrary(':memory:')
    clock = 0
    reports = []
    watcher = createFolderWatcher({
      folder: dir,
      importFile: async (path) => importFile(library, path),
      onReports: (batch) => reports.push(batch),
      stableMs: 1000,
      now: () => clock
    })
  })
  afterEach(async () => {
    await watcher.stop()
    library.close()
    rmSync(dir, { recursive: true, force: true })
  })

  async function scanAt(time: number): Promise<void> {
    clock = time
    await watcher.scan()
  }

  it('imports a saved digest once and moves it into done/', async () => {
    writeFileSync(join(dir, 'monday.txt'), readFileSync(SAMPLE))
    await scanAt(0)
    expect(library.stats().papers).toBe(0)
    await scanAt(1500)
    expect(library.stats().papers).toBeGreaterThanOrEqual(5)
    expect(readdirSync(dir).sort()).toEqual(['done'])
    expect(readdirSync(join(dir, 'done'))).toEqual(['monday.txt'])
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject([{ ok: true, file: join(dir, 'monday.txt'), format: 'hf-text' }])
    await scanAt(5000)
    await scanAt(9000)
    expect(reports).toHaveLength(1)
    expect(library.listDigests()).toHaveLength(1)
  })

  it('moves a file it cannot read into failed/ and reports the error', async () => {
    writeFileSync(join(dir, 'garbage.bin'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 254, 0, 7, 0]))
    await scanAt(0)
    await scanAt(1500)
    expect(readdirSync(join(dir, 'failed'))).toEqual(['garbage.bin'])
    expect(reports).toHaveLength(1)
    expect(reports[0]?.[0]).toMatchObject({ ok: false, file: join(dir, 'garbage.bin') })
    expect(library.stats().papers).toBe(0)
  })

  it('quarantines a file whose import never finished (the app died on it) instead of trying it again', async () => {
    writeFileSync(join(dir, 'bomb.bib'), '@string{a = "x"}\n')
    // What an import that took the app down leaves behind: the marker naming its file.
    writeFileSync(join(dir, IMPORTING_MARKER), 'bomb.bib')
    await scanAt(0)
    await scanAt(1500)
    expect(readdirSync(dir)).toEqual(['failed'])
    expect(readdirSync(join(dir, 'failed')).sort()).toEqual(['bomb.bib', 'bomb.bib.error.txt'])
    expect(readFileSync(join(dir, 'failed', 'bomb.bib.error.txt'), 'utf8')).toMatch(/Dogear stopped while importing/)
    expect(reports).toEqual([
      [{ ok: false, file: join(dir, 'bomb.bib'), error: { code: 'IMPORT_CRASHED', message: expect.any(String) } }]
    ])
    expect(library.stats().papers).toBe(0)
  })

  it('moves a file that crashed or timed out the import worker into failed/ with its error beside it', async () => {
    await watcher.stop()
    watcher = createFolderWatcher({
      folder: dir,
      importFile: async (path) => notImported(path, 'TIMED_OUT', `${path}: reading it took longer than 61 s`),
      onReports: (batch) => reports.push(batch),
      stableMs: 1000,
      now: () => clock
    })
    writeFileSync(join(dir, 'slow.txt'), readFileSync(SAMPLE))
    await scanAt(0)
    await scanAt(1500)
    expect(readdirSync(join(dir, 'failed')).sort()).toEqual(['slow.txt', 'slow.txt.error.txt'])
    expect(readFileSync(join(dir, 'failed', 'slow.txt.error.txt'), 'utf8')).toMatch(/took longer than 61 s/)
    expect(existsSync(join(dir, IMPORTING_MARKER))).toBe(false)
  })

  it('leaves a file alone while it is still growing, and partial downloads always', async () => {
    const growing = join(dir, 'feed.txt')
    writeFileSync(growing, readFileSync(SAMPLE).subarray(0, 100))
    writeFileSync(join(dir, 'next.txt.crdownload'), 'half a file')
    await scanAt(0)
    writeFileSync(growing, readFileSync(SAMPLE))
    await scanAt(1500)
    expect(reports).toEqual([])
    await scanAt(3000)
    expect(reports).toHaveLength(1)
    expect(existsSync(join(dir, 'next.txt.crdownload'))).toBe(true)
  })

  it('keeps both files when done/ already has one with the same name', async () => {
    mkdirSync(join(dir, 'done'))
    writeFileSync(join(dir, 'done', 'daily.txt'), 'an older one')
    writeFileSync(join(dir, 'daily.txt'), readFileSync(SAMPLE))
    await scanAt(0)
    await scanAt(1500)
    expect(readdirSync(join(dir, 'done')).sort()).toEqual(['daily (2).txt', 'daily.txt'])
  })

  it('says once, not every few seconds, that the folder cannot be read', async () => {
    rmSync(dir, { recursive: true, force: true })
    await scanAt(0)
    await scanAt(2000)
    expect(reports).toHaveLength(1)
    expect(reports[0]?.[0]).toMatchObject({ ok: false, file: dir, error: { code: 'WATCH_FAILED' } })
    if (reports[0]?.[0] && !reports[0][0].ok)
      expect(reports[0][0].error.message).toContain('Cannot read the watched folder')
  })

  it('polls on its own once started, until stopped', async () => {
    const live = createFolderWatcher({
      folder: dir,
      importFile: async (path) => importFile(library, path),
      onReports: (batch) => reports.push(batch),
      intervalMs: 10,
      stableMs: 0
    })
    writeFileSync(join(dir, 'tuesday.txt'), readFileSync(SAMPLE))
    live.start()
    for (let i = 0; i < 200 && reports.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
    await live.stop()
    expect(reports).toHaveLength(1)
    writeFileSync(join(dir, 'wednesday.txt'), 'written after stopping')
    await new Promise((r) => setTimeout(r, 50))
    expect(existsSync(join(dir, 'wednesday.txt'))).toBe(true)
  })
})
