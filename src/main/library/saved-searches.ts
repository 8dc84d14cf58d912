// Saved searches (migration 5): named queries shown as smart lists, in the reader's order,
// each with its unread count. Each search's unread papers (up to UNREAD_COUNT_CAP) are kept
// per library and brought up to date cheaply: after an import only the new papers are looked
// at, after reading changes only the papers that changed (one index seek each).
import type { SavedSearch } from '../../shared/model'
import { QUERY_SYNTAX_VERSION, parseQuery, upgradeQuery, type QueryNode } from '../../shared/query'
import type { Db, Statements } from './connection'
import { LibraryError } from './contract'
import { createSavedSearchHitTables } from './saved-search-hits'
import { holdsPaper, matchingIds } from './search'
import { indexedThrough } from './search-backlog'
import { foldSearchName } from '../sync/change'
import { recordValue } from './sync-outbox'

/** Unread papers counted per saved search before the count says "at least". */
export const UNREAD_COUNT_CAP = 1_000
/** More changed papers than this since the last count: counting again is cheaper. */
const MAX_CHANGED_PAPERS = 1_000
const MAX_NAME_LENGTH = 100
const MAX_SAVED_SEARCHES = 200

interface SavedRow {
  id: number
  name: string
  query: string
  syntax_version: number
}

interface CachedCount {
  query: string
  /** The unread papers the search holds; when `capped`, the first UNREAD_COUNT_CAP of more. */
  unread: Set<number>
  capped: boolean
  /** Papers with a higher id arrived after the count. */
  throughPaper: number
  /** The last reading event (read, star, note...) the count has seen. */
  throughEvent: number
}

function checkName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ')
  if (trimmed === '') throw new LibraryError('INVALID_ARGUMENT', 'A saved search needs a name')
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new LibraryError('INVALID_ARGUMENT', `A saved search's name has at most ${MAX_NAME_LENGTH} characters`)
  }
  return trimmed
}

function checkQuery(query: string): string {
  const trimmed = query.trim()
  if (parseQuery(trimmed) === null) {
    throw new LibraryError('INVALID_ARGUMENT', `"${query.slice(0, 100)}" has nothing to search for`)
  }
  return trimmed
}

/** Saves `query` under `name`, replacing a search of that name in its place; inside a transaction. */
export function putSavedSearch(
  statements: Statements,
  name: string,
  query: string,
  syntaxVersion: number,
  at: string
): number {
  const existing = statements.get('SELECT id FROM saved_searches WHERE name = ?').pluck().get(name) as
    number | undefined
  if (existing !== undefined) {
    statements
      .get('UPDATE saved_searches SET name = ?, query = ?, syntax_version = ?, updated_at = ? WHERE id = ?')
      .run(name, query, syntaxVersion, at, existing)
    return existing
  }
  const total = statements.get('SELECT count(*) FROM saved_searches').pluck().get() as number
  if (total >= MAX_SAVED_SEARCHES) {
    throw new LibraryError('INVALID_ARGUMENT', `A library keeps at most ${MAX_SAVED_SEARCHES} saved searches`)
  }
  const position = statements.get('SELECT coalesce(max(position), 0) + 1 FROM saved_searches').pluck().get()
  return Number(
    statements
      .get(
        `INSERT INTO saved_searches (name, query, syntax_version, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`
      )
      .run(name, query, syntaxVersion, position, at, at).lastInsertRowid
  )
}

/** Removes the saved search of a name (case does not matter); inside a transaction. */
export function deleteSavedSearchNamed(statements: Statements, name: string): void {
  statements.get('DELETE FROM saved_searches WHERE name = ?').run(name)
}

/** A saved search as it follows the reader to the other devices (null: removed). */
function recordSearch(
  statements: Statements,
  name: string,
  search: { query: string; syntaxVersion: number } | null,
  now: Date
): void {
  recordValue(statements, `search:${foldSearchName(name)}`, search && { name, ...search }, now)
}

