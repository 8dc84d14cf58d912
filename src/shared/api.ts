// The one contract between the renderer and main: every operation, its argument
// validator and its result type. The preload builds `window.dogear` from it with
// `createApi`, main validates every call against it (see src/main/dispatch.ts),
// and the browser tests drive the same table in Node.
import { z } from 'zod'
import { FILTER_KINDS, FILTER_KIND_NAMES, type FilterKindInfo } from './filters'
import type {
  BackupStatus,
  BulkAction,
  BulkOutcome,
  DigestDeletion,
  DigestProgress,
  FormatInfo,
  ImportFileReport,
  LibraryStats,
  ListQuery,
  NextUnread,
  NextUnreadQuery,
  PaperFilter,
  PaperDetail,
  PaperPage,
  PaperTarget,
  PaperMerge,
  RelatedPaper,
  SplitOutcome,
  SavedSearch,
  SearchPage,
  SearchQuery,
  Settings,
  Restored,
  StateChange,
  TagChange,
  TagCount,
  TrashContents
} from './model'
import type { SyncStatus } from './sync'
import { EXPORT_FORMATS, type ExportDone, type ExportRequest } from './export'

const id = z.number().int().positive()
const ids = z.array(id).max(1_000_000)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')

/** Built from the filter table (src/shared/filters.ts): one object schema per kind. */
export const paperFilterSchema = z.discriminatedUnion(
  'kind',
  FILTER_KIND_NAMES.map((kind) => {
    const info: FilterKindInfo = FILTER_KINDS[kind]
    return z.strictObject({ kind: z.literal(kind), ...(info.param === undefined ? {} : { [info.param]: id }) })
  }) as unknown as [z.ZodObject, ...z.ZodObject[]]
) as unknown as z.ZodType<PaperFilter>

const page = {
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(500).optional()
}

/** Every setting's validator; the library checks stored and patched settings with it. */
export const settingsPatchSchema = z.strictObject({
  markReadOnOpen: z.enum(['immediately', 'after-delay', 'never']).optional(),
  markReadDelaySeconds: z.number().int().min(1).max(60).optional(),
  importSizeCapMb: z.number().int().min(1).max(1024).optional(),
  watchFolder: z.string().min(1).max(4096).nullable().optional(),
  lastPaperId: id.nullable().optional(),
  lastFilter: paperFilterSchema.nullable().optional(),
  trashPurgeDays: z.number().int().min(0).max(3650).optional(),
  groupsAsTags: z.boolean().optional(),
  checkForUpdates: z.boolean().optional()
})

const none = z.strictObject({}).optional()
const exportFormat = z.enum(EXPORT_FORMATS)
const tagName = z.string().min(1).max(200)

const paperTargetSchema: z.ZodType<PaperTarget> = z.union([
  z.strictObject({ ids }),
  z.strictObject({ filter: paperFilterSchema, query: z.string().max(1000).optional(), except: ids.optional() })
])

const bulkActionSchema: z.ZodType<BulkAction> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('read'), value: z.boolean() }),
  z.strictObject({ kind: z.literal('star'), value: z.boolean() }),
  z.strictObject({ kind: z.literal('tag'), name: tagName }),
  z.strictObject({ kind: z.literal('untag'), name: tagName }),
  z.strictObject({ kind: z.literal('trash') })
])

// `result` is a type carrier only: no runtime value travels in it.
function op<Args extends z.ZodType, Result>(args: Args): { args: Args; result: Result } {
  return { args, result: undefined as unknown as Result }
}

