// App settings as key -> JSON rows, so the CLI and the app read the same values.
import { DEFAULT_SETTINGS, type PaperFilter, type Settings } from '../../shared/model'
import type { Db, Statements } from './connection'
import { readerWrite } from './write-turns'
import { LibraryError } from './contract'

type Check = (value: unknown) => boolean

const isWhole =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max

function isFilter(value: unknown): value is PaperFilter {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false
  const { kind } = value
  if (kind === 'digest') return 'digestId' in value && isWhole(1, Number.MAX_SAFE_INTEGER)(value.digestId)
  return kind === 'all' || kind === 'unread' || kind === 'starred' || kind === 'hasCode'
}

const CHECKS: { [K in keyof Settings]: Check } = {
  markReadOnOpen: (value) => value === 'immediately' || value === 'after-delay' || value === 'never',
  markReadDelaySeconds: isWhole(1, 60),
  importSizeCapMb: isWhole(1, 1024),
  watchFolder: (value) => value === null || (typeof value === 'string' && value.length > 0),
  lastPaperId: (value) => value === null || isWhole(1, Number.MAX_SAFE_INTEGER)(value),
  lastFilter: (value) => value === null || isFilter(value)
}

function isSettingKey(key: string): key is keyof Settings {
  return Object.hasOwn(CHECKS, key)
}

/** Stored values over the defaults; a stored value this version cannot use falls back to its default. */
export function getSettings(statements: Statements): Settings {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const row of statements.get('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
    if (!isSettingKey(row.key)) continue
    const value: unknown = JSON.parse(row.value)
    if (CHECKS[row.key](value)) settings[row.key] = value
  }
  return settings as unknown as Settings
}

export function updateSettings(db: Db, statements: Statements, patch: Partial<Settings>): Settings {
  const entries = Object.entries(patch).filter(([, value]) => value !== undefined)
  for (const [key, value] of entries) {
    if (!isSettingKey(key)) throw new LibraryError('INVALID_ARGUMENT', `${key} is not a setting`)
    if (!CHECKS[key](value))
      throw new LibraryError('INVALID_ARGUMENT', `${JSON.stringify(value)} is not a valid ${key}`)
  }
  readerWrite(db, () => {
    const upsert = statements.get(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
    )
    for (const [key, value] of entries) upsert.run(key, JSON.stringify(value))
  })
  return getSettings(statements)
}
