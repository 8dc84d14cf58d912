// A large file is written in chunks, each its own short transaction, so the reader's writes
// wait at most one chunk instead of the whole file. It stays whole-or-nothing: the digest is
// recorded as pending while its chunks go in, every existing paper a chunk changes is saved
// first (its row as it was), and a file that fails, or whose process died, is undone: its
// entries removed, the saved rows put back, the papers it added deleted (unless another
// digest lists them meanwhile). Finishing the file removes the pending mark in one statement.
import { hostname } from 'node:os'
import { threadId } from 'node:worker_threads'
import type { Db, Statements } from './connection'
import { takeBackAdditions } from './import-additions'
import { resumeMergingUnlessImporting } from './index-merging'
import { unindexSql } from './search-backlog'

/** A pending import whose heartbeat is older than this is dead even if its process lives on. */
export const STALE_AFTER_MS = 120_000

/** Who writes: this host, process and thread. */
export function importOwner(): string {
  return `${hostname()}:${process.pid}:${threadId}`
}

const STORED_COLUMNS = `title, title_key, authors, abstract, snippet, arxiv_id, arxiv_version, doi, links,
  published_at, venue, has_code, digest_date, first_digest_id, first_position, updated_at`

export function beginPending(statements: Statements, digestId: number, nowMs: number): void {
  statements
    .get('INSERT INTO pending_imports (digest_id, owner, heartbeat_ms) VALUES (?, ?, ?)')
    .run(digestId, importOwner(), nowMs)
}

export function heartbeat(statements: Statements, digestId: number, nowMs: number): void {
  statements.get('UPDATE pending_imports SET heartbeat_ms = ? WHERE digest_id = ?').run(nowMs, digestId)
}

/** Saves an existing paper's row before the pending import first changes it. */
export function saveRowBefore(statements: Statements, digestId: number, paperId: number): void {
  statements
    .get(
      `INSERT OR IGNORE INTO pending_import_undo (digest_id, paper_id, row)
       SELECT ?, id, json_object(${jsonPairs()}) FROM papers WHERE id = ?`
    )
    .run(digestId, paperId)
}

export function finishPending(statements: Statements, digestId: number): void {
  statements.get('DELETE FROM pending_import_undo WHERE digest_id = ?').run(digestId)
  statements.get('DELETE FROM pending_imports WHERE digest_id = ?').run(digestId)
  resumeMergingUnlessImporting(statements)
}

function jsonPairs(): string {
  // Built from the constant column list above: no input reaches this SQL.
  return (
    STORED_COLUMNS.split(',')
      .map((column) => column.trim())
      // The JSON copy holds the abstract's text (a BLOB has no JSON form); it goes back stored.
      .map((column) => (column === 'abstract' ? `'abstract', abstract_text(abstract)` : `'${column}', ${column}`))
      .join(', ')
  )
}

const INDEXED = 'title, authors, abstract, note'

function unindex(statements: Statements, paperId: number): void {
  statements.get(unindexSql('= ?')).run(paperId)
}

function index(statements: Statements, paperId: number): void {
  statements
    .get(`INSERT INTO paper_search(rowid, ${INDEXED}) SELECT id, ${INDEXED} FROM paper_search_source WHERE id = ?`)
    .run(paperId)
}

/** Puts back the rows the import changed. */
function restoreSavedRows(statements: Statements, digestId: number): void {
  const saved = statements
    .get('SELECT paper_id FROM pending_import_undo WHERE digest_id = ?')
    .pluck()
    .all(digestId) as number[]
  const assignments = STORED_COLUMNS.split(',')
    .map((column) => column.trim())
    .map(
      (column) => `${column} = ${column === 'abstract' ? 'stored_abstract' : ''}(json_extract(u.row, '$.${column}'))`
    )
    .join(', ')
  const restore = statements.get(
    `UPDATE papers SET ${assignments}
     FROM pending_import_undo u WHERE u.digest_id = ? AND u.paper_id = papers.id AND papers.id = ?`
  )
  for (const paperId of saved) {
    unindex(statements, paperId)
    restore.run(digestId, paperId)
    index(statements, paperId)
  }
}

/** Papers the import added: its first digest is this one and no row was saved for them. */
function removeAddedPapers(statements: Statements, digestId: number): void {
  const added = statements
    .get(
      `SELECT id FROM papers WHERE first_digest_id = ?
         AND id NOT IN (SELECT paper_id FROM pending_import_undo WHERE digest_id = ?)`
    )
    .pluck()
    .all(digestId, digestId) as number[]
  const firstOther = statements.get(
    `SELECT d.day, e.digest_id, e.position FROM digest_entries e JOIN digests d ON d.id = e.digest_id
     WHERE e.paper_id = ? ORDER BY d.day, d.id LIMIT 1`
  )
  for (const paperId of added) {
    const other = firstOther.get(paperId) as { day: string; digest_id: number; position: number } | undefined
    if (other) {
      // Another digest imported meanwhile lists it too: it stays, that digest becomes its first.
      statements
        .get('UPDATE papers SET digest_date = ?, first_digest_id = ?, first_position = ? WHERE id = ?')
        .run(other.day, other.digest_id, other.position, paperId)
      continue
    }
    unindex(statements, paperId)
    statements.get('DELETE FROM papers WHERE id = ?').run(paperId)
  }
}

/** Takes a pending import back out whole. Runs in one write transaction. */
export function undoPendingImport(db: Db, statements: Statements, digestId: number): void {
  db.transaction(() => {
    const listed = statements
      .get('SELECT paper_id FROM digest_entries WHERE digest_id = ?')
      .pluck()
      .all(digestId) as number[]
    statements.get('DELETE FROM digest_entries WHERE digest_id = ?').run(digestId)
    // Versions this digest showed first, and the digest counts it raised, go back too.
    statements.get('DELETE FROM paper_versions WHERE digest_id = ?').run(digestId)
    const recount = statements.get(
      'UPDATE papers SET digest_count = max(1, (SELECT count(*) FROM digest_entries e WHERE e.paper_id = papers.id)) WHERE id = ?'
    )
    for (const paperId of listed) recount.run(paperId)
    restoreSavedRows(statements, digestId)
    const taken = takeBackAdditions(statements, digestId)
    if (taken.some((addition) => addition.kind === 'tag'))
      statements.get('DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.tag_id = tags.id)').run()
    removeAddedPapers(statements, digestId)
    finishPending(statements, digestId)
    statements.get('DELETE FROM digests WHERE id = ?').run(digestId)
  }).immediate()
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether the writer of a pending import is gone: its process ended, or it stopped beating. */
export function isDead(owner: string, heartbeatMs: number, nowMs: number): boolean {
  if (nowMs - heartbeatMs > STALE_AFTER_MS) return true
  const [host, pid] = owner.split(':')
  if (host !== hostname()) return false
  return !processAlive(Number(pid))
}

/** Undoes every pending import whose writer is gone (a crash, kill -9, power loss). */
export function recoverDeadImports(db: Db, statements: Statements, nowMs: number): number {
  const pending = statements.get('SELECT digest_id, owner, heartbeat_ms FROM pending_imports').all() as {
    digest_id: number
    owner: string
    heartbeat_ms: number
  }[]
  let undone = 0
  for (const row of pending) {
    if (!isDead(row.owner, row.heartbeat_ms, nowMs)) continue
    undoPendingImport(db, statements, row.digest_id)
    undone++
  }
  return undone
}