export const contract = {
  syncStatus: op<typeof none, SyncStatus>(none),
  /** Syncs with the sync folder now; the answer says how it went. */
  syncNow: op<typeof none, SyncStatus>(none),
  /** Main shows the folder dialog: the page never names the sync folder itself. */
  chooseSyncFolder: op<typeof none, SyncStatus>(none),
  /** Keeps the paper's note as it is now and clears its sync conflict, on every device. */
  resolveNoteConflict: op<z.ZodType<{ id: number }>, null>(z.strictObject({ id })),
  setSyncDeviceName: op<z.ZodType<{ name: string }>, SyncStatus>(
    z.strictObject({
      name: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .regex(/^[^\n\r\0]*$/)
    })
  ),
  listPapers: op<z.ZodType<ListQuery>, PaperPage>(
    z.strictObject({
      filter: paperFilterSchema,
      sort: z.enum(['position', 'date', 'title', 'seen', 'recommended']).optional(),
      after: z.string().min(1).max(2000).optional(),
      abstracts: z.boolean().optional(),
      ...page
    })
  ),
  /** The next unread paper in a list, by one query (wraps to the top; null when none). */
  nextUnread: op<z.ZodType<NextUnreadQuery>, NextUnread | null>(
    z.strictObject({
      filter: paperFilterSchema,
      sort: z.enum(['position', 'date', 'title', 'seen', 'recommended']).optional(),
      after: z.number().int().min(-1)
    })
  ),
  getPaper: op<z.ZodType<{ id: number }>, PaperDetail | null>(z.strictObject({ id })),
  search: op<z.ZodType<SearchQuery>, SearchPage>(
    z.strictObject({
      query: z.string().max(1000),
      filter: paperFilterSchema.optional(),
      sort: z.enum(['relevance', 'position', 'date', 'title']).optional(),
      ...page
    })
  ),
  listSavedSearches: op<z.ZodType<Record<string, never> | undefined>, SavedSearch[]>(none),
  saveSearch: op<z.ZodType<{ name: string; query: string }>, SavedSearch>(
    z.strictObject({ name: z.string().min(1).max(100), query: z.string().min(1).max(1000) })
  ),
  renameSavedSearch: op<z.ZodType<{ id: number; name: string }>, SavedSearch>(
    z.strictObject({ id, name: z.string().min(1).max(100) })
  ),
  moveSavedSearch: op<z.ZodType<{ id: number; index: number }>, SavedSearch[]>(
    z.strictObject({ id, index: z.number().int().min(0).max(1000) })
  ),
  deleteSavedSearch: op<z.ZodType<{ id: number }>, null>(z.strictObject({ id })),
  markRead: op<z.ZodType<{ ids: number[]; read: boolean }>, StateChange>(z.strictObject({ ids, read: z.boolean() })),
  markAllRead: op<z.ZodType<{ filter: PaperFilter }>, StateChange>(z.strictObject({ filter: paperFilterSchema })),
  setStarred: op<z.ZodType<{ ids: number[]; starred: boolean }>, StateChange>(
    z.strictObject({ ids, starred: z.boolean() })
  ),
  saveNote: op<z.ZodType<{ id: number; text: string }>, null>(z.strictObject({ id, text: z.string().max(1_000_000) })),
  listDigests: op<z.ZodType<Record<string, never> | undefined>, DigestProgress[]>(none),
  stats: op<z.ZodType<{ days?: number }>, LibraryStats>(
    z.strictObject({ days: z.number().int().min(1).max(3650).optional() })
  ),
  listFormats: op<z.ZodType<Record<string, never> | undefined>, FormatInfo[]>(none),
  /** Opens the system's file dialog in main and imports what the reader picks. */
  chooseAndImport: op<z.ZodType<Record<string, never> | undefined>, ImportFileReport[]>(none),
  /** Imports dropped files by the tokens main handed out for them (`tokenForFile`), never by path. */
  importFiles: op<z.ZodType<{ tokens: string[]; date?: string }>, ImportFileReport[]>(
    z.strictObject({
      tokens: z
        .array(z.string().regex(/^[0-9a-f]{32}$/, 'a file token'))
        .min(1)
        .max(1000),
      date: isoDate.optional()
    })
  ),
  /** Imports pasted text as a digest. */
  importText: op<z.ZodType<{ text: string; name?: string }>, ImportFileReport>(
    z.strictObject({
      text: z
        .string()
        .min(1)
        .max(64 * 1024 * 1024),
      name: z.string().max(255).optional()
    })
  ),
  importSample: op<z.ZodType<Record<string, never> | undefined>, ImportFileReport>(none),
  /** Imports the system clipboard's text, read in main (the page may not read the clipboard). */
  importClipboard: op<z.ZodType<Record<string, never> | undefined>, ImportFileReport>(none),
  openExternal: op<z.ZodType<{ url: string }>, null>(z.strictObject({ url: z.string().max(8192) })),
  tagPapers: op<z.ZodType<{ name: string; ids: number[] }>, TagChange>(z.strictObject({ name: tagName, ids })),
  untagPapers: op<z.ZodType<{ name: string; ids: number[] }>, TagChange>(z.strictObject({ name: tagName, ids })),
  listTags: op<z.ZodType<Record<string, never> | undefined>, TagCount[]>(none),
  renameTag: op<z.ZodType<{ from: string; to: string }>, { tag: string; merged: boolean; papers: number }>(
    z.strictObject({ from: tagName, to: tagName })
  ),
  deleteTag: op<z.ZodType<{ name: string }>, { tag: string; papers: number[] }>(z.strictObject({ name: tagName })),
  /** Moves papers to the trash; `restorePapers` brings them back. */
  trashPapers: op<z.ZodType<{ ids: number[] }>, StateChange>(z.strictObject({ ids })),
  deleteDigest: op<z.ZodType<{ id: number }>, DigestDeletion>(z.strictObject({ id })),
  listTrash: op<z.ZodType<Record<string, never> | undefined>, TrashContents>(none),
  restorePapers: op<z.ZodType<{ ids: number[] }>, Restored>(z.strictObject({ ids })),
  restoreDigest: op<z.ZodType<{ trashId: number }>, Restored>(z.strictObject({ trashId: id })),
  emptyTrash: op<z.ZodType<Record<string, never> | undefined>, { papers: number; digests: number }>(none),
  /** One action on many papers in one request: by id, or a whole list resolved in main. */
  actOnPapers: op<z.ZodType<{ target: PaperTarget; action: BulkAction }>, BulkOutcome>(
    z.strictObject({ target: paperTargetSchema, action: bulkActionSchema })
  ),
  /** Shows a digest's file (or a paper's first digest's) in the system's file manager. */
  revealSource: op<z.ZodType<{ digestId: number } | { paperId: number }>, null>(
    z.union([z.strictObject({ digestId: id }), z.strictObject({ paperId: id })])
  ),
  /** Where and when the newest automatic backup was made. */
  backupStatus: op<z.ZodType<Record<string, never> | undefined>, BackupStatus | null>(none),
  /** The papers closest to one paper, closest first. */
  relatedPapers: op<z.ZodType<{ id: number; limit?: number }>, RelatedPaper[]>(
    z.strictObject({ id, limit: z.number().int().min(1).max(50).optional() })
  ),
  /** Takes papers out of the Recommended list (they count against similar papers), or puts them back. */
  dismiss: op<z.ZodType<{ ids: number[]; dismissed: boolean }>, StateChange>(
    z.strictObject({ ids, dismissed: z.boolean() })
  ),
  /** The digests' entries a paper was joined with by DOI or title, oldest first. */
  paperMerges: op<z.ZodType<{ id: number }>, PaperMerge[]>(z.strictObject({ id })),
  /** Splits a wrong merge: that digest's entry becomes a paper of its own again. */
  splitMerge: op<z.ZodType<{ id: number; digestId: number }>, SplitOutcome>(z.strictObject({ id, digestId: id })),
  /**
   * Main shows the save dialog and writes the papers there: these ids, or a list (its filter and
   * search query). Without a format, the chosen file's name decides (.bib, .ris, .json, .md...).
   * Answers where and how many, or null when the reader cancelled the dialog.
   */
  exportPapers: op<z.ZodType<ExportRequest>, ExportDone | null>(
    z.union([
      z.strictObject({ format: exportFormat.optional(), ids: ids.min(1) }),
      z.strictObject({
        format: exportFormat.optional(),
        filter: paperFilterSchema,
        also: z.array(paperFilterSchema).max(8).optional(),
        query: z.string().max(1000).optional(),
        except: ids.optional()
      })
    ])
  ),
  getSettings: op<z.ZodType<Record<string, never> | undefined>, Settings>(none),
  updateSettings: op<z.ZodType<Partial<Settings>>, Settings>(settingsPatchSchema)
}

