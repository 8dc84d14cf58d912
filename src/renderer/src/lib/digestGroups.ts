// Digests grouped by where they come from: one group per feed or file title, newest first.
import type { DigestProgress } from '../../../shared/model'

export interface DigestGroup {
  /** The feed or file the digests share ("Daily Papers", "cs.LG listing"). */
  name: string
  digests: DigestProgress[]
  unread: number
  /** The newest digest's date, for ordering and deciding what is old. */
  newest: string
}

/** Groups older than this (by their newest digest) start collapsed. */
export const RECENT_DAYS = 14
/** In an open group, digests past this many are behind "Show older". */
export const SHOWN_PER_GROUP = 5

function dateOf(digest: DigestProgress): string {
  return digest.dateTo ?? digest.dateFrom ?? digest.importedAt.slice(0, 10)
}

export function groupDigests(digests: readonly DigestProgress[]): DigestGroup[] {
  const groups = new Map<string, DigestProgress[]>()
  for (const digest of digests) {
    const name = digest.title.trim() || digest.fileName || digest.format
    groups.set(name, [...(groups.get(name) ?? []), digest])
  }
  return [...groups.entries()]
    .map(([name, members]) => {
      const sorted = [...members].sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || b.id - a.id)
      return {
        name,
        digests: sorted,
        unread: sorted.reduce((sum, d) => sum + d.unread, 0),
        newest: dateOf(sorted[0]!)
      }
    })
    .sort((a, b) => b.newest.localeCompare(a.newest) || a.name.localeCompare(b.name))
}

/** True when a group's newest digest is older than RECENT_DAYS before `today` (YYYY-MM-DD). */
export function isOldGroup(group: DigestGroup, today: string): boolean {
  const age = (Date.parse(today) - Date.parse(group.newest)) / 86_400_000
  return Number.isFinite(age) && age > RECENT_DAYS
}
