// Which paper of the library a record of a file is, strongest key first (arXiv id, DOI, the
// title with its first author and year), and the stored row it merges into.
import type { Link } from '../../shared/model'
import type { Statements } from './connection'
import { hasCode, sameWorkByTitle, type PaperRecord } from './dedupe-merge'
import { abstractText, storedAbstract } from './abstract-text'

export interface StoredPaperRow {
  id: number
  title: string
  title_key: string
  authors: string
  /** As stored: see abstract-text.ts. */
  abstract: unknown
  snippet: string | null
  arxiv_id: string | null
  arxiv_version: number | null
  doi: string | null
  links: string
  published_at: string | null
  venue: string | null
  digest_date: string
}

// Column lists spliced into the SQL below are constants of this file; every value binds.
const STORED_COLUMNS = `id, title, title_key, authors, abstract, snippet, arxiv_id, arxiv_version, doi, links,
  published_at, venue, digest_date`

// A DOI or title match is refused when identifiers disagree: those are two different papers.
const FIND_BY_ARXIV = `SELECT ${STORED_COLUMNS} FROM papers WHERE arxiv_id = ?`
const FIND_BY_DOI = `SELECT ${STORED_COLUMNS} FROM papers
  WHERE doi = :doi AND (arxiv_id IS NULL OR :arxiv IS NULL OR arxiv_id = :arxiv) ORDER BY id LIMIT 1`
const FIND_BY_TITLE = `SELECT ${STORED_COLUMNS} FROM papers
  WHERE title_key = :titleKey AND (arxiv_id IS NULL OR :arxiv IS NULL OR arxiv_id = :arxiv)
    AND (doi IS NULL OR :doi IS NULL OR doi = :doi) ORDER BY id LIMIT 20`

export function storedRecord(row: StoredPaperRow): PaperRecord {
  return {
    title: row.title,
    titleKey: row.title_key,
    authors: JSON.parse(row.authors) as string[],
    abstract: abstractText(row.abstract),
    snippet: row.snippet,
    arxivId: row.arxiv_id,
    arxivVersion: row.arxiv_version,
    doi: row.doi,
    links: JSON.parse(row.links) as Link[],
    publishedAt: row.published_at,
    venue: row.venue,
    readHint: false,
    starHint: false,
    subjects: [],
    groups: [],
    carriedState: null
  }
}

/** The abstract as stored: the deflater's copy when it is of this very text. */
function abstractToStore(record: PaperRecord): Uint8Array | string | null {
  return record.prepared && record.prepared.abstract === record.abstract
    ? record.prepared.stored
    : storedAbstract(record.abstract)
}

export function recordParams(record: PaperRecord): Record<string, string | number | Uint8Array | null> {
  return {
    title: record.title,
    titleKey: record.titleKey,
    authors: JSON.stringify(record.authors),
    abstract: abstractToStore(record),
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

// Values bind by position: named ones, spread into one object with the placement, cost an
// import of 10,000 papers 80 ms more.
const INSERT_PAPER = `INSERT INTO papers (title, title_key, authors, abstract, snippet, arxiv_id, arxiv_version, doi,
  links, published_at, venue, has_code, digest_date, first_digest_id, first_position, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/** Where a new paper is first listed: its digest's day, the digest and its position there. */
export interface FirstListing {
  day: string
  digestId: number
  position: number
  now: string
}

/** Writes a new paper's row; returns its id. */
export function insertPaper(statements: Statements, record: PaperRecord, first: FirstListing): number {
  const row = statements
    .get(INSERT_PAPER)
    .run(
      record.title,
      record.titleKey,
      JSON.stringify(record.authors),
      abstractToStore(record),
      record.snippet,
      record.arxivId,
      record.arxivVersion,
      record.doi,
      JSON.stringify(record.links),
      record.publishedAt,
      record.venue,
      hasCode(record.links) ? 1 : 0,
      first.day,
      first.digestId,
      first.position,
      first.now,
      first.now
    )
  return Number(row.lastInsertRowid)
}

export function findExisting(statements: Statements, record: PaperRecord): StoredPaperRow | undefined {
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
  const sameTitle = statements
    .get(FIND_BY_TITLE)
    .all({ titleKey: record.titleKey, arxiv: record.arxivId, doi: record.doi }) as StoredPaperRow[]
  return sameTitle.find((row) => sameWorkByTitle(storedRecord(row), record))
}

/** A DOI another paper already holds is not copied onto this one: records that disagree lose it. */
export function withoutTakenDoi(statements: Statements, record: PaperRecord, row: StoredPaperRow): PaperRecord {
  if (!record.doi || row.doi !== null) return record
  const taken = statements.get('SELECT 1 FROM papers WHERE doi = ? AND id <> ?').get(record.doi, row.id)
  return taken ? { ...record, doi: null } : record
}

/**
 * The same record listed again (a paper a later digest lists as the earlier one did): joining it
 * is not a merge anyone would split (splitting would make a copy of the paper), so none is
 * recorded. Keeping both records of every re-listing cost 4 KB a listing.
 */
export function sameRecordAgain(stored: PaperRecord, incoming: PaperRecord): boolean {
  return (
    stored.title === incoming.title &&
    stored.abstract === incoming.abstract &&
    stored.snippet === incoming.snippet &&
    stored.arxivId === incoming.arxivId &&
    stored.doi === incoming.doi &&
    stored.publishedAt === incoming.publishedAt &&
    stored.venue === incoming.venue &&
    JSON.stringify(stored.authors) === JSON.stringify(incoming.authors) &&
    JSON.stringify(stored.links) === JSON.stringify(incoming.links)
  )
}
