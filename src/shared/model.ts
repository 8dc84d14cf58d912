// The domain model shared by main, preload, renderer and the CLI.
// Plain data only: everything here crosses the IPC boundary as structured clone.
import type { PaperFilter } from './filters'

/** What a link points at; `code` covers GitHub, GitLab and Gitee repositories. */
export type LinkKind = 'abs' | 'pdf' | 'code' | 'project' | 'doi' | 'other'

export interface Link {
  url: string
  kind: LinkKind
}

/** One paper as lists, search results and the CLI show it. */
export interface Paper {
  id: number
  title: string
  authors: string[]
  abstract: string | null
  /** Truncated text from sources that carry no abstract (Scholar alerts). */
  snippet: string | null
  arxivId: string | null
  doi: string | null
  links: Link[]
  /** Ids of the digests the paper came from, oldest first. */
  digests: number[]
  /** Date (YYYY-MM-DD) of the earliest digest that listed the paper. */
  digestDate: string | null
  publishedAt: string | null
  read: boolean
  starred: boolean
  note: string | null
  hasCode: boolean
  /** Why the paper is suggested, on lists ranked by the recommender. */
  recommendation?: Recommendation
}

/** "like 'A title' · term, term": the starred papers a suggestion is closest to and shared terms. */
export interface Recommendation {
  score: number
  like: { id: number; title: string }[]
  terms: string[]
}

/** A paper close to another one, with their cosine similarity (0..1). */
export interface RelatedPaper extends Paper {
  similarity: number
}

/** One arXiv version as a digest reported it first. */
export interface PaperVersion {
  version: number
  /** The first digest that showed this version (null when that digest is gone). */
  digestId: number | null
  digestTitle: string | null
  /** The digest's day (YYYY-MM-DD). */
  day: string
  /** When that digest arrived in the library (ISO time). */
  seenAt: string
}

/** A newer version arrived after the paper was marked read. */
export interface Revision {
  /** The newest version seen when the paper was read (null when none was known). */
  readVersion: number | null
  latestVersion: number
}

/** A digest the paper came from, with the paper's position in it (1-based). */
export interface DigestRef {
  id: number
  title: string
  dateFrom: string | null
  dateTo: string | null
  position: number
}

/** One paper with everything the reader pane shows. */
export interface PaperDetail extends Paper {
  digestRefs: DigestRef[]
  readAt: string | null
  starredAt: string | null
  noteUpdatedAt: string | null
  venue: string | null
  /** The reader's tags, A-Z. */
  tags: string[]
  /** The sources' own keywords (arXiv categories, BibTeX keywords, ...), as the digests wrote them. */
  subjects: string[]
  /** arXiv versions as digests reported them, oldest first. */
  versions?: PaperVersion[]
  revision?: Revision | null
  /** True while the note holds two versions after a sync conflict (see README, Sync). */
  noteConflict?: boolean
}

/** The filter kinds are one table: src/shared/filters.ts. */
export type { PaperFilter }

/**
 * `position`: the order of the digest(s), newest digest first; `date`: newest first; `title`: A-Z;
 * `seen`: listed by the most digests first, then newest; `recommended`: most like the starred papers first.
 */
export type PaperSort = 'position' | 'date' | 'title' | 'seen' | 'recommended'

export interface ListQuery {
  filter: PaperFilter
  sort?: PaperSort
  /**
   * A page's `next` cursor: this page starts right after that row (keyset paging: as fast at
   * row 900,000 as at row 0). With `after`, `offset` only says where the caller puts the page;
   * without it, `offset` rows are skipped (for a jump to a far position).
   */
  after?: string
  offset?: number
  limit?: number
  /**
   * false: the page's papers come without their abstracts (abstract null), as the app's list,
   * which shows none, asks for them: a page then reads and sends a tenth of the bytes.
   */
  abstracts?: boolean
}

/** Where to look for the next unread paper: after list position `after` (-1: from the top). */
export interface NextUnreadQuery {
  filter: PaperFilter
  sort?: PaperSort
  after: number
}

/** The next unread paper and its position in the list; `wrapped` when found above `after`. */
export interface NextUnread {
  index: number
  paper: Paper
  wrapped: boolean
}

export interface PaperPage {
  items: Paper[]
  /** How many papers match the filter in all (for the virtual list's height). */
  total: number
  offset: number
  /** Said instead of a list when there is none yet (a recommendation with too few stars). */
  notice?: string
  /** Cursor of the last row, for the page after this one (`after`); null when there is none. */
  next: string | null
  /** `total` is a bound, not a count ("10,000+"): a saved search lists its newest 10,000 matches. */
  totalIsLowerBound?: boolean
}

/** A highlighted piece of text: `match` parts are the search hits. */
export interface SnippetPart {
  text: string
  match: boolean
}

export interface SearchHit extends Paper {
  /** Where the query matched, as parts so the renderer never needs markup. */
  snippetParts: SnippetPart[]
  /** The title split the same way, for highlighting in the list. */
  titleParts: SnippetPart[]
  rank: number
}

/** Search results in relevance order (bm25, title first; the more recent paper on a tie), or a list order. */
export type SearchSort = 'relevance' | PaperSort

export interface SearchQuery {
  query: string
  filter?: PaperFilter
  sort?: SearchSort
  offset?: number
  limit?: number
}

export interface SearchPage {
  items: SearchHit[]
  /** How many papers match; with `totalIsLowerBound`, at least this many (counting them all costs too much). */
  total: number
  /** True when `total` is a lower bound ("10,000+"): only the newest matches are ranked and paged. */
  totalIsLowerBound: boolean
  offset: number
  /** Words the library does not hold and the words searched instead (typos). */
  corrections: { word: string; replacement: string }[]
}

