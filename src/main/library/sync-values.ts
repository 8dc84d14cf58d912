// Named values that follow the reader from device to device. Settings about this machine
// (the watched folder, the import size cap, the last selection) stay on it.
import type { Statements } from './connection'
import { recordValue } from './sync-outbox'
import { foldSearchName } from '../sync/change'
import { parseQuery, upgradeQuery } from '../../shared/query'
import { deleteSavedSearchNamed, putSavedSearch } from './saved-searches'

/** Settings that follow the reader: how reading marks papers read. */
export const FOLLOWED_SETTINGS = ['markReadOnOpen', 'markReadDelaySeconds'] as const

/** Records a changed setting for the other devices when it is one that follows the reader. */
export function recordFollowedSetting(statements: Statements, key: string, value: unknown, now: Date): void {
  if ((FOLLOWED_SETTINGS as readonly string[]).includes(key)) recordValue(statements, `setting:${key}`, value, now)
}

/** Writes a value another device set; one this version does not know is kept in sync_values only. */
export function applyFollowedValue(statements: Statements, name: string, value: string | null, at: string): void {
  if (name.startsWith('search:')) return applySavedSearch(statements, name.slice('search:'.length), value, at)
  const setting = name.startsWith('setting:') ? name.slice('setting:'.length) : null
  if (setting === null || !(FOLLOWED_SETTINGS as readonly string[]).includes(setting)) return
  if (value === null) statements.get('DELETE FROM settings WHERE key = ?').run(setting)
  else if (isJson(value)) {
    // getSettings() checks every stored value and falls back to the default for a bad one.
    statements
      .get(
        'INSERT INTO settings (key, value) VALUES (?, json(?)) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
      )
      .run(setting, value)
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

interface FollowedSearch {
  name: string
  query: string
  syntaxVersion: number
}

function followedSearch(value: string): FollowedSearch | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return null
  }
  const search = parsed as Partial<FollowedSearch> | null
  if (typeof search?.name !== 'string' || typeof search.query !== 'string') return null
  if (!Number.isSafeInteger(search.syntaxVersion)) return null
  const name = search.name.trim().replace(/\s+/g, ' ')
  if (name === '' || name.length > 100 || search.query.length > 10_000) return null
  return { name, query: search.query, syntaxVersion: search.syntaxVersion! }
}

/**
 * A saved search another device saved (replacing the one of that name here) or removed. One
 * this library cannot take (a query it cannot read, the cap on saved searches reached) stays
 * in sync_values only.
 */
function applySavedSearch(statements: Statements, folded: string, value: string | null, at: string): void {
  if (value === null) return deleteSavedSearchNamed(statements, folded)
  const search = followedSearch(value)
  if (!search || foldSearchName(search.name) !== folded) return
  try {
    if (parseQuery(upgradeQuery(search.query, search.syntaxVersion)) === null) return
    putSavedSearch(statements, search.name, search.query, search.syntaxVersion, at)
  } catch {
    // A query of a newer syntax, or the cap on saved searches: kept in sync_values only.
  }
}
