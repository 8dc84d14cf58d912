// Importing one parsed digest: one transaction, dedupe against the library, merge richer
// records into existing papers, never touch the reader's state of existing papers.
import type { Link } from '../../shared/model'
import { withImportCache, type Db, type Statements } from './connection'
import { LibraryError, type DigestImport, type DigestImportOutcome } from './contract'
import { localDay } from './clock'
import { collapseDuplicates, hasCode, mergeRecords, toRecord, type PaperRecord } from './dedupe-merge'
import { indexNewPapers, reindexAround } from './search-index'

interface StoredPaperRow {
  id: number
  title: string
  title_key: string
  authors: string
  abstract: string | null
  snippet: string | null
  arxiv_id: string | null
  arxiv_version: number | null
  doi: string | null
  links: string
  published_at: string | null
  venue: string | null
  digest_date: string
}

const STORED_COLUMNS = `id, title, title_key, authors, abstract, snippet, arxiv_id, arxiv_version, doi, links,
  published_at, venue, digest_date`

// A DOI or title match is refused when identifiers disagree: those are two different papers.
const FIND_BY_ARXIV = `SELECT ${STORED_COLUMNS} FROM papers WHERE arxiv_id = ?`
const FIND_BY_DOI = `SELECT ${STORED_COLUMNS} FROM papers
  WHERE doi = :doi AND (arxiv_id IS NULL OR :arxiv IS NULL OR arxiv_id = :arxiv) ORDER BY id LIMIT 1`
const FIND_BY_TITLE = `SELECT ${STORED_COLUMNS} FROM papers
  WHERE title_key = :titleKey AND (arxiv_id IS NULL OR :arxiv IS NULL OR arxiv_id = :arxiv)
    AND (doi IS NULL OR :doi IS NULL OR doi = :doi) ORDER BY id LIMIT 1`

const INSERT_PAPER = `INSERT INTO papers (title, title_key, authors, abstract, snippet, arxiv_id, arxiv_version, doi,
  links, published_at, venue, has_code, digest_date, first_digest_id, first_position, created_at, updated_at)
  VALUES (:title, :titleKey, :authors, :abstract, :snippet, :arxivId, :arxivVersion, :doi,
  :links, :publishedAt, :venue, :hasCode, :day, :digestId, :position, :now, :now)`
const UPDATE_PAPER = `UPDATE papers SET title = :title, title_key = :titleKey, authors = :authors, abstract = :abstract,
  snippet = :snippet, arxiv_id = :arxivId, arxiv_version = :arxivVersion, doi = :doi, links = :links,
  published_at = :publishedAt, venue = :venue, has_code = :hasCode, updated_at = :now WHERE id = :id`
// A digest older than the paper's first one becomes its first: "digest date" is the earliest listing.
const MOVE_FIRST_DIGEST = `UPDATE papers SET digest_date = ?, first_digest_id = ?, first_position = ? WHERE id = ?`

function storedRecord(row: StoredPaperRow): PaperRecord {
  return {
    title: row.title,
    titleKey: row.title_key,
    authors: JSON.parse(row.authors) as string[],
    abstract: row.abstract,
    snippet: row.snippet,
    arxivId: row.arxiv_id,
    arxivVersion: row.arxiv_version,
    doi: row.doi,
    links: JSON.parse(row.links) as Link[],
    publishedAt: row.published_at,
    venue: row.venue,
    readHint: false,
    starHint: false
  }
}

function recordParams(record: PaperRecord): Record<string, string | number | null> {
  return {
    title: record.title,
    titleKey: record.titleKey,
    authors: JSON.stringify(record.authors),
    abstract: record.abstract,
    snippet: record.snippet,
    arxivId: record.arxivId,
    arxivVersion: record.arxivVersion,
    doi: record.doi,
    links: JSON.stringify(record.links),
    publishedAt: record.publishedAt,
    venue: record.venue,
    hasCode: hasCode(record.links) ? 1 : 0
  }
}

function findExisting(statements: Statements, record: PaperRecord): StoredPaperRow | undefined {
  if (record.arxivId) {
    const row = statements.get(FIND_BY_ARXIV).get(record.arxivId) as StoredPaperRow | undefined
    if (row) return row
  }
  if (record.doi) {
    const row = statements.get(FIND_BY_DOI).get({ doi: record.doi, arxiv: record.arxivId }) as
      StoredPaperRow | undefined
    if (row) return row
  }
  if (record.titleKey === '') return undefined
  return statements.get(FIND_BY_TITLE).get({ titleKey: record.titleKey, arxiv: record.arxivId, doi: record.doi }) as
    StoredPaperRow | undefined
}

