// The app's automatic backups: one look at start-up and every hour while the app runs; the
// decisions are runAutoBackup's (src/main/library/auto-backup.ts). Plain Node: no electron.
import type { Library } from '../library/contract'
import { runAutoBackup, type AutoBackupOutcome } from '../library/auto-backup'
import { localDay } from '../library/clock'

const HOUR_MS = 60 * 60 * 1000

export function startAutoBackups(
  library: Library,
  libraryPath: string,
  onOutcome: (outcome: AutoBackupOutcome | Error) => void = () => {}
): () => void {
  let running = false
  const look = () => {
    if (running) return
    running = true
    runAutoBackup(library, libraryPath, localDay(new Date()))
      .then(onOutcome, (error: unknown) => onOutcome(error instanceof Error ? error : new Error(String(error))))
      .finally(() => (running = false))
  }
  look()
  const timer = setInterval(look, HOUR_MS)
  timer.unref()
  return () => clearInterval(timer)
}