export function createSavedSearches(db: Db, statements: Statements, now: () => Date) {
  const counts = new Map<number, CachedCount>()
  createSavedSearchHitTables(db)

  function rows(): SavedRow[] {
    return statements
      .get('SELECT id, name, query, syntax_version FROM saved_searches ORDER BY position, id')
      .all() as SavedRow[]
  }

  function rowNamed(name: string): SavedRow {
    const row = statements
      .get('SELECT id, name, query, syntax_version FROM saved_searches WHERE name = ?')
      .get(name.trim().replace(/\s+/g, ' ')) as SavedRow | undefined
    if (!row) throw new LibraryError('NOT_FOUND', `There is no saved search named "${name}"`)
    return row
  }

  function countAll(root: QueryNode, query: string, throughPaper: number, throughEvent: number): CachedCount {
    const ids = matchingIds(statements, root, { kind: 'unread' }, UNREAD_COUNT_CAP + 1)
    return {
      query,
      unread: new Set(ids.slice(0, UNREAD_COUNT_CAP)),
      capped: ids.length > UNREAD_COUNT_CAP,
      throughPaper,
      throughEvent
    }
  }

  /** Brings a count up to date by looking only at the new papers and the papers that changed. */
  function update(
    root: QueryNode,
    cached: CachedCount,
    throughPaper: number,
    throughEvent: number
  ): CachedCount | null {
    if (throughEvent !== cached.throughEvent) {
      const changed = statements
        .get('SELECT DISTINCT paper_id FROM reading_events WHERE id > ? LIMIT ?')
        .pluck()
        .all(cached.throughEvent, MAX_CHANGED_PAPERS + 1) as number[]
      // A capped count does not know which papers past the cap it holds.
      if (cached.capped || changed.length > MAX_CHANGED_PAPERS) return null
      for (const id of changed) {
        if (id > cached.throughPaper) continue // counted with the new papers below
        if (holdsPaper(statements, root, { kind: 'unread' }, id)) cached.unread.add(id)
        else cached.unread.delete(id)
      }
    }
    if (throughPaper !== cached.throughPaper && !cached.capped) {
      const room = UNREAD_COUNT_CAP - cached.unread.size
      const added = matchingIds(statements, root, { kind: 'unread' }, room + 1, cached.throughPaper)
      for (const id of added.slice(0, room)) cached.unread.add(id)
      cached.capped = added.length > room
    }
    return { ...cached, throughPaper, throughEvent }
  }

  function unreadOf(row: SavedRow, throughPaper: number, throughEvent: number): CachedCount | null {
    const query = upgradeQuery(row.query, row.syntax_version)
    const root = parseQuery(query)
    if (root === null) return null
    const cached = counts.get(row.id)
    const fresh =
      (cached && cached.query === query && update(root, cached, throughPaper, throughEvent)) ||
      countAll(root, query, throughPaper, throughEvent)
    counts.set(row.id, fresh)
    return fresh
  }

  function list(): SavedSearch[] {
    // Papers past the first one waiting for the search index are counted once it holds them.
    const throughPaper = indexedThrough(statements)
    const throughEvent = statements.get('SELECT coalesce(max(id), 0) FROM reading_events').pluck().get() as number
    return rows().map((row) => {
      const count = unreadOf(row, throughPaper, throughEvent)
      return {
        id: row.id,
        name: row.name,
        query: row.query,
        syntaxVersion: row.syntax_version,
        unread: count?.unread.size ?? 0,
        unreadIsLowerBound: count?.capped ?? false
      }
    })
  }

  function byId(id: number): SavedSearch {
    const found = list().find((search) => search.id === id)
    if (!found) throw new LibraryError('NOT_FOUND', `There is no saved search with id ${id}`)
    return found
  }

  /** Saves `query` under `name`; a search of the same name is replaced and keeps its place. */
  function save(name: string, query: string): SavedSearch {
    const cleanName = checkName(name)
    const cleanQuery = checkQuery(query)
    const at = now()
    const id = db
      .transaction(() => {
        const saved = putSavedSearch(statements, cleanName, cleanQuery, QUERY_SYNTAX_VERSION, at.toISOString())
        recordSearch(statements, cleanName, { query: cleanQuery, syntaxVersion: QUERY_SYNTAX_VERSION }, at)
        return saved
      })
      .immediate()
    return byId(id)
  }

  function rename(id: number, name: string): SavedSearch {
    const cleanName = checkName(name)
    db.transaction(() => {
      const clash = statements.get('SELECT id FROM saved_searches WHERE name = ? AND id <> ?').get(cleanName, id)
      if (clash) throw new LibraryError('INVALID_ARGUMENT', `There is already a saved search named "${cleanName}"`)
      const before = statements
        .get('SELECT id, name, query, syntax_version FROM saved_searches WHERE id = ?')
        .get(id) as SavedRow | undefined
      if (!before) throw new LibraryError('NOT_FOUND', `There is no saved search with id ${id}`)
      const at = now()
      statements
        .get('UPDATE saved_searches SET name = ?, updated_at = ? WHERE id = ?')
        .run(cleanName, at.toISOString(), id)
      if (foldSearchName(before.name) !== foldSearchName(cleanName)) recordSearch(statements, before.name, null, at)
      recordSearch(statements, cleanName, { query: before.query, syntaxVersion: before.syntax_version }, at)
    }).immediate()
    return byId(id)
  }

  /** Moves a saved search to `index` (0-based) in the reader's order. */
  function move(id: number, index: number): SavedSearch[] {
    db.transaction(() => {
      const order = rows().map((row) => row.id)
      const from = order.indexOf(id)
      if (from === -1) throw new LibraryError('NOT_FOUND', `There is no saved search with id ${id}`)
      order.splice(from, 1)
      order.splice(Math.max(0, Math.min(index, order.length)), 0, id)
      const update = statements.get('UPDATE saved_searches SET position = ? WHERE id = ?')
      order.forEach((each, position) => update.run(position + 1, each))
    }).immediate()
    return list()
  }

  function remove(id: number): void {
    const changed = db
      .transaction(() => {
        const name = statements.get('DELETE FROM saved_searches WHERE id = ? RETURNING name').pluck().get(id) as
          string | undefined
        if (name !== undefined) recordSearch(statements, name, null, now())
        return name === undefined ? 0 : 1
      })
      .immediate()
    if (changed === 0) throw new LibraryError('NOT_FOUND', `There is no saved search with id ${id}`)
    counts.delete(id)
  }

  return {
    list,
    save,
    rename,
    move,
    remove,
    /** The saved search of a name (case does not matter). */
    named: (name: string): SavedSearch => byId(rowNamed(name).id)
  }
}

export type SavedSearches = ReturnType<typeof createSavedSearches>
