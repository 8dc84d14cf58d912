// Where the library's bytes go: the file and its WAL, and the file's pages by table and index
// (SQLite's dbstat), each per paper, grouped as the size target reads them.
import { statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { round } from './measure'

function fileBytes(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/** The group a table or index of the schema counts under. */
function groupOf(name: string): string {
  if (name === 'papers') return 'papers'
  if (name.startsWith('paper_search')) return 'searchIndex'
  if (name.startsWith('papers_')) return 'paperIndexes'
  if (name.startsWith('paper_merges')) return 'merges'
  return 'other'
}

export function sizeOnDisk(path: string, papers: number) {
  const file = fileBytes(path)
  const wal = fileBytes(`${path}-wal`)
  const db = new Database(path, { readonly: true })
  const byGroup: Record<string, number> = {}
  try {
    const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as {
      name: string
      bytes: number
    }[]
    for (const row of rows) byGroup[groupOf(row.name)] = (byGroup[groupOf(row.name)] ?? 0) + row.bytes
  } finally {
    db.close()
  }
  const perPaper = (bytes: number): number => round(bytes / papers)
  return {
    mb: round((file + wal) / 2 ** 20),
    bytesPerPaper: perPaper(file + wal),
    walBytesPerPaper: perPaper(wal),
    bytesPerPaperBy: Object.fromEntries(Object.entries(byGroup).map(([group, bytes]) => [group, perPaper(bytes)])),
    includes:
      'the library file and its WAL after the build and every area (abstracts of ~1.5 KB); bytesPerPaperBy: ' +
      "the file's pages by table (papers; the FTS index; the papers' sort and lookup " +
      'indexes; merge records; everything else)'
  }
}
