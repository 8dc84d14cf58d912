// The raw-bound side of the import ratio: the same parsed rows written into a fresh library
// file (same schema, same pragmas, the same import cache size) with plain prepared statements in
// one transaction, and the FTS index filled from its source view with one INSERT ... SELECT.
// No dedupe lookups, no merging: what writing these rows costs at the least.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { DigestMeta, ParsedPaper } from '../src/main/import/types'
import { titleKey, collapseWhitespace } from '../src/main/import/normalize'
import { openLibrary } from '../src/main/library'
import { openConnection, withImportCache } from '../src/main/library/connection'
import { timeMs } from './measure'

/**
 * The bound of one file's parsed rows, timed with the FTS fill (`ms`) and without it (`rowsMs`),
 * each written into a fresh library in `dir` that is removed afterwards.
 */
export function timeRawBound(
  dir: string,
  digest: DigestMeta,
  entries: readonly ParsedPaper[]
): { ms: number; rowsMs: number } {
  const timeInto = (name: string, index: boolean): number => {
    const path = join(dir, name)
    openLibrary(path).close()
    try {
      return timeMs(() => rawBoundInsert(path, digest, entries, { index })).ms
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
    }
  }
  return { ms: timeInto('raw.sqlite', true), rowsMs: timeInto('raw-rows.sqlite', false) }
}

/** `index: false` leaves the FTS fill out, to show what the search index costs of the bound. */
export function rawBoundInsert(
  path: string,
  digest: DigestMeta,
  entries: readonly ParsedPaper[],
  options: { index?: boolean } = {}
): void {
  const db = openConnection(path)
  try {
    const now = new Date().toISOString()
    const day = digest.dateFrom ?? now.slice(0, 10)
    const insertDigest = db.prepare(
      `INSERT INTO digests (title, format, file_name, content_hash, date_from, date_to, day, imported_at)
       VALUES (?, 'hf-text', 'raw', ?, ?, ?, ?, ?)`
    )
    const insertPaper = db.prepare(
      `INSERT INTO papers (title, title_key, authors, abstract, snippet, arxiv_id, arxiv_version, doi, links,
         published_at, venue, has_code, digest_date, first_digest_id, first_position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const insertState = db.prepare('INSERT INTO paper_state (paper_id) VALUES (?)')
    const insertEntry = db.prepare('INSERT INTO digest_entries (digest_id, position, paper_id) VALUES (?, ?, ?)')
    const write = db.transaction(() => {
      const digestId = Number(
        insertDigest.run(digest.title, 'f'.repeat(64), digest.dateFrom, digest.dateTo, day, now).lastInsertRowid
      )
      entries.forEach((entry, index) => {
        const title = collapseWhitespace(entry.title)
        const id = Number(
          insertPaper.run(
            title,
            titleKey(title),
            JSON.stringify(entry.authors),
            entry.abstract,
            entry.snippet,
            entry.arxivId,
            entry.arxivVersion,
            entry.doi,
            JSON.stringify(entry.links),
            entry.publishedAt,
            entry.venue,
            entry.links.some((link) => link.kind === 'code') ? 1 : 0,
            day,
            digestId,
            index + 1,
            now,
            now
          ).lastInsertRowid
        )
        insertState.run(id)
        insertEntry.run(digestId, index + 1, id)
      })
      if (options.index !== false) {
        db.prepare(
          `INSERT INTO paper_search (rowid, title, authors, abstract, note)
           SELECT id, title, authors, abstract, note FROM paper_search_source`
        ).run()
      }
      db.prepare('UPDATE digests SET paper_count = ? WHERE id = ?').run(entries.length, digestId)
    })
    withImportCache(db, entries.length, write)
  } finally {
    db.close()
  }
}
