// A small in-memory DogearApi for testing the renderer's stores without main or a database.
import type { AppEvent, DogearApi } from '../../../src/shared/api'
import type { FilterKind } from '../../../src/shared/filters'
import {
  DEFAULT_SETTINGS,
  type ImportFileReport,
  type Paper,
  type PaperDetail,
  type PaperFilter,
  type SavedSearch,
  type SearchHit,
  type Settings
} from '../../../src/shared/model'
import type { SyncStatus } from '../../../src/shared/sync'

export interface FakeOptions {
  papers?: number
}

export function fakePaper(id: number, overrides: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Invented paper number ${id}`,
    authors: [`Ada Example ${id}`, 'Bo Sample'],
    abstract: `We study made-up problem ${id} in $O(n^2)$ time.`,
    snippet: null,
    arxivId: null,
    doi: null,
    links: [{ url: `https://example.org/abs/${id}`, kind: 'abs' }],
    digests: [1],
    digestDate: '2024-03-12',
    publishedAt: null,
    read: false,
    starred: false,
    note: null,
    hasCode: id % 3 === 0,
    ...overrides
  }
}

type Calls = { operation: string; args: unknown }[]

export interface FakeApi extends DogearApi {
  papers: Paper[]
  calls: Calls
  settings: Settings
  /** Makes the next call of `operation` fail with this message. */
  failNext(operation: string, message: string): void
  /** Holds every call of `operation` until the returned release function runs. */
  hold(operation: string): () => void
  emit(event: AppEvent): void
}

// One matcher per filter kind: the compiler asks for a new kind's entry here too.
const MATCHERS: { [K in FilterKind]: (paper: Paper, filter: Extract<PaperFilter, { kind: K }>) => boolean } = {
  all: () => true,
  unread: (paper) => !paper.read,
  starred: (paper) => paper.starred,
  hasCode: (paper) => paper.hasCode,
  digest: (paper, filter) => paper.digests.includes(filter.digestId),
  // Tag ids are 1-based positions in the latest fake's tag table (see listTags below).
  tag: (paper, filter) => [...fakeTags.values()][filter.tagId - 1]?.has(paper.id) === true,
  recommended: (paper) => !paper.read && !paper.starred,
  revised: () => false,
  // A saved search of the latest fake holds the papers whose title contains its query.
  savedSearch: (paper, filter) => {
    const query = fakeSavedQuery(filter.savedSearchId)
    return query !== undefined && paper.title.toLowerCase().includes(query.toLowerCase())
  }
}

/** The query of a saved search of the fake made last. */
let fakeSavedQuery: (id: number) => string | undefined = () => undefined

/** The tags of the fake made last; each fake starts with none. */
let fakeTags = new Map<string, Set<number>>()

function matches(paper: Paper, filter: PaperFilter | undefined): boolean {
  if (filter === undefined) return true
  const matcher = MATCHERS[filter.kind] as (paper: Paper, filter: PaperFilter) => boolean
  return matcher(paper, filter)
}

