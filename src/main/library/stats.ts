// Totals and papers read per day. Days come from paper_state.read_at, so undoing a mark
// takes the paper out of its day again.
import type { DayCount, LibraryStats } from '../../shared/model'
import type { Statements } from './connection'
import { LibraryError } from './contract'
import { localDay, startOfLocalDay } from './clock'

export const DEFAULT_STATS_DAYS = 30

export function stats(statements: Statements, now: Date, days = DEFAULT_STATS_DAYS): LibraryStats {
  if (!Number.isSafeInteger(days) || days < 1 || days > 3650) {
    throw new LibraryError('INVALID_ARGUMENT', `days must be a whole number from 1 to 3650, not ${days}`)
  }
  const count = (sql: string): number => statements.get(sql).pluck().get() as number
  // The counters of migration 8: a count over a million rows would scan them.
  const counter = (kind: string): number =>
    statements.get('SELECT n FROM listing_counts WHERE kind = ?').pluck().get(kind) as number
  const papers = counter('all')
  const read = papers - counter('unread')

  const first = startOfLocalDay(now, days - 1)
  const perDay = new Map<string, number>()
  for (let i = 0; i < days; i++) perDay.set(localDay(startOfLocalDay(now, days - 1 - i)), 0)
  const readTimes = statements
    .get('SELECT read_at FROM paper_state WHERE read_at IS NOT NULL AND read_at >= ? AND read_at <= ?')
    .pluck()
    .all(first.toISOString(), now.toISOString()) as string[]
  for (const at of readTimes) {
    const day = localDay(new Date(at))
    const current = perDay.get(day)
    if (current !== undefined) perDay.set(day, current + 1)
  }
  const readPerDay: DayCount[] = [...perDay].map(([day, n]) => ({ day, read: n }))

  return {
    papers,
    read,
    unread: papers - read,
    starred: counter('starred'),
    noted: count('SELECT count(*) FROM notes'),
    digests: count('SELECT count(*) FROM digests'),
    readPerDay
  }
}
