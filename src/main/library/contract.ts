// The library's public API: everything the CLI, the IPC handlers and the benchmark may do.
// `openLibrary()` in ./index.ts returns this; the per-table modules stay private behind it.
import type { ErrorCode } from '../../shared/errors'
import type {
  DigestDeletion,
  DigestProgress,
  LibraryStats,
  ListQuery,
  NextUnread,
  NextUnreadQuery,
  Paper,
  PaperDetail,
  PaperPage,
  SavedSearch,
  SearchPage,
  SearchQuery,
  Settings,
  Restored,
  StateChange,
  TagChange,
  TagCount,
  TrashContents
} from '../../shared/model'
import type { DigestMeta, ParsedPaper } from '../import/types'
import type { ExportSelection } from '../../shared/export'
import type { ExportPaper } from '../export/types'
import type { DiscoverData } from './discover-data'
import type { MergeHistory } from './merges'
import type { SyncStore } from './sync-contract'

/** One parsed file, ready to be written in one transaction. */
export interface DigestImport {
  digest: DigestMeta
  entries: ParsedPaper[]
  format: string
  fileName: string | null
  /** sha256 of the file's bytes: the same content imported again changes nothing. */
  contentHash: string
  /** The file as read, kept for the sync folder while sync is on (see sync-outbox.ts). */
  source?: DigestSource
  /** JabRef groups (Zotero collections) become tags: only when the reader asked for it. */
  groupsAsTags?: boolean
  /**
   * The papers as the parser hands them over, batch by batch (then `entries` is empty): a large
   * file is written as they come instead of being held whole (see record-feed.ts).
   */
  batches?: Iterable<readonly ParsedPaper[]>
  /** The digest as known once `batches` ran out, when its dates come from its papers (feeds). */
  finalDigest?: () => DigestMeta
  /**
   * A large file's papers are left waiting for the search index (see search-backlog.ts) for the
   * caller to index after it has reported (indexWaiting, finishImports): the import worker and
   * the command line. Without it the import returns once search finds them too.
   */
  indexLater?: boolean
}

export interface DigestSource {
  bytes: Uint8Array
  modifiedAt: Date
  /** The date the reader gave the import, if any. */
  date: string | null
}

export interface DigestImportOutcome {
  digestId: number
  /** Entries after collapsing the same paper listed twice in one file. */
  papers: number
  added: number
  /** Existing papers this digest enriched (a field filled or updated). */
  merged: number
  /** Existing papers this digest listed again without changing them. */
  unchanged: number
  alreadyImported: boolean
  /** Only for files that carry reading state (Dogear's JSON export): papers with no state of their own got it. */
  stateApplied?: number
  /** ... and papers that had state kept theirs. */
  stateKept?: number
}

