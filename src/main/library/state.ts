// The reader's state: read and starred marks, each change logged as a reading event.
// Set-based statements over a JSON list of ids, so marking 100,000 papers costs a few statements.
import type { StateChange } from '../../shared/model'
import type { Db, Statements } from './connection'
import { readerWrite } from './write-turns'
import { LibraryError } from './contract'
import { recordPaperMarks } from './sync-outbox'

export function uniqueIds(ids: readonly number[]): number[] {
  for (const id of ids) {
    if (!Number.isSafeInteger(id) || id < 1)
      throw new LibraryError('INVALID_ARGUMENT', `${String(id)} is not a paper id`)
  }
  return [...new Set(ids)]
}

const MISSING_SHOWN = 5

/**
 * Refuses the whole change when any id is unknown, before anything is written. One statement
 * counts the unknown ids and returns the first few, so a million unknown ids cost one query
 * and a short message. (LIMIT is a numeric constant of this file, never input.)
 */
export function requirePapers(statements: Statements, ids: readonly number[]): void {
  const rows = statements
    .get(
      `SELECT j.value AS id, count(*) OVER () AS total FROM json_each(?) j
        WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = j.value) LIMIT ${MISSING_SHOWN}`
    )
    .all(JSON.stringify(ids)) as { id: number; total: number }[]
  const total = rows[0]?.total ?? 0
  if (total === 0) return
  if (total === 1) throw new LibraryError('NOT_FOUND', `There is no paper with id ${rows[0]!.id}`)
  const more = total > rows.length ? ` and ${(total - rows.length).toLocaleString('en-US')} more` : ''
  throw new LibraryError('NOT_FOUND', `There are no papers with ids ${rows.map((row) => row.id).join(', ')}${more}`)
}

function inInputOrder(ids: readonly number[], changed: readonly number[]): number[] {
  const set = new Set(changed)
  return ids.filter((id) => set.has(id))
}

function logEvents(statements: Statements, ids: readonly number[], kind: string, at: string): void {
  statements
    .get('INSERT INTO reading_events (paper_id, kind, at) SELECT j.value, ?, ? FROM json_each(?) j')
    .run(kind, at, JSON.stringify(ids))
}

/** Digest progress counters follow the read marks (see migration 2). */
export function adjustDigestReadCounts(statements: Statements, ids: readonly number[], delta: 1 | -1): void {
  statements
    .get(
      `UPDATE digests SET read_count = read_count + ? * changed.n
         FROM (SELECT e.digest_id, count(*) AS n FROM json_each(?) j
                 JOIN digest_entries e ON e.paper_id = j.value GROUP BY e.digest_id) AS changed
        WHERE digests.id = changed.digest_id`
    )
    .run(delta, JSON.stringify(ids))
}

// The column is one of these two constants (the type allows nothing else), spliced into the SQL below.
type Mark = { column: 'read_at'; events: ['read', 'unread'] } | { column: 'starred_at'; events: ['star', 'unstar'] }

const READ: Mark = { column: 'read_at', events: ['read', 'unread'] }
const STARRED: Mark = { column: 'starred_at', events: ['star', 'unstar'] }

/** Sets or clears one mark; returns the ids whose mark actually changed, in the order given. */
function changeMark(
  db: Db,
  statements: Statements,
  mark: Mark,
  ids: readonly number[],
  on: boolean,
  now: Date
): StateChange {
  const wanted = uniqueIds(ids)
  if (wanted.length === 0) return { changed: [] }
  const at = now.toISOString()
  const list = JSON.stringify(wanted)
  return readerWrite(db, (): StateChange => {
    requirePapers(statements, wanted)
    const changed = (
      on
        ? statements
            .get(
              `UPDATE paper_state SET ${mark.column} = ? WHERE paper_id IN (SELECT value FROM json_each(?))
                 AND ${mark.column} IS NULL RETURNING paper_id`
            )
            .pluck()
            .all(at, list)
        : statements
            .get(
              `UPDATE paper_state SET ${mark.column} = NULL WHERE paper_id IN (SELECT value FROM json_each(?))
                 AND ${mark.column} IS NOT NULL RETURNING paper_id`
            )
            .pluck()
            .all(list)
    ) as number[]
    if (changed.length === 0) return { changed: [] }
    logEvents(statements, changed, on ? mark.events[0] : mark.events[1], at)
    recordPaperMarks(statements, changed, mark.column === 'read_at' ? 'read' : 'starred', on, now)
    if (mark.column === 'read_at') adjustDigestReadCounts(statements, changed, on ? 1 : -1)
    return { changed: inInputOrder(wanted, changed) }
  })
}

export function markRead(
  db: Db,
  statements: Statements,
  ids: readonly number[],
  read: boolean,
  now: Date
): StateChange {
  return changeMark(db, statements, READ, ids, read, now)
}

export function setStarred(
  db: Db,
  statements: Statements,
  ids: readonly number[],
  starred: boolean,
  now: Date
): StateChange {
  return changeMark(db, statements, STARRED, ids, starred, now)
}
