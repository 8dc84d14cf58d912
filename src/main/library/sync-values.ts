// Named values that follow the reader from device to device. Settings about this machine
// (the watched folder, the import size cap, the last selection) stay on it.
import type { Statements } from './connection'
import { recordValue } from './sync-outbox'

/** Settings that follow the reader: how reading marks papers read. */
export const FOLLOWED_SETTINGS = ['markReadOnOpen', 'markReadDelaySeconds'] as const

/** Records a changed setting for the other devices when it is one that follows the reader. */
export function recordFollowedSetting(statements: Statements, key: string, value: unknown, now: Date): void {
  if ((FOLLOWED_SETTINGS as readonly string[]).includes(key)) recordValue(statements, `setting:${key}`, value, now)
}

/** Writes a value another device set; one this version does not know is kept in sync_values only. */
export function applyFollowedValue(statements: Statements, name: string, value: string | null): void {
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
