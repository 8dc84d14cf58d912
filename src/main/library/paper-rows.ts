// Database rows -> the shared model. Lists and search first find the ids of a page, then
// load those papers here in one query, so every view shows a paper the same way.
import type { DigestRef, Link, Paper, PaperDetail } from '../../shared/model'
import type { Statements } from './connection'
import { abstractText } from './abstract-text'

/** The newest paper's id (0 in an empty library): papers above it are the ones added after. */
export function lastPaperId(statements: Statements): number {
  return statements.get('SELECT coalesce(max(id), 0) FROM papers').pluck().get() as number
}

interface PaperRow {
  id: number
  title: string
  authors: string
  /** As stored: see abstract-text.ts. */
  abstract: unknown
  snippet: string | null
  arxiv_id: string | null
  doi: string | null
  links: string
  digest_date: string
  published_at: string | null
  venue: string | null
  has_code: number
  read_at: string | null
  starred_at: string | null
  note: string | null
  note_updated_at: string | null
  digest_ids: string
}

interface DigestRefRow {
  paper_id: number
  id: number
  title: string
  date_from: string | null
  date_to: string | null
  position: number
}

/** The papers' rows; `abstract` is a constant of this file (the column, or NULL for pages without abstracts). */
const papersByIds = (abstract: 'p.abstract' | 'NULL'): string => `
SELECT p.id, p.title, p.authors, ${abstract} AS abstract, p.snippet, p.arxiv_id, p.doi, p.links, p.digest_date,
       p.published_at, p.venue, p.has_code, s.read_at, s.starred_at,
       n.body AS note, n.updated_at AS note_updated_at,
       (SELECT json_group_array(e.digest_id ORDER BY d.day, d.id)
          FROM digest_entries e JOIN digests d ON d.id = e.digest_id
         WHERE e.paper_id = p.id) AS digest_ids
  FROM json_each(?) j
  JOIN papers p ON p.id = j.value
  JOIN paper_state s ON s.paper_id = p.id
  LEFT JOIN notes n ON n.paper_id = p.id`

const LABELS_BY_IDS = `
SELECT pt.paper_id, 'tag' AS kind, t.name AS label
  FROM json_each(?) j JOIN paper_tags pt ON pt.paper_id = j.value JOIN tags t ON t.id = pt.tag_id
UNION ALL
SELECT ps.paper_id, 'subject' AS kind, ps.subject AS label
  FROM json_each(?) j JOIN paper_subjects ps ON ps.paper_id = j.value`

const DIGEST_REFS_BY_IDS = `
SELECT e.paper_id, d.id, d.title, d.date_from, d.date_to, e.position
  FROM json_each(?) j
  JOIN digest_entries e ON e.paper_id = j.value
  JOIN digests d ON d.id = e.digest_id
 ORDER BY d.day, d.id`

interface LabelRow {
  paper_id: number
  kind: 'tag' | 'subject'
  label: string
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base' })
}

function toPaper(row: PaperRow): Paper {
  return {
    id: row.id,
    title: row.title,
    authors: JSON.parse(row.authors) as string[],
    abstract: abstractText(row.abstract),
    snippet: row.snippet,
    arxivId: row.arxiv_id,
    doi: row.doi,
    links: JSON.parse(row.links) as Link[],
    digests: JSON.parse(row.digest_ids) as number[],
    digestDate: row.digest_date,
    publishedAt: row.published_at,
    read: row.read_at !== null,
    starred: row.starred_at !== null,
    note: row.note,
    hasCode: row.has_code === 1
  }
}

const PAPERS_BY_IDS = papersByIds('p.abstract')
const PAPERS_BY_IDS_NO_ABSTRACTS = papersByIds('NULL')

function loadRows(statements: Statements, ids: readonly number[], abstracts = true): Map<number, PaperRow> {
  const sql = abstracts ? PAPERS_BY_IDS : PAPERS_BY_IDS_NO_ABSTRACTS
  const rows = statements.get(sql).all(JSON.stringify(ids)) as PaperRow[]
  return new Map(rows.map((row) => [row.id, row]))
}

/**
 * The papers with these ids, in the order given; ids that do not exist are skipped. Without
 * abstracts (a list page that shows none), nothing is inflated: a tenth of a page's time.
 */
export function loadPapers(
  statements: Statements,
  ids: readonly number[],
  options: { abstracts: boolean } = { abstracts: true }
): Paper[] {
  if (ids.length === 0) return []
  const rows = loadRows(statements, ids, options.abstracts)
  const papers: Paper[] = []
  for (const id of ids) {
    const row = rows.get(id)
    if (row) papers.push(toPaper(row))
  }
  return papers
}

/** Papers with everything the reader pane shows, in the order given. */
export function loadPaperDetails(statements: Statements, ids: readonly number[]): PaperDetail[] {
  if (ids.length === 0) return []
  const rows = loadRows(statements, ids)
  const refs = new Map<number, DigestRef[]>()
  for (const ref of statements.get(DIGEST_REFS_BY_IDS).all(JSON.stringify(ids)) as DigestRefRow[]) {
    let list = refs.get(ref.paper_id)
    if (!list) refs.set(ref.paper_id, (list = []))
    list.push({ id: ref.id, title: ref.title, dateFrom: ref.date_from, dateTo: ref.date_to, position: ref.position })
  }
  const tags = new Map<number, string[]>()
  const subjects = new Map<number, string[]>()
  const idList = JSON.stringify(ids)
  for (const row of statements.get(LABELS_BY_IDS).all(idList, idList) as LabelRow[]) {
    const byPaper = row.kind === 'tag' ? tags : subjects
    let list = byPaper.get(row.paper_id)
    if (!list) byPaper.set(row.paper_id, (list = []))
    list.push(row.label)
  }
  const conflicts = new Set(
    statements
      .get('SELECT paper_id FROM sync_conflicts WHERE paper_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(idList) as number[]
  )
  const details: PaperDetail[] = []
  for (const id of ids) {
    const row = rows.get(id)
    if (!row) continue
    details.push({
      ...toPaper(row),
      digestRefs: refs.get(id) ?? [],
      readAt: row.read_at,
      starredAt: row.starred_at,
      noteUpdatedAt: row.note_updated_at,
      venue: row.venue,
      tags: (tags.get(id) ?? []).sort(byName),
      subjects: (subjects.get(id) ?? []).sort(byName),
      ...(conflicts.has(id) ? { noteConflict: true } : {})
    })
  }
  return details
}
