// What the shell does when settings change: each reaction watches one part of the settings
// and runs only when that part changed (the watched folder restarts the watcher and rebuilds
// the menu). Fed by the handlers' onSettingsChanged and by main's own settings writes.
import type { Settings } from '../../shared/model'

export interface SettingsReaction<T> {
  /** The part of the settings this reaction cares about; compared as JSON. */
  select(settings: Settings): T
  apply(value: T, settings: Settings): void
}

export interface SettingsLoop {
  /** Runs every reaction whose part differs from the last settings seen (all of them the first time). */
  changed(settings: Settings): void
}

/** Builds a reaction with its value type checked against `apply`. */
export function reaction<T>(select: (settings: Settings) => T, apply: (value: T, settings: Settings) => void) {
  return { select, apply } as SettingsReaction<unknown>
}

export function createSettingsLoop(reactions: readonly SettingsReaction<unknown>[]): SettingsLoop {
  const last = new Map<SettingsReaction<unknown>, string>()
  return {
    changed(settings) {
      for (const entry of reactions) {
        const value = entry.select(settings)
        const key = JSON.stringify(value) ?? 'undefined'
        if (last.get(entry) === key) continue
        last.set(entry, key)
        entry.apply(value, settings)
      }
    }
  }
}
