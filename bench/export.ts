// Export and backup of the big library: every format written to a file through the same path
// `dogear export --out` takes (batches of 500 from one read transaction, written in 1 MB
// pieces), one Markdown file per paper for a slice, and `dogear backup` (online backup + verify).
import { mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO } from '../src/shared/export'
import { exportToFile, exportToFolder } from '../src/main/export/output'
import { progress, round } from './measure'
import type { BenchContext } from './registry'

const PER_PAPER_SLICE = 2_000
/** Papers exported per format: the newest this many (a million would take 16 minutes in all). */
const EXPORT_PAPERS = 100_000

function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024)
}

export async function benchExport(context: BenchContext): Promise<Record<string, unknown>> {
  const meta = { exportedAt: new Date().toISOString(), title: 'All papers' }
  const formats: Record<string, unknown> = {}
  const top = context.papers
  const selection =
    top <= EXPORT_PAPERS
      ? { filter: { kind: 'all' as const } }
      : { ids: Array.from({ length: EXPORT_PAPERS }, (_, i) => top - i) }
  for (const format of EXPORT_FORMATS) {
    progress(`export: ${format}`)
    const path = join(context.dir, `export${EXPORT_FORMAT_INFO[format].extensions[0]}`)
    const heapBefore = process.memoryUsage().heapUsed
    const started = performance.now()
    const outcome = exportToFile(context.library, { format, selection, meta }, path)
    const ms = performance.now() - started
    formats[format] = {
      papers: outcome.papers,
      ms: round(ms),
      papersPerSecond: round(outcome.papers / (ms / 1000)),
      megabytes: round(statSync(path).size / 1e6),
      heapGrowthMb: round((process.memoryUsage().heapUsed - heapBefore) / 1e6)
    }
    rmSync(path)
  }
  return {
    papers: context.papers,
    formats,
    perPaper: perPaperSlice(context, meta),
    backup: await backup(context),
    peakRssMb: peakRssMb(),
    includes:
      `exportToFile of every paper (past ${EXPORT_PAPERS}: the newest ${EXPORT_PAPERS} by id) per format ` +
      '(rows in batches of 500, the writer, 1 MB writes, rename); ' +
      `per-paper Markdown for the first ${PER_PAPER_SLICE} ids; library.backup (SQLite online backup, quick_check and row counts)`
  }
}

function perPaperSlice(context: BenchContext, meta: { exportedAt: string; title: string }): Record<string, unknown> {
  progress(`export: ${PER_PAPER_SLICE} per-paper files`)
  const folder = join(context.dir, 'vault')
  mkdirSync(folder, { recursive: true })
  const ids = Array.from({ length: Math.min(PER_PAPER_SLICE, context.papers) }, (_, i) => i + 1)
  const started = performance.now()
  const outcome = exportToFolder(context.library, { selection: { ids }, meta }, folder)
  const ms = performance.now() - started
  rmSync(folder, { recursive: true, force: true })
  return {
    files: outcome.files?.written ?? 0,
    ms: round(ms),
    filesPerSecond: round((outcome.files?.written ?? 0) / (ms / 1000))
  }
}

async function backup(context: BenchContext): Promise<Record<string, unknown>> {
  progress('export: backup')
  const target = join(context.dir, 'backup.sqlite')
  const result = await context.library.backup(target)
  rmSync(target, { force: true })
  return { papers: result.papers, ms: result.ms, megabytes: round(result.bytes / 1e6) }
}
