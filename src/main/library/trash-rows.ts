// What a trash record holds and how its rows go back: the paper's own row and the rows of every
// other table that hangs off it. Column and table names come from the live schema (never from
// outside text), so the SQL built from them is safe, and a table a later migration adds beside
// papers is kept in the trash without this file knowing it.
import type { Statements } from './connection'

export type Row = Record<string, unknown>

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

function checked(name: string, where: string): string {
  if (!NAME.test(name)) throw new Error(`unexpected name ${JSON.stringify(name)} in ${where}`)
  return name
}

/**
 * The schema read once per connection (migrations run before a connection's statements exist),
 * so restoring 20,000 papers asks SQLite about its tables once, not for every row.
 */
const schemaCache = new WeakMap<Statements, { columns: Map<string, string[]>; dependent?: DependentTable[] }>()

function cacheOf(statements: Statements) {
  let cache = schemaCache.get(statements)
  if (!cache) {
    cache = { columns: new Map() }
    schemaCache.set(statements, cache)
  }
  return cache
}

export function columnsOf(statements: Statements, table: string): string[] {
  const cache = cacheOf(statements)
  const known = cache.columns.get(table)
  if (known) return known
  const names = statements.get('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]
  const columns = names.map((name) => checked(name, table))
  cache.columns.set(table, columns)
  return columns
}

export function jsonObjectOf(columns: readonly string[], alias: string, table?: 'papers'): string {
  return `json_object(${columns.map((c) => `'${c}', ${jsonValueOf(table, c, alias)}`).join(', ')})`
}

/** A paper's abstract goes into the record as its text (a BLOB has no JSON form) and comes back as text. */
function jsonValueOf(table: string | undefined, column: string, alias: string): string {
  return table === 'papers' && column === 'abstract' ? `abstract_text(${alias}."abstract")` : `${alias}."${column}"`
}

/**
 * Tables the record keeps by name, each in its own shape (state, note, tags by name, subjects,
 * digest entries, reading events); every other table referencing papers is kept row by row.
 */
const KEPT_BY_NAME = new Set([
  'paper_state',
  'notes',
  'paper_tags',
  'paper_subjects',
  'digest_entries',
  'reading_events'
])

export interface DependentTable {
  name: string
  /** The column holding the paper's id. */
  paperColumn: string
  /** Columns referencing digests: a restored digest may come back under another id. */
  digestColumns: string[]
  /** An INTEGER PRIMARY KEY (a rowid alias) is given anew on restore, never reused. */
  rowidColumn: string | null
}

interface ForeignKey {
  tbl: string
  target: string
  from: string
}

/** Every table other than the ones kept by name whose rows belong to a paper (a foreign key to papers). */
export function dependentTables(statements: Statements): DependentTable[] {
  const cache = cacheOf(statements)
  cache.dependent ??= readDependentTables(statements)
  return cache.dependent
}

function readDependentTables(statements: Statements): DependentTable[] {
  const keys = statements
    .get(
      `SELECT m.name AS tbl, f."table" AS target, f."from" AS "from"
         FROM sqlite_master m, pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' ORDER BY m.name`
    )
    .all() as ForeignKey[]
  const tables: DependentTable[] = []
  for (const name of [...new Set(keys.filter((k) => k.target === 'papers').map((k) => k.tbl))]) {
    if (KEPT_BY_NAME.has(name)) continue
    const own = keys.filter((k) => k.tbl === name)
    const paperColumn = own.find((k) => k.target === 'papers')!.from
    const primary = statements.get('SELECT name, type FROM pragma_table_info(?) WHERE pk > 0').all(name) as {
      name: string
      type: string
    }[]
    const rowidColumn = primary.length === 1 && primary[0]!.type.toUpperCase() === 'INTEGER' ? primary[0]!.name : null
    tables.push({
      name: checked(name, 'the schema'),
      paperColumn: checked(paperColumn, name),
      digestColumns: own.filter((k) => k.target === 'digests').map((k) => checked(k.from, name)),
      rowidColumn: rowidColumn === null ? null : checked(rowidColumn, name)
    })
  }
  return tables
}

/** The SQL that builds each trashed paper's record; built from the live schema. */
export function recordSql(statements: Statements): string {
  const paper = jsonObjectOf(columnsOf(statements, 'papers'), 'p', 'papers')
  const state = jsonObjectOf(columnsOf(statements, 'paper_state'), 's')
  const rows = dependentTables(statements).map(
    (t) =>
      `'${t.name}', (SELECT json_group_array(${jsonObjectOf(columnsOf(statements, t.name), 'x')})
                       FROM "${t.name}" x WHERE x."${t.paperColumn}" = p.id)`
  )
  return `
    INSERT INTO trashed_papers (paper_id, title, title_key, arxiv_id, doi, trashed_at, via_digest, record)
    SELECT p.id, p.title, p.title_key, p.arxiv_id, p.doi, :at, :via, json_object(
      'paper', ${paper},
      'state', (SELECT ${state} FROM paper_state s WHERE s.paper_id = p.id),
      'note', (SELECT json_object('body', n.body, 'updated_at', n.updated_at) FROM notes n WHERE n.paper_id = p.id),
      'tags', (SELECT json_group_array(t.name) FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id),
      'subjects', (SELECT json_group_array(ps.subject) FROM paper_subjects ps WHERE ps.paper_id = p.id),
      'entries', (SELECT json_group_array(json_array(e.digest_id, e.position)) FROM digest_entries e WHERE e.paper_id = p.id),
      'events', (SELECT json_group_array(json_array(r.kind, r.at)) FROM reading_events r WHERE r.paper_id = p.id),
      'rows', json_object(${rows.join(', ')})
    )
    FROM json_each(:ids) j JOIN papers p ON p.id = j.value`
}

export function insertRow(statements: Statements, table: string, values: Row, overrides: Row): number {
  const live = new Set(columnsOf(statements, table))
  const row: Row = { ...values, ...overrides }
  const columns = Object.keys(row).filter((c) => live.has(c))
  const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`
  const params = Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))
  return Number(statements.get(sql).run(params).lastInsertRowid)
}

/**
 * Puts a trashed paper's dependent rows back under its id now (version history, dismissals,
 * sync marks and note versions, ...). A row the live paper already has (a twin imported while
 * this one was in the trash) is left as it is. A digest that is gone leaves its column empty.
 */
export function restoreDependentRows(
  statements: Statements,
  saved: Readonly<Record<string, Row[] | null>> | undefined,
  paperId: number,
  digestIds: ReadonlyMap<number, number>
): void {
  if (!saved) return
  const digestExists = statements.get('SELECT 1 FROM digests WHERE id = ?')
  for (const table of dependentTables(statements)) {
    const rows = saved[table.name]
    if (!rows || rows.length === 0) continue
    const live = columnsOf(statements, table.name).filter((c) => c !== table.rowidColumn)
    const insert = statements.get(
      `INSERT OR IGNORE INTO "${table.name}" (${live.map((c) => `"${c}"`).join(', ')})
       VALUES (${live.map((c) => `@${c}`).join(', ')})`
    )
    for (const row of rows) {
      const values: Row = Object.fromEntries(live.map((c) => [c, row[c] ?? null]))
      values[table.paperColumn] = paperId
      for (const column of table.digestColumns) {
        const old = values[column]
        if (typeof old !== 'number') continue
        const now = digestIds.get(old) ?? old
        values[column] = digestExists.get(now) ? now : null
      }
      insert.run(values)
    }
  }
}
