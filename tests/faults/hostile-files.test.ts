// Files that used to kill the process or be misread, generated here (never committed): each is
// refused or read with a clear message, through the command line and through the import worker.
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createImportRunner } from '../../src/main/ingest/import-runner'
import { openLibrary } from '../../src/main/library'
import { REPO, scratchFolder } from './processes'

const DOGEAR = join(REPO, 'bin/dogear.js')
const WORKER = resolve(REPO, 'src/main/ingest/import-worker.ts')
const TS_BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
  pathToFileURL(WORKER).href
)}) })`

function dogear(args: string[]) {
  const run = spawnSync(process.execPath, [DOGEAR, ...args], { encoding: 'utf8', timeout: 120_000 })
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr }
}

/** A 1 KB BibTeX file whose 24 @string macros each join the previous one twice (gigabytes if expanded). */
function macroBomb(): string {
  let text = `@string{m0 = "${'gravel '.repeat(50)}"}\n`
  for (let level = 1; level <= 24; level++) text += `@string{m${level} = m${level - 1} # m${level - 1}}\n`
  return `${text}@article{bomb, title = m24, author = {Ima Inventor}}\n`
}

describe('hostile files', () => {
  it('a BibTeX macro bomb: the command line says so and exits 1 (no abort), the library untouched', () => {
    const folder = scratchFolder()
    const bomb = join(folder, 'bomb.bib')
    writeFileSync(bomb, macroBomb())
    const db = join(folder, 'library.sqlite')
    const run = dogear(['import', bomb, '--db', db])
    expect(run.signal).toBeNull()
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/bomb\.bib:\d+: the string "m\d+" in field "m\d+" expands to more than 1 MB of text/)
    const library = openLibrary(db)
    expect(library.stats().papers).toBe(0)
    library.close()
  }, 120_000)

  it('a BibTeX macro bomb and a pasted one through the import worker: reports, not a dead app', async () => {
    const folder = scratchFolder()
    const bomb = join(folder, 'bomb.bib')
    writeFileSync(bomb, macroBomb())
    const dbPath = join(folder, 'library.sqlite')
    openLibrary(dbPath).close()
    const runner = createImportRunner({
      dbPath,
      spawn: (job, resourceLimits) => new Worker(TS_BOOT, { eval: true, workerData: job, resourceLimits }),
      onProgress: () => {}
    })
    const reports = await runner.importSources([bomb, { text: macroBomb(), name: 'Clipboard' }], {})
    expect(reports).toMatchObject([
      { ok: false, file: bomb, error: { code: 'TOO_LARGE' } },
      { ok: false, file: 'Clipboard', error: { code: 'TOO_LARGE' } }
    ])
  }, 120_000)

  it('a 600 MB file is refused before it is read, whatever the size cap says', () => {
    const folder = scratchFolder()
    const huge = join(folder, 'huge.txt')
    // Sparse: 600 MB long, almost nothing on disk.
    const fd = openSync(huge, 'w')
    ftruncateSync(fd, 600 * 1024 * 1024)
    closeSync(fd)
    const db = join(folder, 'library.sqlite')
    expect(dogear(['import', joinSample(), '--db', db]).code).toBe(0)
    const settings = new Database(db)
    settings.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('importSizeCapMb', '1024')").run()
    settings.close()
    const run = dogear(['import', huge, '--db', db])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `dogear: ${huge}: the file is 600 MB; Dogear reads files up to 500 MB (split it into smaller files)\n`
    )
  }, 120_000)

  it('a UTF-8 file cut off mid-character imports as UTF-8, with a warning naming the line', () => {
    const folder = scratchFolder()
    const text = readFileSync(joinSample(), 'utf8').replace(/\n*$/, '\nJürgen Müller wrote about Schrödinger ∑')
    const bytes = Buffer.from(text, 'utf8')
    const cut = join(folder, 'cut.txt')
    writeFileSync(cut, bytes.subarray(0, bytes.length - 2))
    const run = dogear(['import', cut, '--db', join(folder, 'library.sqlite'), '--json'])
    expect(run.code).toBe(0)
    const [report] = JSON.parse(run.stdout)
    expect(report.warnings).toContainEqual({
      line: expect.any(Number),
      message: expect.stringMatching(/ends in the middle of a character/)
    })
    expect(run.stdout).not.toMatch(/JÃ¼rgen/)
  }, 120_000)

  it("another application's database: refused by the command line, byte for byte unchanged, nothing beside it", () => {
    const folder = scratchFolder()
    const theirs = join(folder, 'theirs.sqlite')
    const other = new Database(theirs)
    other.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')")
    other.close()
    const before = readFileSync(theirs)
    const run = dogear(['stats', '--db', theirs])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/is a SQLite database, but not a Dogear library\. Nothing was changed in it\./)
    expect(readFileSync(theirs).equals(before)).toBe(true)
    expect(execFileSync('ls', [folder], { encoding: 'utf8' }).trim()).toBe('theirs.sqlite')
  }, 60_000)
})

function joinSample(): string {
  return join(REPO, 'resources/sample-digest.txt')
}