export interface Library {
  /** Writes a whole digest in one transaction: all of it or nothing. Never touches reading state. */
  importDigest(input: DigestImport): DigestImportOutcome
  /**
   * Reads the words of papers imported since the last catch-up (at most `maxPapers`, in short
   * steps), so long prefixes search fast again (see search-terms.ts); returns how many papers
   * were read. The import worker runs it after reporting its imports, the CLI after importing.
   */
  catchUpSearchTerms(maxPapers?: number): number
  /**
   * Puts the papers of large imports that wait for the search index into it, in short steps
   * that let waiting writers go (see search-backlog.ts); returns how many ids waited. Until
   * then searches do not find them. finishImports starts with it.
   */
  indexWaiting(): number
  /** How many papers' ids wait for the search index (see indexWaiting). */
  waitingForIndex(): number
  /**
   * What follows imports once they are reported, in short steps that let waiting writers go:
   * the papers that wait for the search index (indexWaiting), the index's merging a large
   * import paused (see index-merging.ts), then the words of the new papers
   * (catchUpSearchTerms). The import worker runs it after posting its reports, the CLI after
   * importing. It never throws: what it could not do is left to the next call.
   */
  finishImports(): void
  listPapers(query: ListQuery): PaperPage
  /** The next unread paper after a list position, wrapping to the top; null when none is unread. */
  nextUnread(query: NextUnreadQuery): NextUnread | null
  getPaper(id: number): PaperDetail | null
  /** The query language of src/shared/query over FTS5 and the papers' fields; ranked; highlighted parts. */
  search(query: SearchQuery): SearchPage
  /** Saved searches in the reader's order, each with its unread count. */
  savedSearches(): SavedSearch[]
  /** Saves a query under a name; one of the same name is replaced. */
  saveSearch(name: string, query: string): SavedSearch
  savedSearchNamed(name: string): SavedSearch
  renameSearch(id: number, name: string): SavedSearch
  /** Moves a saved search to a 0-based place; returns them all in their new order. */
  moveSearch(id: number, index: number): SavedSearch[]
  deleteSearch(id: number): void
  markRead(ids: number[], read: boolean): StateChange
  /** Marks every paper matching the filter read; returns the ids that changed (for undo). */
  markAllRead(filter: ListQuery['filter']): StateChange
  setStarred(ids: number[], starred: boolean): StateChange
  /** Saves the note; an empty or whitespace-only text removes it. */
  saveNote(id: number, text: string): void
  listDigests(): DigestProgress[]
  stats(options?: { days?: number; now?: Date }): LibraryStats
  /** Every paper with its state, for `dogear export`. */
  exportAll(): PaperDetail[]
  /**
   * The selected papers for an export, handed to `onBatch` a few hundred at a time (never the
   * whole library in one array), from one consistent read; returns how many there were.
   */
  exportPapers(selection: ExportSelection, onBatch: (papers: ExportPaper[]) => void): number
  /** Adds a tag (created on first use; names compare case-insensitively) to papers. */
  tagPapers(name: string, ids: number[]): TagChange
  untagPapers(name: string, ids: number[]): TagChange
  /** Every tag with its paper count, A-Z. */
  tags(): TagCount[]
  /** Renames a tag; onto another tag's name (any case), the two are merged. */
  renameTag(from: string, to: string): { tag: string; merged: boolean; papers: number }
  /** Removes a tag from every paper; returns the papers that had it (for undo). */
  deleteTag(name: string): { tag: string; papers: number[] }
  /** Moves papers to the trash: hidden from lists, counts, search and digests until restored. */
  trashPapers(ids: number[]): StateChange
  /** Deletes a digest: papers no other digest lists go to the trash; shared papers stay. */
  deleteDigest(id: number): DigestDeletion
  trash(): TrashContents
  /** Restores trashed papers (by the ids they had) with their state, notes, tags and digests. */
  restorePapers(ids: number[]): Restored
  /** Restores a deleted digest (by its trash id) with the papers its deletion trashed. */
  restoreDigest(trashId: number): Restored
  /** Removes everything in the trash for good. */
  emptyTrash(): { papers: number; digests: number }
  /** Remembers the file a digest was imported from (its full path). */
  recordDigestSource(digestId: number, path: string): void
  /** A digest's file, or the file of a paper's first digest; null when none is known. */
  sourceFile(of: { digestId: number } | { paperId: number }): string | null
  /** App settings live in the library so the CLI and the app agree. */
  getSettings(): Settings
  updateSettings(patch: Partial<Settings>): Settings
  /** A verified copy of the library at `target` (SQLite's online backup; see backup.ts). */
  backup(target: string): Promise<BackupResult>
  /** What the recommender reads, and dismissals (src/main/discover builds on it). */
  discover: DiscoverData
  /** Papers joined by DOI or title on import, and splitting a wrong merge. */
  merges: MergeHistory
  /** Papers by id, in the order given (unknown ids skipped), as lists show them. */
  papersByIds(ids: readonly number[]): Paper[]
  /** Every paper id a filter shows, unordered (digests: in their order). */
  filterIds(filter: ListQuery['filter']): number[]
  /** Sync through a folder: this device's outbox and log, other devices' changes (see src/main/sync). */
  sync: SyncStore
  close(): void
}

export interface BackupResult {
  path: string
  bytes: number
  papers: number
  ms: number
}

/** Raised for operations on things that do not exist or arguments that make no sense. */
export class LibraryError extends Error {
  constructor(
    readonly code: Extract<
      ErrorCode,
      'NOT_FOUND' | 'INVALID_ARGUMENT' | 'NEWER_DATABASE' | 'CORRUPT' | 'DISK_FULL' | 'READ_ONLY' | 'BUSY'
    >,
    message: string
  ) {
    super(message)
    this.name = 'LibraryError'
  }
}
