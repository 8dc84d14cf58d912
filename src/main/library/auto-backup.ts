// Automatic backups while the app is used: one a day into a `backups` folder beside the library,
// the last 7 daily and 4 weekly kept, never more than a share of the disk. planBackups decides
// (pure); runAutoBackup looks at the folder and the disk, then makes and removes files.
import { mkdirSync, readdirSync, rmSync, statSync, statfsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BackupResult, Library } from './contract'

export const BACKUP_FOLDER = 'backups'
const NAME = /^dogear-(\d{4}-\d{2}-\d{2})\.sqlite$/

export interface BackupPolicy {
  daily: number
  weekly: number
  /** Backups together may use at most this share of the disk that holds them. */
  diskShare: number
}

export const DEFAULT_POLICY: BackupPolicy = { daily: 7, weekly: 4, diskShare: 0.1 }

export interface ExistingBackup {
  name: string
  bytes: number
}

export interface BackupPlan {
  /** The file to make now, or null (today's exists, or it would not fit). */
  make: string | null
  remove: string[]
  /** Why nothing is made, when nothing is. */
  skipped: string | null
}

function dayOf(name: string): string | null {
  return NAME.exec(name)?.[1] ?? null
}

/** Monday of the ISO week of a YYYY-MM-DD day, as YYYY-MM-DD. */
function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
  return date.toISOString().slice(0, 10)
}

export function backupName(day: string): string {
  return `dogear-${day}.sqlite`
}

export function planBackups(
  today: string,
  existing: readonly ExistingBackup[],
  disk: { totalBytes: number; libraryBytes: number },
  policy: BackupPolicy = DEFAULT_POLICY
): BackupPlan {
  const dated = existing
    .map((backup) => ({ ...backup, day: dayOf(backup.name) }))
    .filter((backup): backup is ExistingBackup & { day: string } => backup.day !== null)
    .sort((a, b) => (a.day < b.day ? 1 : -1))
  const make = dated.some((backup) => backup.day === today) ? null : backupName(today)
  const candidates = make ? [{ name: make, bytes: disk.libraryBytes, day: today }, ...dated] : dated
  // The newest `daily` days, and the first backup of each of the newest `weekly` other weeks.
  const keep = new Set(candidates.slice(0, policy.daily).map((backup) => backup.name))
  const weeks = new Map<string, string>()
  for (const backup of [...candidates].reverse())
    if (!weeks.has(weekOf(backup.day))) weeks.set(weekOf(backup.day), backup.name)
  for (const name of [...weeks.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : -1))
    .slice(0, policy.weekly)
    .map(([, n]) => n)) {
    keep.add(name)
  }
  // Oldest first out until the kept backups fit their share of the disk.
  const limit = disk.totalBytes * policy.diskShare
  const kept = candidates.filter((backup) => keep.has(backup.name))
  let used = kept.reduce((sum, backup) => sum + backup.bytes, 0)
  while (used > limit && kept.length > 0) used -= kept.pop()!.bytes
  const keptNames = new Set(kept.map((backup) => backup.name))
  const skipped =
    make && !keptNames.has(make)
      ? `a backup (${Math.round(disk.libraryBytes / 2 ** 20)} MB) would use more than ${policy.diskShare * 100}% of the disk`
      : null
  return {
    make: make && keptNames.has(make) ? make : null,
    remove: dated.filter((backup) => !keptNames.has(backup.name)).map((backup) => backup.name),
    skipped
  }
}

export interface AutoBackupOutcome {
  folder: string
  made: BackupResult | null
  removed: string[]
  skipped: string | null
}

/** Makes today's backup if it is due and fits, then removes the ones the policy no longer keeps. */
export async function runAutoBackup(
  library: Library,
  libraryPath: string,
  today: string,
  policy: BackupPolicy = DEFAULT_POLICY
): Promise<AutoBackupOutcome> {
  const folder = join(dirname(libraryPath), BACKUP_FOLDER)
  mkdirSync(folder, { recursive: true })
  const existing = readdirSync(folder)
    .filter((name) => NAME.test(name))
    .map((name) => ({ name, bytes: statSync(join(folder, name)).size }))
  const disk = statfsSync(folder)
  const plan = planBackups(
    today,
    existing,
    { totalBytes: disk.blocks * disk.bsize, libraryBytes: statSync(libraryPath).size },
    policy
  )
  const made = plan.make ? await library.backup(join(folder, plan.make)) : null
  for (const name of plan.remove) rmSync(join(folder, name), { force: true })
  return { folder, made, removed: plan.remove, skipped: plan.skipped }
}

/** The newest automatic backup, for the Settings dialog: where and when. */
export function lastBackup(libraryPath: string): { folder: string; path: string; at: string } | null {
  const folder = join(dirname(libraryPath), BACKUP_FOLDER)
  let names: string[]
  try {
    names = readdirSync(folder).filter((name) => NAME.test(name))
  } catch {
    return null
  }
  const newest = names.sort().pop()
  if (!newest) return null
  const path = join(folder, newest)
  return { folder, path, at: statSync(path).mtime.toISOString() }
}