/** A DOI another paper already holds is not copied onto this one: records that disagree lose it. */
function withoutTakenDoi(statements: Statements, record: PaperRecord, row: StoredPaperRow): PaperRecord {
  if (!record.doi || row.doi !== null) return record
  const taken = statements.get('SELECT 1 FROM papers WHERE doi = ? AND id <> ?').get(record.doi, row.id)
  return taken ? { ...record, doi: null } : record
}

function alreadyImported(statements: Statements, contentHash: string): DigestImportOutcome | null {
  const row = statements.get('SELECT id, paper_count FROM digests WHERE content_hash = ?').get(contentHash) as
    { id: number; paper_count: number } | undefined
  if (!row) return null
  return {
    digestId: row.id,
    papers: row.paper_count,
    added: 0,
    merged: 0,
    unchanged: row.paper_count,
    alreadyImported: true
  }
}

function validate(input: DigestImport): void {
  const name = input.fileName ?? 'the digest'
  if (!/^[0-9a-f]{16,}$/i.test(input.contentHash)) {
    throw new LibraryError('INVALID_ARGUMENT', `${name}: the content hash must be a hex digest`)
  }
  if (input.entries.length === 0) throw new LibraryError('INVALID_ARGUMENT', `${name} lists no papers`)
  const blank = input.entries.find((entry) => entry.title.trim() === '')
  if (blank) throw new LibraryError('INVALID_ARGUMENT', `${name}: the paper at line ${blank.line} has no title`)
}

export function importDigest(db: Db, statements: Statements, input: DigestImport, now: Date): DigestImportOutcome {
  validate(input)
  const records = collapseDuplicates(input.entries.map(toRecord))
  const nowIso = now.toISOString()
  const day = input.digest.dateFrom ?? input.digest.dateTo ?? localDay(now)

  return withImportCache(db, records.length, () =>
    db
      .transaction((): DigestImportOutcome => {
        const known = alreadyImported(statements, input.contentHash)
        if (known) return known

        const lastIdBefore = (statements.get('SELECT coalesce(max(id), 0) AS id FROM papers').get() as { id: number })
          .id
        const digestId = Number(
          statements
            .get(
              `INSERT INTO digests (title, format, file_name, content_hash, date_from, date_to, day, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
            )
            .run(
              input.digest.title,
              input.format,
              input.fileName,
              input.contentHash,
              input.digest.dateFrom,
              input.digest.dateTo,
              day,
              nowIso
            ).lastInsertRowid
        )

        const outcomes = new Map<number, 'added' | 'merged' | 'unchanged'>()
        const insertEntry = statements.get(
          'INSERT INTO digest_entries (digest_id, position, paper_id) VALUES (?, ?, ?)'
        )
        const insertState = statements.get('INSERT INTO paper_state (paper_id, read_at, starred_at) VALUES (?, ?, ?)')
        const insertPaper = statements.get(INSERT_PAPER)

        for (const record of records) {
          const position = outcomes.size + 1
          const row = findExisting(statements, record)
          if (!row) {
            const params = { ...recordParams(record), day, digestId, position, now: nowIso }
            const id = Number(insertPaper.run(params).lastInsertRowid)
            insertState.run(id, record.readHint ? nowIso : null, record.starHint ? nowIso : null)
            insertEntry.run(digestId, position, id)
            outcomes.set(id, 'added')
            continue
          }
          const { record: merged, changed } = mergeRecords(storedRecord(row), withoutTakenDoi(statements, record, row))
          if (changed) {
            const update = (): unknown =>
              statements.get(UPDATE_PAPER).run({ ...recordParams(merged), now: nowIso, id: row.id })
            // A paper this import added is not indexed yet: the fill at the end indexes its final text.
            if (row.id > lastIdBefore) update()
            else reindexAround(statements, row.id, update)
          }
          const earlier = outcomes.get(row.id)
          if (earlier === undefined) {
            insertEntry.run(digestId, position, row.id)
            if (day < row.digest_date) statements.get(MOVE_FIRST_DIGEST).run(day, digestId, position, row.id)
            outcomes.set(row.id, changed ? 'merged' : 'unchanged')
          } else if (earlier === 'unchanged' && changed) {
            // Two records of this file matched one paper by different keys: still one entry.
            outcomes.set(row.id, 'merged')
          }
        }

        indexNewPapers(statements, lastIdBefore)
        statements
          .get(
            `UPDATE digests SET paper_count = ?,
           read_count = (SELECT count(*) FROM digest_entries e JOIN paper_state s ON s.paper_id = e.paper_id
                          WHERE e.digest_id = digests.id AND s.read_at IS NOT NULL)
         WHERE id = ?`
          )
          .run(outcomes.size, digestId)

        const counts = { added: 0, merged: 0, unchanged: 0 }
        for (const outcome of outcomes.values()) counts[outcome]++
        return { digestId, papers: outcomes.size, ...counts, alreadyImported: false }
      })
      .immediate()
  )
}
