// A saved search as a list (the `savedSearch` filter kind): the papers its query holds, newest
// first and at most HITS_CAP of them, kept in a per-connection TEMP table so that the one filter
// table's SQL (listing, keyset pages, counts, search within it, "mark all read") reads them like
// any other list. Kept up to date the way the unread counts are: after an import only the new
// papers are matched, after reading changes only the papers that changed (one seek each).
import { parseQuery, upgradeQuery, type QueryNode } from '../../shared/query'
import type { Db, Statements } from './connection'
import { holdsPaper, matchingIds } from './search'
import { INDEXED_THROUGH_SQL } from './search-backlog'

/**
 * Papers a saved search lists: the newest this many of its matches ("10,000+" beyond), search's
 * COUNT_CAP. A literal: this module and search.ts import each other through filters.ts, so
 * nothing imported may be read while modules load (functions are called later).
 */
export const HITS_CAP = 10_000
/** More papers changed than this since the last look: matching again is cheaper. */
const MAX_CHANGED_PAPERS = 1_000

interface HitsState {
  query: string
  through_paper: number
  through_event: number
  papers: number
  capped: number
}

interface LibraryMark {
  paper: number
  event: number
  papers: number
}

/** TEMP tables live with the connection: nothing is written to the library file. */
export function createSavedSearchHitTables(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS saved_search_hits (
      search_id INTEGER NOT NULL,
      paper_id INTEGER NOT NULL,
      PRIMARY KEY (search_id, paper_id)
    ) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS saved_search_hits_state (
      search_id INTEGER PRIMARY KEY,
      query TEXT NOT NULL,
      through_paper INTEGER NOT NULL,
      through_event INTEGER NOT NULL,
      papers INTEGER NOT NULL,
      capped INTEGER NOT NULL
    );`)
}

function libraryMark(statements: Statements): LibraryMark {
  return statements
    .get(
      `SELECT ${INDEXED_THROUGH_SQL} AS paper,
              (SELECT coalesce(max(id), 0) FROM reading_events) AS event,
              (SELECT n FROM listing_counts WHERE kind = 'all') AS papers`
    )
    .get() as LibraryMark
}

/** Tags change without a reading event: such a query is matched again each time (tags are few). */
function hasLabel(node: QueryNode): boolean {
  if (node.kind === 'label') return true
  if (node.kind === 'and' || node.kind === 'or') return node.children.some(hasLabel)
  return node.kind === 'not' && hasLabel(node.child)
}

function insertHits(statements: Statements, searchId: number, ids: readonly number[]): void {
  if (ids.length === 0) return
  statements
    .get('INSERT OR IGNORE INTO saved_search_hits (search_id, paper_id) SELECT ?, value FROM json_each(?)')
    .run(searchId, JSON.stringify(ids))
}

/** Keeps the newest HITS_CAP hits; true when some were dropped. */
function trimHits(statements: Statements, searchId: number): boolean {
  return (
    statements
      .get(
        `DELETE FROM saved_search_hits WHERE search_id = ? AND paper_id < (
           SELECT paper_id FROM saved_search_hits WHERE search_id = ? ORDER BY paper_id DESC LIMIT 1 OFFSET ?)`
      )
      .run(searchId, searchId, HITS_CAP - 1).changes > 0
  )
}

function matchAll(statements: Statements, searchId: number, root: QueryNode | null): boolean {
  statements.get('DELETE FROM saved_search_hits WHERE search_id = ?').run(searchId)
  if (root === null) return false
  const ids = matchingIds(statements, root, { kind: 'all' }, HITS_CAP + 1)
  insertHits(statements, searchId, ids.slice(0, HITS_CAP))
  return ids.length > HITS_CAP
}

/** Brings the hits up to date from the new and the changed papers; null when matching again is cheaper. */
function matchChanges(statements: Statements, searchId: number, root: QueryNode, state: HitsState, mark: LibraryMark) {
  const arrived = statements.get('SELECT count(*) FROM papers WHERE id > ?').pluck().get(state.through_paper) as number
  // Papers left (trash) or came back under old ids: the hits may name papers that are gone.
  if (mark.papers !== state.papers + arrived) return null
  let capped = state.capped === 1
  if (mark.event !== state.through_event) {
    const changed = statements
      .get('SELECT DISTINCT paper_id FROM reading_events WHERE id > ? LIMIT ?')
      .pluck()
      .all(state.through_event, MAX_CHANGED_PAPERS + 1) as number[]
    if (changed.length > MAX_CHANGED_PAPERS) return null
    const oldest = statements.get('SELECT min(paper_id) FROM saved_search_hits WHERE search_id = ?').pluck()
    for (const id of changed) {
      if (id > state.through_paper) continue // matched with the new papers below
      if (!holdsPaper(statements, root, { kind: 'all' }, id)) {
        statements.get('DELETE FROM saved_search_hits WHERE search_id = ? AND paper_id = ?').run(searchId, id)
      } else if (!capped || id > ((oldest.get(searchId) as number | null) ?? 0)) {
        insertHits(statements, searchId, [id])
      }
    }
  }
  if (mark.paper !== state.through_paper) {
    const added = matchingIds(statements, root, { kind: 'all' }, HITS_CAP + 1, state.through_paper)
    insertHits(statements, searchId, added)
    if (trimHits(statements, searchId)) capped = true
  }
  return capped
}

/** Makes the TEMP table hold the saved search's current hits (a no-op when nothing changed). */
export function refreshSavedSearchHits(statements: Statements, searchId: number): void {
  const row = statements.get('SELECT query, syntax_version FROM saved_searches WHERE id = ?').get(searchId) as
    { query: string; syntax_version: number } | undefined
  const forget = () => {
    statements.get('DELETE FROM saved_search_hits WHERE search_id = ?').run(searchId)
    statements.get('DELETE FROM saved_search_hits_state WHERE search_id = ?').run(searchId)
  }
  if (row === undefined) return forget()
  const query = upgradeQuery(row.query, row.syntax_version)
  const root = parseQuery(query)
  const mark = libraryMark(statements)
  const state = statements.get('SELECT * FROM saved_search_hits_state WHERE search_id = ?').get(searchId) as
    HitsState | undefined
  if (
    state?.query === query &&
    state.through_paper === mark.paper &&
    state.through_event === mark.event &&
    state.papers === mark.papers &&
    (root === null || !hasLabel(root))
  )
    return
  // Deferred, not immediate: only TEMP tables are written, so no lock on the library is needed
  // and a reader's list never waits for an import in another process.
  statements.db.transaction(() => {
    const fresh =
      state?.query === query && root !== null && !hasLabel(root)
        ? matchChanges(statements, searchId, root, state, mark)
        : null
    const capped = fresh ?? matchAll(statements, searchId, root)
    statements
      .get(
        `INSERT OR REPLACE INTO saved_search_hits_state (search_id, query, through_paper, through_event, papers, capped)
         VALUES (?, ?, ?, ?, ?, ?)`
      )
      .run(searchId, query, mark.paper, mark.event, mark.papers, capped ? 1 : 0)
  })()
}
