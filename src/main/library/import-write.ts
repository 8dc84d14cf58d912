// Importing one parsed digest: one transaction, dedupe against the library, merge richer
// records into existing papers, never touch the reader's state of existing papers.
import type { Link } from '../../shared/model'
import { withImportCache, type Db, type Statements } from './connection'
import { LibraryError, type DigestImport, type DigestImportOutcome } from './contract'
import { localDay } from './clock'
import { collapseDuplicates, hasCode, mergeRecords, sameWorkByTitle, type PaperRecord } from './dedupe-merge'
import { RecordFeed } from './record-feed'
import type { DigestMeta } from '../import/types'
import { indexNewPapers, reindexAround, tidySearchIndex } from './search-index'
import { letWaitingWritersGo } from './write-turns'
import { ImportExtras } from './import-extras'
import { recordNewPaperVersions, recordVersion } from './versions'
import { recordDigestFile } from './sync-outbox'
import { recordMerge } from './merges'
import {
  beginPending,
  finishPending,
  heartbeat,
  recoverDeadImports,
  saveRowBefore,
  undoPendingImport
} from './pending-imports'

export interface StoredPaperRow {
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

export const INSERT_PAPER = `INSERT INTO papers (title, title_key, authors, abstract, snippet, arxiv_id, arxiv_version, doi,
  links, published_at, venue, has_code, digest_date, first_digest_id, first_position, created_at, updated_at)
  VALUES (:title, :titleKey, :authors, :abstract, :snippet, :arxivId, :arxivVersion, :doi,
  :links, :publishedAt, :venue, :hasCode, :day, :digestId, :position, :now, :now)`
export const UPDATE_PAPER = `UPDATE papers SET title = :title, title_key = :titleKey, authors = :authors, abstract = :abstract,
  snippet = :snippet, arxiv_id = :arxivId, arxiv_version = :arxivVersion, doi = :doi, links = :links,
  published_at = :publishedAt, venue = :venue, has_code = :hasCode, updated_at = :now WHERE id = :id`
// A digest older than the paper's first one becomes its first: "digest date" is the earliest listing.
const MOVE_FIRST_DIGEST = `UPDATE papers SET digest_date = ?, first_digest_id = ?, first_position = ? WHERE id = ?`

export function storedRecord(row: StoredPaperRow): PaperRecord {
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
    starHint: false,
    subjects: [],
    groups: [],
    carriedState: null
  }
}

export function recordParams(record: PaperRecord): Record<string, string | number | null> {
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
  const sameTitle = statements
    .get(FIND_BY_TITLE)
    .all({ titleKey: record.titleKey, arxiv: record.arxivId, doi: record.doi }) as StoredPaperRow[]
  return sameTitle.find((row) => sameWorkByTitle(storedRecord(row), record))
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
  if (!input.batches && input.entries.length === 0)
    throw new LibraryError('INVALID_ARGUMENT', `${name} lists no papers`)
}

/** Files with more papers than this are written in chunks (see pending-imports.ts). */
export const CHUNKED_FROM_PAPERS = 2_000

/**
 * A chunk commits once it has taken this long: the reader's writes then wait at most about
 * this much (plus one paper, one index flush and the commit), whatever the machine's speed.
 */
export const CHUNK_MS = 60
/** Merge steps after a large import at most (200 pages each): the rest is left to automerge. */
const MAX_TIDY_STEPS = 200

/** Records read ahead of a chunk (outside its transaction: parsing never holds the write lock). */
const READ_AHEAD = 1_000

type Outcome = 'added' | 'merged' | 'unchanged'

/** What the writes of one file share, chunk after chunk. */
interface FileWrite {
  statements: Statements
  digestId: number
  day: string
  nowIso: string
  /** Papers of this file by id, in order of their first entry. */
  outcomes: Map<number, Outcome>
  /** Papers with an id above this are not in the search index yet (added since the last fill). */
  indexedUpTo: number
  /** Called before an existing paper is first changed (chunked files save its row). */
  beforeChange(paperId: number): void
  /** Ids this file added: they are not existing papers, whatever their id. */
  added: Set<number>
  /** Subjects, groups as tags and carried reading state, written beside each paper. */
  extras: ImportExtras
  /** False while the digest's day is not final (a feed dated by its items): first digests are settled at the end. */
  movesFirstDigest: boolean
}

function lastPaperId(statements: Statements): number {
  return (statements.get('SELECT coalesce(max(id), 0) AS id FROM papers').get() as { id: number }).id
}

