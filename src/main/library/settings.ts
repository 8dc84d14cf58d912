// App settings as key -> JSON rows, so the CLI and the app read the same values.
import { settingsPatchSchema } from '../../shared/api'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/model'
import type { Db, Statements } from './connection'
import { readerWrite } from './write-turns'
import { recordFollowedSetting } from './sync-values'
import { LibraryError } from './contract'

type Check = (value: unknown) => boolean

// The contract's validators are the one statement of what each setting may hold; a stored
// value is held to the same rule as a patch from the renderer or the CLI.
const SCHEMAS: { [K in keyof Settings]: { safeParse(value: unknown): { success: boolean } } } =
  settingsPatchSchema.shape

const CHECKS = Object.fromEntries(
  Object.entries(SCHEMAS).map(([key, schema]) => [
    key,
    (value: unknown) => value !== undefined && schema.safeParse(value).success
  ])
) as { [K in keyof Settings]: Check }

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

export function updateSettings(
  db: Db,
  statements: Statements,
  patch: Partial<Settings>,
  now: Date = new Date()
): Settings {
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
    for (const [key, value] of entries) {
      upsert.run(key, JSON.stringify(value))
      recordFollowedSetting(statements, key, value, now)
    }
  })
  return getSettings(statements)
}
