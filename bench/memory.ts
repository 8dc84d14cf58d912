// Peak memory of an import per MB of input: each file is imported by a fresh process (so
// its peak resident set is the import's alone) through importFile, the path of `dogear
// import`. Reported with the peak of a process that only loads the same modules, so the
// import's own share can be read off.
import { spawnSync } from 'node:child_process'
import { statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { round } from './measure'
import { PaperFactory, hfDigestText } from './synthetic'

const REPO = resolve(__dirname, '..')

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

/** Tiny BibTeX entries (the worst case: many small objects per byte). */
function tinyBibtex(count: number): string {
  const lines: string[] = []
  for (let i = 0; i < count; i++) lines.push(`@misc{k${i}, title = {Gravel Lattice ${i}}, author = {Ima Inventor}}`)
  return `${lines.join('\n')}\n`
}

function hfText(count: number): string {
  const factory = new PaperFactory(99)
  return hfDigestText(
    new Date(Date.UTC(2024, 0, 20)),
    Array.from({ length: count }, () => factory.paper())
  )
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

export async function benchMemory(dir: string, scale = 1): Promise<Record<string, unknown>> {
  const baselineMb = runChild(LOAD_ONLY).maxRssKb / 1024
  const inputs = [
    {
      name: 'bibtexTiny',
      includes: 'tiny @misc entries (title, author)',
      text: tinyBibtex(Math.round(200_000 * scale))
    },
    {
      name: 'hfText',
      includes: 'Hugging Face text digest, ~1.5 kB abstracts',
      text: hfText(Math.round(15_000 * scale))
    }
  ]
  const cases: MemoryCase[] = []
  for (const input of inputs) {
    const file = join(dir, `memory-${input.name}.txt`)
    writeFileSync(file, input.text)
    const inputMb = statSync(file).size / 2 ** 20
    const run = runChild(importScript(join(dir, `memory-${input.name}.sqlite`), file))
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
  }
  return {
    includes:
      'peak resident set (maxRSS) of a fresh process importing one file into a new library through importFile; ' +
      'importOwn subtracts the peak of a process that only loads the same modules',
    baselineRssMb: round(baselineMb),
    cases
  }
}