function insertDigest(statements: Statements, input: DigestImport, day: string, nowIso: string): number {
  const { digest } = input
  return Number(
    statements
      .get(
        `INSERT INTO digests (title, format, file_name, content_hash, date_from, date_to, day, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(digest.title, input.format, input.fileName, input.contentHash, digest.dateFrom, digest.dateTo, day, nowIso)
      .lastInsertRowid
  )
}

function writeRecord(write: FileWrite, record: PaperRecord): void {
  const { statements, digestId, day, nowIso, outcomes } = write
  const position = outcomes.size + 1
  const row = findExisting(statements, record)
  if (!row) {
    const params = { ...recordParams(record), day, digestId, position, now: nowIso }
    const id = Number(statements.get(INSERT_PAPER).run(params).lastInsertRowid)
    statements
      .get('INSERT INTO paper_state (paper_id, read_at, starred_at) VALUES (?, ?, ?)')
      .run(id, record.readHint ? nowIso : null, record.starHint ? nowIso : null)
    statements
      .get('INSERT INTO digest_entries (digest_id, position, paper_id) VALUES (?, ?, ?)')
      .run(digestId, position, id)
    write.extras.added(id, record)
    outcomes.set(id, 'added')
    write.added.add(id)
    return
  }
  const { record: merged, changed } = mergeRecords(storedRecord(row), withoutTakenDoi(statements, record, row))
  const earlier = outcomes.get(row.id)
  const moves = write.movesFirstDigest && earlier === undefined && day < row.digest_date
  if ((changed || moves) && !write.added.has(row.id)) write.beforeChange(row.id)
  if (changed) {
    const update = (): unknown => statements.get(UPDATE_PAPER).run({ ...recordParams(merged), now: nowIso, id: row.id })
    // A paper not indexed yet is indexed with its final text by the next fill.
    if (row.id > write.indexedUpTo) update()
    else reindexAround(statements, row.id, update)
  }
  if (earlier === undefined && !write.added.has(row.id)) recordMerge(statements, row, record, digestId, nowIso)
  const subjectsAdded = write.extras.existing(row.id, record, !write.added.has(row.id))
  recordVersion(statements, row.id, record.arxivVersion, digestId)
  if (earlier === undefined) {
    statements
      .get('INSERT INTO digest_entries (digest_id, position, paper_id) VALUES (?, ?, ?)')
      .run(digestId, position, row.id)
    statements.get('UPDATE papers SET digest_count = digest_count + 1 WHERE id = ?').run(row.id)
    if (moves) statements.get(MOVE_FIRST_DIGEST).run(day, digestId, position, row.id)
    outcomes.set(row.id, changed || subjectsAdded ? 'merged' : 'unchanged')
  } else if (earlier === 'unchanged' && (changed || subjectsAdded)) {
    // Two records of this file matched one paper by different keys: still one entry.
    outcomes.set(row.id, 'merged')
  }
}

/** Counts the digest's papers and reads, and says what the file did. */
function finishDigest(write: FileWrite): DigestImportOutcome {
  write.statements
    .get(
      `UPDATE digests SET paper_count = ?,
       read_count = (SELECT count(*) FROM digest_entries e JOIN paper_state s ON s.paper_id = e.paper_id
                      WHERE e.digest_id = digests.id AND s.read_at IS NOT NULL)
       WHERE id = ?`
    )
    .run(write.outcomes.size, write.digestId)
  const counts = { added: 0, merged: 0, unchanged: 0 }
  for (const outcome of write.outcomes.values()) counts[outcome]++
  return {
    digestId: write.digestId,
    papers: write.outcomes.size,
    ...counts,
    alreadyImported: false,
    ...write.extras.summary()
  }
}

function startWrite(statements: Statements, input: DigestImport, day: string, nowIso: string): FileWrite {
  const digestId = insertDigest(statements, input, day, nowIso)
  if (input.source) recordDigestFile(statements, input, input.source, new Date(nowIso))
  return {
    statements,
    digestId,
    day,
    nowIso,
    outcomes: new Map(),
    indexedUpTo: lastPaperId(statements),
    beforeChange: () => {},
    added: new Set(),
    extras: new ImportExtras(statements, nowIso, input.groupsAsTags === true, digestId),
    movesFirstDigest: true
  }
}

/**
 * Whether a record brings an arXiv version to record. Without one the versions statement is
 * skipped: it reads every new row past its abstract (a fifth of a bulk import's time).
 */
function hasVersion(record: PaperRecord): boolean {
  return record.arxivVersion !== null
}

/**
 * The digest's own dates, known only now that its last paper was read: the digest takes them,
 * its new papers take its day, and it becomes the first digest of the papers it lists earlier
 * than their first one did (ties keep the older digest, as while writing).
 */
function settleDigestDay(write: FileWrite, digest: DigestMeta, day: string): void {
  const { statements, digestId } = write
  statements
    .get('UPDATE digests SET title = ?, date_from = ?, date_to = ?, day = ? WHERE id = ?')
    .run(digest.title, digest.dateFrom, digest.dateTo, day, digestId)
  statements
    .get(
      `UPDATE papers SET digest_date = :day, first_digest_id = :digest, first_position = e.position
       FROM digest_entries e
       WHERE e.digest_id = :digest AND e.paper_id = papers.id
         AND (papers.first_digest_id = :digest OR papers.digest_date > :day)`
    )
    .run({ day, digest: digestId })
}

/** A small file: everything in one transaction. */
function importWhole(
  db: Db,
  statements: Statements,
  input: DigestImport,
  records: PaperRecord[],
  day: string,
  nowIso: string
) {
  return db
    .transaction((): DigestImportOutcome => {
      const known = alreadyImported(statements, input.contentHash)
      if (known) return known
      const write = startWrite(statements, input, day, nowIso)
      for (const record of records) writeRecord(write, record)
      indexNewPapers(statements, write.indexedUpTo)
      if (records.some(hasVersion)) recordNewPaperVersions(statements, write.indexedUpTo, write.digestId)
      return finishDigest(write)
    })
    .immediate()
}

/** A large file: pending, then chunks of about CHUNK_MS each as its batches come, then finished; undone whole on failure. */
function importInChunks(
  db: Db,
  statements: Statements,
  input: DigestImport,
  feed: RecordFeed,
  day: string,
  now: Date
): DigestImportOutcome {
  const nowIso = now.toISOString()
  const begin = db.transaction((): FileWrite | DigestImportOutcome => {
    recoverDeadImports(db, statements, Date.now())
    const known = alreadyImported(statements, input.contentHash)
    if (known) return known
    const write = startWrite(statements, input, day, nowIso)
    beginPending(statements, write.digestId, Date.now())
    write.beforeChange = (paperId) => saveRowBefore(statements, write.digestId, paperId)
    write.movesFirstDigest = input.finalDigest === undefined
    return write
  })
  const started = begin.immediate()
  if (!('statements' in started)) return started
  const write = started
  let outcome: DigestImportOutcome
  const chunk = db.transaction((): void => {
    // Papers other writers added between chunks are indexed by them already.
    write.indexedUpTo = lastPaperId(statements)
    const deadline = performance.now() + CHUNK_MS
    let first = true
    let versioned = false
    while (feed.waiting > 0 && (first || performance.now() < deadline)) {
      const record = feed.take()!
      versioned ||= hasVersion(record)
      writeRecord(write, record)
      first = false
    }
    indexNewPapers(statements, write.indexedUpTo)
    if (versioned) recordNewPaperVersions(statements, write.indexedUpTo, write.digestId)
    heartbeat(statements, write.digestId, Date.now())
  })
  try {
    for (feed.fill(READ_AHEAD); feed.waiting > 0; feed.fill(READ_AHEAD)) {
      chunk.immediate()
      letWaitingWritersGo(db.name)
    }
    outcome = db
      .transaction((): DigestImportOutcome => {
        const final = input.finalDigest?.()
        if (final) settleDigestDay(write, final, digestDay(final, now))
        const finished = finishDigest(write)
        finishPending(statements, write.digestId)
        return finished
      })
      .immediate()
  } catch (error) {
    undoPendingImport(db, statements, write.digestId)
    throw error
  }
  // The import is whole: the index's merging follows in steps of their own, so it does not land
  // in the next daily import's transaction. Only an optimization: should a step fail (a busy
  // library), automerge does the same work later, and the import stays a success.
  try {
    tidySearchIndex(db, statements, MAX_TIDY_STEPS, () => letWaitingWritersGo(db.name))
  } catch {
    // see above
  }
  return outcome
}

function digestDay(digest: DigestMeta, now: Date): string {
  return digest.dateFrom ?? digest.dateTo ?? localDay(now)
}

export function importDigest(db: Db, statements: Statements, input: DigestImport, now: Date): DigestImportOutcome {
  validate(input)
  const name = input.fileName ?? 'the digest'
  const feed = new RecordFeed(input.batches ?? [input.entries], name)
  feed.fill(CHUNKED_FROM_PAPERS)
  const nowIso = now.toISOString()
  if (!feed.done) return importInChunks(db, statements, input, feed, digestDay(input.digest, now), now)
  if (feed.count === 0) throw new LibraryError('INVALID_ARGUMENT', `${name} lists no papers`)
  // A small file was read whole: its digest is final, and it goes in as one transaction. (Chunks
  // commit every CHUNK_MS, so only this path needs a page cache grown to the file's size.)
  const whole = { ...input, digest: input.finalDigest?.() ?? input.digest }
  const records = collapseDuplicates(feed.takeAll())
  return withImportCache(db, records.length, () =>
    importWhole(db, statements, whole, records, digestDay(whole.digest, now), nowIso)
  )
}
