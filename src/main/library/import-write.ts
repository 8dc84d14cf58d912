// Importing one parsed digest: one transaction, dedupe against the library, merge richer
// records into existing papers, never touch the reader's state of existing papers.
import { LARGE_IMPORT_PAPERS, withImportCache, withImportCheckpoint, type Db, type Statements } from './connection'
import { beginCheckpointer, type Checkpointer } from './wal-checkpointer'
import { LibraryError, type DigestImport, type DigestImportOutcome } from './contract'
import { localDay } from './clock'
import { collapseDuplicates, hasCode, mergeRecords, type PaperRecord } from './dedupe-merge'
import { findExisting, insertPaper, recordParams, sameRecordAgain, storedRecord, withoutTakenDoi } from './import-match'
import { RecordFeed } from './record-feed'
import { lastPaperId } from './paper-rows'
import { beginAbstractDeflater } from './abstract-deflater'
import type { DigestMeta } from '../import/types'
import { reindexAround, rememberNewAbstract, withNewPapersIndexed, withNewPapersWaiting } from './search-index'
import { countingNewRows, NewRowCounts } from './import-counts'
import { pauseMerging } from './index-merging'
import { forgetWaitingAbstracts, indexWaiting } from './search-backlog'
import { letWaitingWritersGo } from './write-turns'
import { ImportExtras } from './import-extras'
import { recordNewPaperVersion, recordVersion } from './versions'
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

export const UPDATE_PAPER = `UPDATE papers SET title = :title, title_key = :titleKey, authors = :authors, abstract = :abstract,
  snippet = :snippet, arxiv_id = :arxivId, arxiv_version = :arxivVersion, doi = :doi, links = :links,
  published_at = :publishedAt, venue = :venue, has_code = :hasCode, updated_at = :now WHERE id = :id`
// A digest older than the paper's first one becomes its first: "digest date" is the earliest listing.
const MOVE_FIRST_DIGEST = `UPDATE papers SET digest_date = ?, first_digest_id = ?, first_position = ? WHERE id = ?`

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
/** A file with more papers than this starts a deflater's thread, in case it is chunked. */
const DEFLATER_FROM_PAPERS = 500

/**
 * A chunk commits once it has taken about this long, its search-index flush included: the
 * reader's writes then wait about this much (plus the commit), whatever the machine's speed.
 */
export const CHUNK_MS = 40
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
  /** The listing counts the current transaction's new papers add (see import-counts.ts). */
  counts: NewRowCounts
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
    const id = insertPaper(statements, record, { day, digestId, position, now: nowIso })
    if (record.abstract !== null) rememberNewAbstract(statements, id, record.title, record.abstract)
    statements
      .get('INSERT INTO paper_state (paper_id, read_at, starred_at) VALUES (?, ?, ?)')
      .run(id, record.readHint ? nowIso : null, record.starHint ? nowIso : null)
    write.counts.added(hasCode(record.links), record.readHint, record.starHint)
    statements
      .get('INSERT INTO digest_entries (digest_id, position, paper_id) VALUES (?, ?, ?)')
      .run(digestId, position, id)
    recordNewPaperVersion(statements, id, record.arxivVersion, { id: digestId, day, importedAt: nowIso })
    write.extras.added(id, record)
    outcomes.set(id, 'added')
    write.added.add(id)
    return
  }
  const stored = storedRecord(row)
  const { record: merged, changed } = mergeRecords(stored, withoutTakenDoi(statements, record, row))
  const earlier = outcomes.get(row.id)
  const moves = earlier === undefined && day < row.digest_date
  if ((changed || moves) && !write.added.has(row.id)) write.beforeChange(row.id)
  if (changed) {
    const update = (): unknown => statements.get(UPDATE_PAPER).run({ ...recordParams(merged), now: nowIso, id: row.id })
    // A paper not indexed yet is indexed with its final text by the next fill.
    if (row.id > write.indexedUpTo) {
      update()
      rememberNewAbstract(statements, row.id, merged.title, merged.abstract)
    } else reindexAround(statements, row.id, update)
  }
  if (earlier === undefined && !write.added.has(row.id) && !sameRecordAgain(stored, record))
    recordMerge(statements, row, record, digestId, nowIso)
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
    // Replaced by each transaction's own (countingNewRows): counts outside one are never added.
    counts: new NewRowCounts()
  }
}

/**
 * The digest's own dates, known only now that its last paper was read (a feed dated by its
 * items). Papers were written under the day known at the start; when the final day differs,
 * the digest takes it, and every paper it lists that it was first of, or that was first listed
 * later than the final day, gets its first digest anew (earliest day, then oldest digest).
 */
