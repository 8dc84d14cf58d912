// The library facade: opens (and migrates) the database and binds every operation to it.
// Callers see only the Library interface; the modules behind it each own one concern.
import type { PaperDetail } from '../../shared/model'
import type { Clock } from './clock'
import { Statements, checkpoint, guardCorrupt, openConnection } from './connection'
import type { Library } from './contract'
import { listDigests } from './digests'
import { prepareFilter, unreadIdsQuery } from './filters'
import { allIds, filterIds, listPapers } from './listing'
import { discoverData } from './discover-data'
import { mergeHistory } from './merges'
import { rereadRevised, revisionOf, versionsOf } from './versions'
import { checkLibraryFile } from './library-file'
import { LATEST_VERSION } from './migrations'
import { migrate } from './migrate'
import { nextUnread } from './next-unread'
import { saveNote } from './notes'
import { importDigest } from './import-write'
import { loadPaperDetails, loadPapers } from './paper-rows'
import { createSavedSearches } from './saved-searches'
import { search } from './search'
import { getSettings, updateSettings } from './settings'
import { markRead, setStarred } from './state'
import { stats } from './stats'
import { recoverDeadImports } from './pending-imports'
import { backupLibrary } from './backup'
import { guardStorage, withStorageErrors } from './storage-errors'
import { LibraryError } from './contract'
import { recordDigestSource, sourceFile } from './digest-sources'
import { deleteTag, listTags, renameTag, tagPapers, untagPapers } from './tags'
import {
  deleteDigest,
  emptyTrash,
  listTrash,
  purgeExpiredTrash,
  restoreDigest,
  restorePapers,
  trashPapers
} from './trash'
import { syncStore } from './sync-store'
import { exportPapers } from './export-rows'
import { catchUpSearchTerms } from './search-terms'
import { letWaitingWritersGo } from './write-turns'
import { mergeAfterImports } from './index-merging'
import { indexWaiting, waitingCount } from './search-backlog'

export { LibraryError } from './contract'
export type { DigestImport, DigestImportOutcome, Library } from './contract'
export { LATEST_VERSION } from './migrations'

export interface LibraryOptions {
  /** The library's clock (tests fix it); defaults to the system time. */
  now?: Clock
  /** Path of a better-sqlite3 binary built for another ABI (the Electron app's); Node's build otherwise. */
  nativeBinding?: string
  /**
   * Whether a missing file becomes a new library (the default). Read-only commands pass false:
   * a mistyped path then says that no library is there and creates nothing.
   */
  create?: boolean
}

const EXPORT_CHUNK = 500
/** Merge steps after imports at most (200 pages each): the rest is left to automerge. */
const MAX_TIDY_STEPS = 200