export function createFakeApi(options: FakeOptions = {}): FakeApi {
  const papers: Paper[] = Array.from({ length: options.papers ?? 250 }, (_, i) => fakePaper(i + 1))
  const calls: Calls = []
  const failures = new Map<string, string>()
  const holds = new Map<string, Promise<void>>()
  const listeners = new Set<(event: AppEvent) => void>()
  let settings: Settings = { ...DEFAULT_SETTINGS }
  let saved: SavedSearch[] = []
  let savedSerial = 0
  const titleHas = (paper: Paper, query: string) => paper.title.toLowerCase().includes(query.toLowerCase())
  const withCounts = () =>
    saved.map((s) => ({ ...s, unread: papers.filter((p) => !p.read && titleHas(p, s.query)).length }))

  const byId = (id: number) => papers.find((p) => p.id === id)
  const change = (ids: number[], key: 'read' | 'starred', value: boolean) => {
    const changed = ids.filter((id) => {
      const paper = byId(id)
      if (!paper || paper[key] === value) return false
      paper[key] = value
      return true
    })
    return { changed }
  }

  async function call<T>(operation: string, args: unknown, run: () => T): Promise<T> {
    calls.push({ operation, args })
    const held = holds.get(operation)
    if (held) await held
    else await Promise.resolve()
    const failure = failures.get(operation)
    if (failure !== undefined) {
      failures.delete(operation)
      throw new Error(failure)
    }
    return structuredClone(run())
  }

  const detail = (paper: Paper): PaperDetail => ({
    ...paper,
    digestRefs: [{ id: 1, title: 'Invented digest', dateFrom: '2024-03-12', dateTo: '2024-03-12', position: paper.id }],
    readAt: null,
    starredAt: null,
    noteUpdatedAt: null,
    venue: null,
    tags: [],
    subjects: []
  })

  const sampleReport: ImportFileReport = {
    ok: true,
    file: 'sample-digest.txt',
    format: 'hf-papers',
    digestId: 1,
    papers: 3,
    added: 3,
    merged: 0,
    unchanged: 0,
    alreadyImported: false,
    warnings: []
  }

  const tags = new Map<string, Set<number>>()
  fakeTags = tags
  fakeSavedQuery = (id) => saved.find((s) => s.id === id)?.query
  const trashed: Paper[] = []
  const syncOff: SyncStatus = {
    device: { id: 'a'.repeat(32), name: 'this computer' },
    folder: null,
    lastSyncAt: null,
    problem: null,
    outbox: 0,
    waiting: 0,
    digestsWaiting: 0,
    conflicts: 0,
    devices: []
  }

  const api: FakeApi = {
    papers,
    calls,
    get settings() {
      return settings
    },
    failNext: (operation, message) => void failures.set(operation, message),
    hold(operation) {
      let release = () => {}
      holds.set(
        operation,
        new Promise<void>((resolve) => {
          release = () => {
            holds.delete(operation)
            resolve()
          }
        })
      )
      return release
    },
    emit: (event) => listeners.forEach((listener) => listener(event)),
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    listPapers: (args) =>
      call('listPapers', args, () => {
        const all = papers.filter((p) => matches(p, args.filter))
        const offset = args.offset ?? 0
        // The fake's cursor is the last row's id; the page starts after that row.
        const start = args.after === undefined ? offset : all.findIndex((p) => p.id === Number(args.after)) + 1
        const items = all.slice(start, start + (args.limit ?? 100))
        const next = start + items.length < all.length ? String(items.at(-1)?.id) : null
        return { items, total: all.length, offset, next }
      }),
    nextUnread: (args) =>
      call('nextUnread', args, () => {
        const all = papers.filter((p) => matches(p, args.filter))
        const below = all.findIndex((p, i) => i > args.after && !p.read)
        const index = below >= 0 ? below : all.findIndex((p) => !p.read)
        const paper = all[index]
        return paper ? { index, paper: { ...paper }, wrapped: index <= args.after } : null
      }),
    getPaper: (args) =>
      call('getPaper', args, () => {
        const paper = byId(args.id)
        return paper ? detail(paper) : null
      }),
    search: (args) =>
      call('search', args, () => {
        const needle = args.query.toLowerCase()
        const hits: SearchHit[] = papers
          .filter((p) => matches(p, args.filter) && p.title.toLowerCase().includes(needle))
          .map((p) => ({ ...p, titleParts: [{ text: p.title, match: true }], snippetParts: [], rank: 0 }))
        const offset = args.offset ?? 0
        return {
          items: hits.slice(offset, offset + (args.limit ?? 100)),
          total: hits.length,
          totalIsLowerBound: false,
          offset,
          corrections: []
        }
      }),
    listSavedSearches: (args) => call('listSavedSearches', args, withCounts),
    saveSearch: (args) =>
      call('saveSearch', args, () => {
        const existing = saved.find((s) => s.name.toLowerCase() === args.name.toLowerCase())
        if (existing) existing.query = args.query
        else
          saved.push({
            id: ++savedSerial,
            name: args.name,
            query: args.query,
            syntaxVersion: 1,
            unread: 0,
            unreadIsLowerBound: false
          })
        return withCounts().find((s) => s.name.toLowerCase() === args.name.toLowerCase())!
      }),
    renameSavedSearch: (args) =>
      call('renameSavedSearch', args, () => {
        saved = saved.map((s) => (s.id === args.id ? { ...s, name: args.name } : s))
        return withCounts().find((s) => s.id === args.id)!
      }),
    moveSavedSearch: (args) =>
      call('moveSavedSearch', args, () => {
        const moving = saved.find((s) => s.id === args.id)!
        saved = saved.filter((s) => s.id !== args.id)
        saved.splice(args.index, 0, moving)
        return withCounts()
      }),
    deleteSavedSearch: (args) =>
      call('deleteSavedSearch', args, () => {
        saved = saved.filter((s) => s.id !== args.id)
        return null
      }),
    markRead: (args) => call('markRead', args, () => change(args.ids, 'read', args.read)),
    markAllRead: (args) =>
      call('markAllRead', args, () =>
        change(
          papers.filter((p) => matches(p, args.filter)).map((p) => p.id),
          'read',
          true
        )
      ),
    setStarred: (args) => call('setStarred', args, () => change(args.ids, 'starred', args.starred)),
    saveNote: (args) =>
      call('saveNote', args, () => {
        const paper = byId(args.id)
        if (paper) paper.note = args.text.trim() ? args.text : null
        return null
      }),
    listDigests: (args) =>
      call('listDigests', args, () => [
        {
          id: 1,
          title: 'Invented digest',
          format: 'hf-papers',
          fileName: 'invented.txt',
          dateFrom: '2024-03-12',
          dateTo: '2024-03-12',
          importedAt: '2024-03-12T08:00:00Z',
          total: papers.length,
          read: papers.filter((p) => p.read).length,
          unread: papers.filter((p) => !p.read).length
        }
      ]),
    stats: (args) =>
      call('stats', args, () => ({
        papers: papers.length,
        read: papers.filter((p) => p.read).length,
        unread: papers.filter((p) => !p.read).length,
        starred: papers.filter((p) => p.starred).length,
        noted: papers.filter((p) => p.note).length,
        digests: 1,
        readPerDay: []
      })),
    listFormats: (args) => call('listFormats', args, () => []),
    chooseAndImport: (args) => call('chooseAndImport', args, () => [sampleReport]),
    importFiles: (args) => call('importFiles', args, () => args.tokens.map(() => sampleReport)),
    importText: (args) => call('importText', args, () => ({ ...sampleReport, file: args.name ?? 'pasted' })),
    importSample: (args) => call('importSample', args, () => sampleReport),
    importClipboard: (args) => call('importClipboard', args, () => ({ ...sampleReport, file: 'Clipboard' })),
    openExternal: (args) => call('openExternal', args, () => null),
    tagPapers: (args) =>
      call('tagPapers', args, () => {
        const tagged = tags.get(args.name) ?? new Set<number>()
        tags.set(args.name, tagged)
        const changed = args.ids.filter((id) => !tagged.has(id))
        changed.forEach((id) => tagged.add(id))
        return { tag: args.name, changed }
      }),
    untagPapers: (args) =>
      call('untagPapers', args, () => {
        const tagged = tags.get(args.name) ?? new Set<number>()
        const changed = args.ids.filter((id) => tagged.delete(id))
        return { tag: args.name, changed }
      }),
    listTags: (args) =>
      call('listTags', args, () => [...tags].map(([name, ids], i) => ({ id: i + 1, name, count: ids.size }))),
    renameTag: (args) => call('renameTag', args, () => ({ tag: args.to, merged: false, papers: 0 })),
    deleteTag: (args) => call('deleteTag', args, () => ({ tag: args.name, papers: [] })),
    trashPapers: (args) =>
      call('trashPapers', args, () => {
        const changed = args.ids.filter((id) => byId(id))
        for (const id of changed)
          trashed.push(
            ...papers.splice(
              papers.findIndex((p) => p.id === id),
              1
            )
          )
        return { changed }
      }),
    deleteDigest: (args) => call('deleteDigest', args, () => ({ digestId: args.id, trashId: 1, trashed: [], kept: 0 })),
    actOnPapers: (args) =>
      call('actOnPapers', args, () => {
        const { target, action } = args
        const except = new Set('ids' in target ? [] : (target.except ?? []))
        const ids =
          'ids' in target
            ? target.ids
            : papers.filter((p) => matches(p, target.filter) && !except.has(p.id)).map((p) => p.id)
        if (action.kind === 'read') return change(ids, 'read', action.value)
        if (action.kind === 'star') return change(ids, 'starred', action.value)
        if (action.kind === 'trash') {
          const changed = ids.filter((id) => byId(id))
          for (const id of changed)
            trashed.push(
              ...papers.splice(
                papers.findIndex((p) => p.id === id),
                1
              )
            )
          return { changed }
        }
        const tagged = tags.get(action.name) ?? new Set<number>()
        tags.set(action.name, tagged)
        const changed = action.kind === 'tag' ? ids.filter((id) => !tagged.has(id)) : ids.filter((id) => tagged.has(id))
        changed.forEach((id) => (action.kind === 'tag' ? tagged.add(id) : tagged.delete(id)))
        return { tag: action.name, changed }
      }),
    revealSource: (args) => call('revealSource', args, () => null),
    backupStatus: (args) => call('backupStatus', args, () => null),
    listTrash: (args) =>
      call('listTrash', args, () => ({
        papers: trashed.map((p) => ({
          id: p.id,
          title: p.title,
          authors: p.authors,
          trashedAt: '',
          viaDigestId: null
        })),
        digests: []
      })),
    restorePapers: (args) =>
      call('restorePapers', args, () => {
        const back = trashed.filter((p) => args.ids.includes(p.id))
        trashed.splice(0, trashed.length, ...trashed.filter((p) => !args.ids.includes(p.id)))
        papers.push(...back)
        papers.sort((a, b) => a.id - b.id)
        return { papers: back.map((p) => ({ from: p.id, to: p.id })), digests: [] }
      }),
    restoreDigest: (args) => call('restoreDigest', args, () => ({ papers: [], digests: [] })),
    emptyTrash: (args) => call('emptyTrash', args, () => ({ papers: trashed.splice(0).length, digests: 0 })),
    // The save dialog is answered "saved to /tmp/export.bib"; the count is what the request names.
    exportPapers: (args) =>
      call('exportPapers', args, () => ({
        path: '/tmp/export.bib',
        format: args.format ?? 'bibtex',
        papers: 'ids' in args ? args.ids.length : papers.length
      })),
    relatedPapers: (args) =>
      call('relatedPapers', args, () =>
        papers
          .filter((p) => p.id !== args.id)
          .slice(0, args.limit ?? 5)
          .map((p) => ({ ...p, similarity: 0.5 }))
      ),
    dismiss: (args) => call('dismiss', args, () => ({ changed: args.ids })),
    paperMerges: (args) => call('paperMerges', args, () => []),
    splitMerge: (args) =>
      call('splitMerge', args, () => ({ paperId: args.id, newPaperId: args.id + 1000, digestId: args.digestId })),
    getSettings: (args) => call('getSettings', args, () => settings),
    updateSettings: (args) =>
      call('updateSettings', args, () => {
        settings = { ...settings, ...args }
        return settings
      }),
    syncStatus: () => call('syncStatus', undefined, () => syncOff),
    syncNow: () => call('syncNow', undefined, () => syncOff),
    chooseSyncFolder: () => call('chooseSyncFolder', undefined, () => syncOff),
    resolveNoteConflict: (args) => call('resolveNoteConflict', args, () => null),
    setSyncDeviceName: (args) =>
      call('setSyncDeviceName', args, () => ({ ...syncOff, device: { ...syncOff.device, name: args.name } }))
  }
  return api
}