function settleDigestDay(write: FileWrite, digest: DigestMeta, day: string): void {
  const { statements, digestId } = write
  statements
    .get('UPDATE digests SET title = ?, date_from = ?, date_to = ?, day = ? WHERE id = ?')
    .run(digest.title, digest.dateFrom, digest.dateTo, day, digestId)
  if (day === write.day) return
  statements
    .get(
      `UPDATE papers SET digest_date = f.day, first_digest_id = f.digest_id, first_position = f.position
       FROM (SELECT e.paper_id, d.day, d.id AS digest_id, e.position,
                    row_number() OVER (PARTITION BY e.paper_id ORDER BY d.day, d.id) AS n
               FROM digest_entries mine JOIN papers p ON p.id = mine.paper_id
               JOIN digest_entries e ON e.paper_id = mine.paper_id JOIN digests d ON d.id = e.digest_id
              WHERE mine.digest_id = :digest AND (p.first_digest_id = :digest OR p.digest_date > :day)) f
       WHERE f.n = 1 AND papers.id = f.paper_id`
    )
    .run({ digest: digestId, day })
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
      countingNewRows(statements, (counts) => {
        write.counts = counts
        withNewPapersIndexed(statements, write.indexedUpTo, () => {
          for (const record of records) writeRecord(write, record)
        })
      })
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
  now: Date,
  checkpointer: Checkpointer | null
): DigestImportOutcome {
  const nowIso = now.toISOString()
  const begin = db.transaction((): FileWrite | DigestImportOutcome => {
    recoverDeadImports(db, statements, Date.now())
    const known = alreadyImported(statements, input.contentHash)
    if (known) return known
    const write = startWrite(statements, input, day, nowIso)
    beginPending(statements, write.digestId, Date.now())
    pauseMerging(statements)
    write.beforeChange = (paperId) => saveRowBefore(statements, write.digestId, paperId)
    return write
  })
  const started = begin.immediate()
  if (!('statements' in started)) return started
  const write = started
  // What the commit costs per paper written, learned chunk by chunk. The chunk's papers wait for
  // the search index (search-backlog.ts): it is filled after the import has reported.
  let afterWritingMs = 0.05
  let outcome: DigestImportOutcome
  const chunk = db.transaction((): void => {
    // Papers other writers added between chunks are theirs to index.
    write.indexedUpTo = lastPaperId(statements)
    const deadline = performance.now() + CHUNK_MS
    let written = 0
    let wrote = 0
    countingNewRows(statements, (counts) => {
      write.counts = counts
      withNewPapersWaiting(statements, write.indexedUpTo, () => {
        while (feed.waiting > 0 && (written === 0 || performance.now() + written * afterWritingMs < deadline)) {
          const record = feed.take()!
          writeRecord(write, record)
          written++
        }
        wrote = performance.now()
      })
    })
    heartbeat(statements, write.digestId, Date.now())
    afterWritingMs = 0.7 * afterWritingMs + (0.3 * (performance.now() - wrote)) / written
  })
  try {
    withChunkSync(db, checkpointer, () => {
      for (feed.fill(READ_AHEAD); feed.waiting > 0; feed.fill(READ_AHEAD)) {
        chunk.immediate()
        checkpointer?.committed()
        letWaitingWritersGo(db.name)
      }
    })
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
    // Ids of the papers undone may be given out again: their remembered text must not stay.
    forgetWaitingAbstracts(statements)
    undoPendingImport(db, statements, write.digestId)
    throw error
  }
  return outcome
}

/**
 * Chunks commit without waiting for the disk (synchronous = NORMAL): a chunk lost to a power
 * cut takes every later one with it (WAL keeps commit order), and the pending import it
 * belongs to is undone at the next open anyway. The last transaction, which makes the import
 * final, commits with the usual full flush. The chunks' checkpoints run on the checkpointer's
 * thread when it started (wal-checkpointer.ts).
 */
function withChunkSync(db: Db, checkpointer: Checkpointer | null, work: () => void): void {
  const before = db.pragma('synchronous', { simple: true }) as number
  db.pragma('synchronous = NORMAL')
  try {
    work()
  } finally {
    // Before the last transaction and the closing checkpoint: the connection checkpoints again.
    checkpointer?.close()
    db.pragma(`synchronous = ${before}`)
  }
}

function digestDay(digest: DigestMeta, now: Date): string {
  return digest.dateFrom ?? digest.dateTo ?? localDay(now)
}

export function importDigest(db: Db, statements: Statements, input: DigestImport, now: Date): DigestImportOutcome {
  validate(input)
  const name = input.fileName ?? 'the digest'
  const feed = new RecordFeed(input.batches ?? [input.entries], name)
  // A file that goes on past its first few hundred papers may be large: its deflater's thread
  // starts (30 ms here) while the rest of its first chunks is read, stopped unused if it ends soon.
  feed.fill(DEFLATER_FROM_PAPERS)
  const deflater = feed.done ? null : beginAbstractDeflater()
  const checkpointer = feed.done ? null : beginCheckpointer(db)
  try {
    feed.fill(CHUNKED_FROM_PAPERS)
    if (!feed.done) {
      const day = digestDay(input.digest, now)
      feed.deflateWith(deflater!.ready())
      const checkpoints = checkpointer?.ready() ?? null
      return withImportCheckpoint(db, LARGE_IMPORT_PAPERS, () => {
        const outcome = importInChunks(db, statements, input, feed, day, now, checkpoints)
        if (!input.indexLater) indexWaiting(db, statements, () => letWaitingWritersGo(db.name))
        return outcome
      })
    }
  } finally {
    checkpointer?.close()
    deflater?.close()
  }
  const nowIso = now.toISOString()
  if (feed.count === 0) throw new LibraryError('INVALID_ARGUMENT', `${name} lists no papers`)
  // A small file was read whole: its digest is final, and it goes in as one transaction. (Chunks
  // commit every CHUNK_MS, so only this path needs a page cache grown to the file's size.)
  const whole = { ...input, digest: input.finalDigest?.() ?? input.digest }
  const records = collapseDuplicates(feed.takeAll())
  return withImportCheckpoint(db, records.length, () =>
    withImportCache(db, records.length, () =>
      importWhole(db, statements, whole, records, digestDay(whole.digest, now), nowIso)
    )
  )
}
