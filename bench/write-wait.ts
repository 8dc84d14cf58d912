// How long the reader's writes wait while another process imports a large file: a child
// process imports one Hugging Face text digest of N papers (100,000 by default) while this
// process marks papers read, saves notes and changes a setting every 50 ms, as the app would.
// Reports every write's wait (median, p95, slowest) and any write that was refused.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openLibrary } from '../src/main/library'
import { importFile } from '../src/main/ingest/pipeline'
import { median, percentile, round } from './measure'
import { writeHfDigest, type CorpusPaper } from './corpus'
import { PaperFactory, hfDigestText } from './synthetic'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const TARGET_MS = 250

function* bigPapers(factory: PaperFactory, count: number): Generator<CorpusPaper> {
  for (let i = 0; i < count; i++) yield { title: factory.title(), abstract: factory.abstract(400) }
}

export async function benchWriteWait(options: { papers: number }): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'dogear-write-wait-'))
  try {
    const db = join(dir, 'library.sqlite')
    const factory = new PaperFactory(7)
    const small = Array.from({ length: 50 }, () => factory.paper())
    writeFileSync(join(dir, 'small.txt'), hfDigestText(new Date(Date.UTC(2026, 0, 5)), small))
    // Written in pieces as the papers are made: at a million papers one string of the file
    // would be near V8's limit on a string's length.
    writeHfDigest(join(dir, 'big.txt'), '2026-01-06', bigPapers(factory, options.papers))

    const library = openLibrary(db)
    importFile(library, join(dir, 'small.txt'))
    const ids = library.listPapers({ filter: { kind: 'all' }, limit: 50 }).items.map((paper) => paper.id)
    const script = `
      import { openLibrary } from ${JSON.stringify(join(REPO, 'src/main/library/index.ts'))}
      import { importFile } from ${JSON.stringify(join(REPO, 'src/main/ingest/pipeline.ts'))}
      const library = openLibrary(${JSON.stringify(db)})
      const started = performance.now()
      const report = importFile(library, ${JSON.stringify(join(dir, 'big.txt'))}, { sizeCapBytes: 2 ** 31 })
      console.log(JSON.stringify({ ok: report.ok, papers: report.ok ? report.papers : 0, ms: performance.now() - started }))`
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    let running = true
    const exited = new Promise<void>((done) => child.on('exit', () => ((running = false), done())))

    const waits: number[] = []
    let refused = 0
    const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
    await sleep(300)
    for (let i = 0; running; i++) {
      const id = ids[i % ids.length]!
      const started = performance.now()
      try {
        if (i % 3 === 0) library.markRead([id], i % 2 === 0)
        else if (i % 3 === 1) library.saveNote(id, `note ${i}`)
        else library.updateSettings({ markReadDelaySeconds: 1 + (i % 50) })
      } catch {
        refused++
      }
      waits.push(performance.now() - started)
      await sleep(50)
    }
    await exited
    library.close()
    const imported = JSON.parse(output.trim().split('\n').pop() ?? '{}') as {
      ok?: boolean
      papers?: number
      ms?: number
    }
    const sorted = [...waits].sort((a, b) => a - b)
    return {
      includes:
        'each reader write (mark read, note, setting) in this process while a child process imports one ' +
        `${options.papers}-paper Hugging Face text file into the same library; wall time per write`,
      importedPapers: imported.papers ?? 0,
      importSeconds: round((imported.ms ?? 0) / 1000),
      writes: waits.length,
      refused,
      medianMs: round(median(sorted)),
      p95Ms: round(percentile(sorted, 95)),
      slowestMs: round(sorted[sorted.length - 1] ?? 0),
      targets: { slowestMs: { target: `< ${TARGET_MS}`, met: (sorted[sorted.length - 1] ?? 0) < TARGET_MS } }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// `npx tsx bench/write-wait.ts [--papers N]`: this bench alone.
if (process.argv[1]?.endsWith('write-wait.ts')) {
  const at = process.argv.indexOf('--papers')
  const papers = at === -1 ? 100_000 : Number(process.argv[at + 1])
  void benchWriteWait({ papers }).then((report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`))
}