/** Opens the library at `path` (':memory:' for a throwaway one), migrating it to this version. */
export function openLibrary(path: string, options: LibraryOptions = {}): Library {
  const now: Clock = options.now ?? (() => new Date())
  // Refusals come first, before a connection could change the file (see library-file.ts).
  const state = checkLibraryFile(path, LATEST_VERSION, options.nativeBinding)
  if (state === 'missing' && options.create === false) {
    throw new LibraryError('NOT_FOUND', `There is no library at ${path}`)
  }
  const db = guardStorage(path, () => openConnection(path, options.nativeBinding))
  try {
    guardStorage(path, () => guardCorrupt(path, () => migrate(db, path, now())))
  } catch (error) {
    db.close()
    throw error
  }
  const statements = new Statements(db)
  // A large import whose process died (kill -9, power loss) is taken back out whole.
  guardStorage(path, () => recoverDeadImports(db, statements, Date.now()))
  const savedSearches = createSavedSearches(db, statements, now)
  purgeExpiredTrash(db, statements, getSettings(statements).trashPurgeDays, now())

  return withStorageErrors(path, {
    importDigest: (input) => importDigest(db, statements, input, now()),
    catchUpSearchTerms: (maxPapers) => catchUpSearchTerms(db, statements, maxPapers, () => letWaitingWritersGo(path)),
    indexWaiting: () => indexWaiting(db, statements, () => letWaitingWritersGo(path)),
    waitingForIndex: () => waitingCount(statements),
    finishImports: () => {
      // After imports that succeeded and were reported: the search index of their large files'
      // papers, then merging. A step that fails (a library busy past the timeout) is left to the
      // next finishImports (or indexWaiting), and the merging to automerge meanwhile; it must not
      // turn those imports into a failure.
      try {
        indexWaiting(db, statements, () => letWaitingWritersGo(path))
        mergeAfterImports(db, statements, MAX_TIDY_STEPS, () => letWaitingWritersGo(path))
        catchUpSearchTerms(db, statements, undefined, () => letWaitingWritersGo(path))
      } catch {
        // see above
      }
    },
    listPapers: (query) => listPapers(statements, query),
    nextUnread: (query) => nextUnread(statements, query),
    getPaper: (id) => {
      const paper = loadPaperDetails(statements, [id])[0]
      if (!paper) return null
      const versions = versionsOf(statements, id)
      return { ...paper, versions, revision: revisionOf(versions, paper.readAt) }
    },
    search: (query) => search(statements, query),
    savedSearches: () => savedSearches.list(),
    saveSearch: (name, query) => savedSearches.save(name, query),
    savedSearchNamed: (name) => savedSearches.named(name),
    renameSearch: (id, name) => savedSearches.rename(id, name),
    moveSearch: (id, index) => savedSearches.move(id, index),
    deleteSearch: (id) => savedSearches.remove(id),
    markRead: (ids, read) => {
      const change = markRead(db, statements, ids, read, now())
      // Marking a revised paper read again clears "revised since read" (it was read and stays read).
      const changed = new Set(change.changed)
      if (read)
        rereadRevised(
          db,
          statements,
          ids.filter((id) => !changed.has(id)),
          now()
        )
      return change
    },
    markAllRead: (filter) => {
      prepareFilter(statements, filter)
      const query = unreadIdsQuery(filter)
      const ids = statements
        .get(query.sql)
        .pluck()
        .all(...query.params) as number[]
      if (filter.kind === 'revised') {
        rereadRevised(db, statements, ids, now())
        return { changed: [] }
      }
      return markRead(db, statements, ids, true, now())
    },
    setStarred: (ids, starred) => setStarred(db, statements, ids, starred, now()),
    saveNote: (id, text) => saveNote(db, statements, id, text, now()),
    listDigests: () => listDigests(statements),
    stats: (options) => stats(statements, options?.now ?? now(), options?.days),
    exportAll: () => {
      const ids = allIds(statements)
      const papers: PaperDetail[] = []
      for (let start = 0; start < ids.length; start += EXPORT_CHUNK) {
        papers.push(...loadPaperDetails(statements, ids.slice(start, start + EXPORT_CHUNK)))
      }
      return papers
    },
    exportPapers: (selection, onBatch) => exportPapers(db, statements, selection, onBatch),
    tagPapers: (name, ids) => tagPapers(db, statements, name, ids, now()),
    untagPapers: (name, ids) => untagPapers(db, statements, name, ids, now()),
    tags: () => listTags(statements),
    renameTag: (from, to) => renameTag(db, statements, from, to, now()),
    deleteTag: (name) => deleteTag(db, statements, name, now()),
    trashPapers: (ids) => trashPapers(db, statements, ids, now()),
    deleteDigest: (id) => deleteDigest(db, statements, id, now()),
    trash: () => listTrash(statements),
    restorePapers: (ids) => restorePapers(db, statements, ids, now()),
    restoreDigest: (trashId) => restoreDigest(db, statements, trashId, now()),
    emptyTrash: () => emptyTrash(db, statements),
    recordDigestSource: (digestId, path) => recordDigestSource(statements, digestId, path, now()),
    sourceFile: (of) => sourceFile(statements, of),
    getSettings: () => getSettings(statements),
    updateSettings: (patch) => updateSettings(db, statements, patch, now()),
    sync: syncStore(db, statements, now),
    backup: (target) => backupLibrary(db, target),
    discover: discoverData(db, statements, now),
    merges: mergeHistory(db, statements, now),
    papersByIds: (ids) => loadPapers(statements, ids),
    filterIds: (filter) => filterIds(statements, filter),
    close: () => {
      // The WAL goes into the file first, so a closed library is one file of its real size.
      checkpoint(db, 'TRUNCATE')
      if (db.open) db.close()
    }
  })
}
