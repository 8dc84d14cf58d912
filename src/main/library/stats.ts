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

  // One count per local day over the read_at index: reading a row per paper read would cost
  // a second at start for a library where 300,000 papers were marked read this month.
  const readBetween = statements
    .get('SELECT count(*) FROM paper_state WHERE read_at IS NOT NULL AND read_at >= ? AND read_at < ?')
    .pluck()
  const end = new Date(now.getTime() + 1).toISOString() // read_at <= now
  const readPerDay: DayCount[] = []
  for (let i = days - 1; i >= 0; i--) {
    const start = startOfLocalDay(now, i)
    const next = i === 0 ? end : startOfLocalDay(now, i - 1).toISOString()
    readPerDay.push({ day: localDay(start), read: readBetween.get(start.toISOString(), next) as number })
  }

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
