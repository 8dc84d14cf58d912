// A one-letter prefix (`b`) stands for every word it begins: spelled out for FTS5 that is some
// 1,300 words, 30-40 ms at 100,000 papers, while nearly every paper holds such a word. So the
// rest of the query is asked for its newest PROBE_BATCH matches and each is checked for the
// letters in its own text. When more than the count cap pass, they are the answer ("at least"
// that many, as the exact query would say); when fewer do (a rare letter), the caller runs the
// exact query, and the probe cost one page read.
import type { PaperFilter } from '../../shared/model'
import type { Statements } from './connection'
import { filterCondition } from './filters'
import { conditionSql, type LetterProbe } from './search-compile'
import { startsAWord } from './search-highlight'

/** Candidates read by a probe: enough that a letter most papers hold fills the count cap. */
export const PROBE_BATCH = 640

interface SourceRow {
  id: number
  title: string | null
  authors: string | null
  abstract: string | null
  note: string | null
}

// The FTS5 content view: what the index holds of each paper, so the letters are checked in the
// same text the exact query would match.
const SOURCE_COLUMNS = 'src.id AS id, src.title, src.authors, src.abstract, src.note'

function condition(probe: LetterProbe, filter: PaperFilter, idColumn: string): { sql: string; params: unknown[] } {
  const own = conditionSql(probe.conditions, idColumn)
  const list = filterCondition(filter, idColumn)
  return { sql: `${own.sql} ${list.sql}`, params: [...own.params, ...list.params] }
}

function candidates(statements: Statements, probe: LetterProbe, filter: PaperFilter): SourceRow[] {
  if (probe.match === null) {
    const where = condition(probe, filter, 'src.id')
    return statements
      .get(`SELECT ${SOURCE_COLUMNS} FROM paper_search_source src WHERE 1 ${where.sql} ORDER BY src.id DESC LIMIT ?`)
      .all(...where.params, PROBE_BATCH) as SourceRow[]
  }
  // The unary + keeps the conditions out of FTS5's plan (see search.ts).
  const where = condition(probe, filter, '+paper_search.rowid')
  const ids = statements
    .get(`SELECT rowid FROM paper_search WHERE paper_search MATCH ? ${where.sql} ORDER BY rowid DESC LIMIT ?`)
    .pluck()
    .all(probe.match, ...where.params, PROBE_BATCH) as number[]
  const rows = statements
    .get(`SELECT ${SOURCE_COLUMNS} FROM paper_search_source src WHERE src.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SourceRow[]
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

function holdsLetters(row: SourceRow, letters: readonly string[]): boolean {
  return letters.every(
    (letter) =>
      startsAWord(row.title, letter) ||
      startsAWord(row.authors, letter) ||
      startsAWord(row.abstract, letter) ||
      startsAWord(row.note, letter)
  )
}

/** The newest `cap` + 1 matches, newest first; null when the probe found `cap` or fewer. */
export function probeMatches(
  statements: Statements,
  probe: LetterProbe,
  filter: PaperFilter,
  cap: number
): number[] | null {
  const passing: number[] = []
  for (const row of candidates(statements, probe, filter)) {
    if (!holdsLetters(row, probe.letters)) continue
    passing.push(row.id)
    if (passing.length > cap) return passing
  }
  return null
}