export type Operation = keyof typeof contract
export type OperationArgs<K extends Operation> = z.infer<(typeof contract)[K]['args']>
export type OperationResult<K extends Operation> = (typeof contract)[K]['result']

/** Main's table of handlers: exactly one per operation (Actual Budget's `Handlers`). */
export type Handlers = {
  [K in Operation]: (args: OperationArgs<K>) => OperationResult<K> | Promise<OperationResult<K>>
}

export { ERROR_CODES, type ErrorCode } from './errors'

export interface ApiError {
  /** One of ERROR_CODES (src/shared/errors.ts). */
  code: string
  message: string
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Raised in the renderer when main answers with an error envelope. */
export class DogearApiError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'DogearApiError'
  }
}

/** Events main sends to the renderer (menu commands, import progress). */
export type AppEvent =
  | {
      type: 'menu'
      command: 'import' | 'export' | 'showKeys' | 'showProgress' | 'textLarger' | 'textSmaller' | 'textDefault'
    }
  | { type: 'importProgress'; file: string; done: number; total: number }
  | { type: 'libraryChanged'; reports: ImportFileReport[] }

export type Invoke = (operation: string, args: unknown) => Promise<Envelope<unknown>>

export type DogearApi = {
  [K in Operation]: undefined extends OperationArgs<K>
    ? (args?: OperationArgs<K>) => Promise<OperationResult<K>>
    : (args: OperationArgs<K>) => Promise<OperationResult<K>>
} & {
  /** Subscribes to main's events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void
  /**
   * In the app only (absent in browser tests): a token for a dropped file, for `importFiles`.
   * The page sees no paths; the preload resolves the drop and main hands out the token.
   * '' when the file has no path (it was not dropped from disk).
   */
  tokenForFile?(file: File): Promise<string>
}

/**
 * Builds the renderer's API from any transport: ipcRenderer.invoke in the preload,
 * a Playwright-exposed function in the browser tests.
 */
export function createApi(
  invoke: Invoke,
  subscribe: (listener: (event: AppEvent) => void) => () => void = () => () => {}
): DogearApi {
  const api: Record<string, unknown> = { onEvent: subscribe }
  for (const operation of Object.keys(contract)) {
    api[operation] = async (args?: unknown) => {
      const answer = await invoke(operation, args)
      if (answer.ok) return answer.value
      throw new DogearApiError(answer.error.code, answer.error.message)
    }
  }
  return api as DogearApi
}

export const OPERATIONS = Object.keys(contract) as Operation[]
