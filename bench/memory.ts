// Peak memory of an import per MB of input, per format: each file is imported by a fresh
// process (so its peak resident set is the import's alone) through importFile, the path of
// `dogear import`. Reported with the peak of a process that only loads the same modules, so
// the import's own share can be read off, and the largest file imported.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { round } from './measure'
import { MEMORY_INPUTS } from './memory-inputs'

const REPO = fileURLToPath(new URL('..', import.meta.url))

interface MemoryCase {
  name: string
  includes: string
  inputMb: number
  papers: number
  peakRssMb: number
  peakRssPerInputMb: number
  importOwnMbPerInputMb: number
  seconds: number
}

function runChild(script: string): { maxRssKb: number; stdout: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 1 << 20
  })
  if (child.status !== 0) throw new Error(`memory bench child failed: ${child.stderr}`)
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as { maxRssKb: number }
  return { maxRssKb: result.maxRssKb, stdout: child.stdout }
}

const LOAD_ONLY = `
import { openLibrary } from ${JSON.stringify(join(REPO, 'src/main/library/index.ts'))}
import { importFile } from ${JSON.stringify(join(REPO, 'src/main/ingest/pipeline.ts'))}
void importFile; openLibrary(':memory:').close()
console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }))`

function importScript(db: string, file: string): string {
  return `
import { openLibrary } from ${JSON.stringify(join(REPO, 'src/main/library/index.ts'))}
import { importFile } from ${JSON.stringify(join(REPO, 'src/main/ingest/pipeline.ts'))}
const library = openLibrary(${JSON.stringify(db)})
const started = performance.now()
const report = importFile(library, ${JSON.stringify(file)}, { sizeCapBytes: 2 ** 31 })
if (!report.ok) throw new Error(report.error.message)
library.close()
console.log(JSON.stringify({ papers: report.papers, seconds: (performance.now() - started) / 1000,
  maxRssKb: process.resourceUsage().maxRSS }))`
}

export interface MemoryOptions {
  /** Size of each format's file. */
  megabytes: number
  /** Only these formats (names of MEMORY_INPUTS). */
  only?: string[]
}

export async function benchMemory(dir: string, options: MemoryOptions): Promise<Record<string, unknown>> {
  const baselineMb = runChild(LOAD_ONLY).maxRssKb / 1024
  const cases: MemoryCase[] = []
  for (const input of MEMORY_INPUTS.filter((each) => !options.only || options.only.includes(each.name))) {
    const file = join(dir, `memory-${input.name}${input.extension}`)
    const db = join(dir, `memory-${input.name}.sqlite`)
    input.write(file, options.megabytes)
    const inputMb = statSync(file).size / 2 ** 20
    const run = runChild(importScript(db, file))
    const { papers, seconds } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { papers: number; seconds: number }
    const peakRssMb = run.maxRssKb / 1024
    cases.push({
      name: input.name,
      includes: input.includes,
      inputMb: round(inputMb),
      papers,
      peakRssMb: round(peakRssMb),
      peakRssPerInputMb: round(peakRssMb / inputMb),
      importOwnMbPerInputMb: round((peakRssMb - baselineMb) / inputMb),
      seconds: round(seconds)
    })
    process.stderr.write(`memory: ${JSON.stringify(cases[cases.length - 1])}\n`)
    for (const path of [file, db, `${db}-wal`, `${db}-shm`]) rmSync(path, { force: true })
  }
  const largest = cases.reduce<MemoryCase | null>(
    (big, each) => (!big || each.inputMb > big.inputMb ? each : big),
    null
  )
  return {
    includes:
      'peak resident set (maxRSS) of a fresh process importing one file into a new library through importFile; ' +
      'importOwn subtracts the peak of a process that only loads the same modules',
    baselineRssMb: round(baselineMb),
    largestFile: largest ? { name: largest.name, inputMb: largest.inputMb, papers: largest.papers } : null,
    cases
  }
}

// `npx tsx bench/memory.ts [MB] [format,...]`: this area alone, e.g. one large file.
if (process.argv[1]?.endsWith('memory.ts')) {
  const dir = mkdtempSync(join(tmpdir(), 'dogear-memory-'))
  const megabytes = Number(process.argv[2] ?? 16)
  const only = process.argv[3]?.split(',')
  void benchMemory(dir, { megabytes, ...(only ? { only } : {}) })
    .then((report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`))
    .finally(() => rmSync(dir, { recursive: true, force: true }))
}
