// Importing the digest files other devices added, through the normal importer, from a copy
// named and dated as on that device.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importFile } from '../ingest/pipeline'
import { digestPath, readCapped } from './folder-files'
import type { Run } from './folder-run'

export function importWantedDigests(run: Run, sizeCap: number): void {
  const wanted = run.store.wantedDigests()
  if (wanted.length === 0) return
  const work = mkdtempSync(join(tmpdir(), 'dogear-sync-'))
  try {
    for (const digest of wanted) {
      const source = digestPath(run.folder, digest.hash, digest.fileName)
      const read = readCapped(source, sizeCap)
      if (!read.ok || createHash('sha256').update(read.bytes).digest('hex') !== digest.hash) {
        run.report.digestsWaiting++
        continue
      }
      // A copy named as on the other device, dated as there: year-less dates read the same.
      const dir = join(work, digest.hash)
      mkdirSync(dir)
      const copy = join(dir, digest.fileName)
      writeFileSync(copy, read.bytes)
      const modified = new Date(digest.modifiedAt)
      utimesSync(copy, modified, modified)
      const result = importFile(run.library, copy, {
        format: digest.format as never,
        date: digest.date,
        sizeCapBytes: sizeCap,
        indexLater: true
      })
      if (result.ok) {
        run.store.markDigest(digest.hash, 'imported', null)
        run.report.digestsImported++
      } else {
        run.store.markDigest(digest.hash, 'failed', result.error.message)
        run.report.problems.push(
          `The digest ${digest.fileName} from another device could not be imported: ${result.error.message}`
        )
      }
    }
    // The search index of large files' papers and the merging they paused, as after any import.
    run.library.finishImports()
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