/** A saved search: a smart list in the Sources pane, with how many of its papers are unread. */
export interface SavedSearch {
  id: number
  name: string
  query: string
  /** The query syntax version the query was written in (src/shared/query). */
  syntaxVersion: number
  unread: number
  /** True when `unread` is a lower bound ("1,000+"). */
  unreadIsLowerBound: boolean
}

export interface DigestProgress {
  id: number
  title: string
  format: string
  fileName: string | null
  dateFrom: string | null
  dateTo: string | null
  importedAt: string
  total: number
  read: number
  unread: number
}

export interface DayCount {
  day: string // YYYY-MM-DD (local day of the library's clock)
  read: number
}

export interface LibraryStats {
  papers: number
  read: number
  unread: number
  starred: number
  noted: number
  digests: number
  /** Papers read per day over the last `days` days, oldest first, zero-filled. */
  readPerDay: DayCount[]
}

/** A reading-state change; `changed` lists the papers whose state actually changed. */
export interface StateChange {
  changed: number[]
}

export interface ImportWarning {
  line: number | null
  message: string
}

/** What importing one file did. */
export type ImportFileReport =
  | {
      ok: true
      file: string
      format: string
      digestId: number
      papers: number
      added: number
      merged: number
      unchanged: number
      /** True when this exact file (same content) was imported before: nothing changed. */
      alreadyImported: boolean
      /** Files carrying reading state (Dogear's JSON export): papers with no state of their own got it ... */
      stateApplied?: number
      /** ... and papers that had state kept it (an import never overwrites it). */
      stateKept?: number
      warnings: ImportWarning[]
    }
  | {
      ok: false
      file: string
      error: { code: string; message: string }
    }

export interface FormatInfo {
  name: string
  label: string
  extensions: string[]
}

export type MarkReadOnOpen = 'immediately' | 'after-delay' | 'never'

export interface Settings {
  /** Whether selecting a paper marks it read. */
  markReadOnOpen: MarkReadOnOpen
  markReadDelaySeconds: number
  /** Files larger than this are refused before they are read. */
  importSizeCapMb: number
  /** A folder whose new digest files are imported automatically; null when off. */
  watchFolder: string | null
  /** The paper selected when the app last closed. */
  lastPaperId: number | null
  lastFilter: PaperFilter | null
  /** Papers and digests in the trash longer than this many days are removed for good; 0 keeps them. */
  trashPurgeDays: number
  /** Imported BibTeX's JabRef groups (Zotero collections) become tags: off unless the reader asks. */
  groupsAsTags: boolean
  /** Whether an installed Dogear asks its release feed for updates; off means no request at all. */
  checkForUpdates: boolean
}

export const DEFAULT_SETTINGS: Settings = {
  markReadOnOpen: 'immediately',
  markReadDelaySeconds: 3,
  importSizeCapMb: 64,
  watchFolder: null,
  lastPaperId: null,
  lastFilter: null,
  trashPurgeDays: 30,
  groupsAsTags: false,
  checkForUpdates: true
}

/** A tag with how many papers (outside the trash) carry it. */
export interface TagCount {
  id: number
  name: string
  count: number
}

/** A tag change; `changed` lists the papers that gained (or lost) the tag. */
export interface TagChange {
  tag: string
  changed: number[]
}

/** A paper in the trash. `id` is the id it had (and gets back when restored, if still free). */
export interface TrashedPaper {
  id: number
  title: string
  authors: string[]
  trashedAt: string
  /** The digest whose deletion put it here; null when the paper itself was deleted. */
  viaDigestId: number | null
}

/** A deleted digest, restorable with the papers its deletion put in the trash. */
export interface TrashedDigest {
  id: number
  title: string
  trashedAt: string
  papers: number
}

export interface TrashContents {
  papers: TrashedPaper[]
  digests: TrashedDigest[]
}

/** What deleting a digest did: the papers only it listed went to the trash, the others stayed. */
export interface DigestDeletion {
  digestId: number
  /** The deleted digest's id in the trash, for `restoreDigest`. */
  trashId: number
  trashed: number[]
  kept: number
}

/** What a restore did; a paper whose id was taken meanwhile comes back under a new id. */
export interface Restored {
  papers: { from: number; to: number }[]
  digests: number[]
}

/**
 * The papers a bulk action works on: some by id, or a whole list (its filter, and its search
 * when one is typed) without the ones in `except`. Main resolves a list itself, so selecting
 * all of 20,000 papers never brings them to the renderer.
 */
export type PaperTarget = { ids: number[] } | { filter: PaperFilter; query?: string; except?: number[] }

/** What one action bar button (or context menu item) does to every paper of a target. */
export type BulkAction =
  | { kind: 'read'; value: boolean }
  | { kind: 'star'; value: boolean }
  | { kind: 'tag'; name: string }
  | { kind: 'untag'; name: string }
  | { kind: 'trash' }

/** What a bulk action changed: the papers whose state it changed (for undo), and the tag's spelling. */
export interface BulkOutcome {
  changed: number[]
  tag?: string
}

/** Where and when the newest automatic backup was made; null when none was. */
export interface BackupStatus {
  folder: string
  path: string
  at: string
}

/** A digest's entry an import joined to a paper by DOI or title (see `dogear split`). */
export interface PaperMerge {
  id: number
  paperId: number
  digestId: number
  digestTitle: string
  matchedBy: 'doi' | 'title'
  /** The title the digest's entry had. */
  title: string
  mergedAt: string
}

export interface SplitOutcome {
  paperId: number
  /** The paper the split entry became. */
  newPaperId: number
  digestId: number
}
