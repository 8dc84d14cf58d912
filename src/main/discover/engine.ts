// The recommender kept in step with the library: builds its feature index a page at a time,
// yielding to the event loop between pages so the process keeps answering other calls, then
// follows the library's changes (new digests, stars, reads, dismissals) incrementally.
// Glue between the pure ranking code and the library's DiscoverData; no SQL here.
import type { DiscoverData, DiscoverLabels, PaperTextRow } from '../library/discover-data'
import { closeness, sharedWords } from './explain'
import { FeatureIndex, type PaperText } from './feature-index'
import { MIN_STARS, newScratch, rankByStars, relatedTo, type Ranking } from './rank'
import { loadIndex, saveBuilt, saveChanges } from './stored-index'
import { termsOf } from './tokenize'

const PAGE = 500
/** The first pass (document frequencies, for the weights) reads about this many papers at most. */
const SAMPLE = 20_000
/** Rebuild from scratch once the library holds this many times the papers counted at the build. */
const REBUILD_GROWTH = 1.5

export interface Suggestion {
  id: number
  score: number
  like: { id: number; title: string }[]
  terms: string[]
}

export type RecommendAnswer =
  | { ready: true; total: number; top: (count: number) => number[]; scoreOf: (id: number) => number | undefined }
  | { ready: false; starred: number; needed: number; message: string }

export interface DiscoverEngine {
  /** Every unread, unstarred, undismissed paper, best first (or why there is no ranking yet). */
  recommend(): Promise<RecommendAnswer>
  /** Why each of these papers is suggested. */
  explain(ids: readonly number[]): Promise<Map<number, Suggestion>>
  related(id: number, limit: number): Promise<{ id: number; similarity: number }[]>
  /** The longest stretch (ms) the engine has held the thread at once: what "never blocking" means. */
  longestSliceMs(): number
  /** Bytes held by the index. */
  bytes(): number
  /** Where the index in use came from: the library file, a build from the papers, or none yet. */
  origin(): 'stored' | 'built' | 'none'
}

export function paperText(row: Pick<PaperTextRow, 'title' | 'authors' | 'body'>): string {
  const authors = (JSON.parse(row.authors) as string[]).join(', ')
  return `${row.title}. ${row.body ?? ''}. ${authors}`
}

const DAY_MS = 86_400_000

function dayNumber(date: string): number {
  const parsed = Date.parse(date.length >= 10 ? date.slice(0, 10) : date)
  return Number.isNaN(parsed) ? 0 : Math.floor(parsed / DAY_MS)
}

function toPaperText(row: PaperTextRow): PaperText {
  return { id: row.id, text: paperText(row), day: dayNumber(row.day) }
}

/** What the Recommended list says until there are enough stars to rank by. */
export function needsStars(starred: number): string {
  const more = MIN_STARS - starred
  const papers = more === 1 ? 'paper' : 'papers'
  return starred === 0
    ? `Star ${MIN_STARS} papers to get suggestions like them.`
    : `Star ${more} more ${papers} to get suggestions like them (${starred} starred so far, ${MIN_STARS} needed).`
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export function createDiscoverEngine(data: DiscoverData): DiscoverEngine {
  let index: FeatureIndex | null = null
  let seenPaperId = 0
  let seenDigestId = 0
  let labelsKey = ''
  let labels: DiscoverLabels = { starred: [], read: [], dismissed: [], hidden: [] }
  let ranking: Ranking | null = null
  let rankingFresh = false
  let freshening: Promise<FeatureIndex> | null = null
  const rankScratch = newScratch()
  const relatedScratch = newScratch()
  let longest = 0
  let sliceStart = 0
  /** The stored index this one matches (null: none yet, or another process saved meanwhile). */
  let stored: { generation: number; revision: number } | null = null
  let triedLoading = false
  let libraryCounts = ''
  let origin: 'stored' | 'built' | 'none' = 'none'

  const slice = async (): Promise<void> => {
    longest = Math.max(longest, performance.now() - sliceStart)
    await yieldToEventLoop()
    sliceStart = performance.now()
  }

  async function build(): Promise<FeatureIndex> {
    const built = new FeatureIndex()
    const last = data.cursor()
    // Every step-th paper estimates the frequencies; the second pass counts them exactly.
    const step = Math.max(1, Math.ceil(last.lastPaperId / SAMPLE))
    for (let after = 0; ;) {
      const rows = data.sampleTexts(after, PAGE, step).filter((row) => row.id <= last.lastPaperId)
      if (rows.length === 0) break
      built.countDocuments(rows.map(toPaperText))
      after = rows[rows.length - 1]!.id
      await slice()
    }
    built.finishCounting()
    for (let after = 0; ;) {
      const rows = data.texts(after, PAGE).filter((row) => row.id <= last.lastPaperId)
      if (rows.length === 0) break
      built.addCounted(rows.map(toPaperText))
      after = rows[rows.length - 1]!.id
      await slice()
    }
    built.finishBuild()
    seenPaperId = last.lastPaperId
    seenDigestId = last.lastDigestId
    return built
  }

  /** The index kept in the library file, when there is one this app can read. */
  async function load(): Promise<FeatureIndex | null> {
    triedLoading = true
    const loaded = await loadIndex(data.model, slice)
    if (loaded === null) return null
    seenPaperId = loaded.seen.paperId
    seenDigestId = loaded.seen.digestId
    stored = loaded.version
    origin = 'stored'
    return loaded.index
  }

  /** Saving is a cache's write: a library that cannot take it (read-only, busy) still ranks. */
  async function saved(work: () => Promise<typeof stored> | typeof stored): Promise<void> {
    try {
      stored = await work()
    } catch {
      stored = null
    }
  }

  /**
   * The index against the library's ids: papers removed for good (the trash emptied) leave it,
   * papers back from the trash that a build never saw (they were in the trash then) join it.
   */
  function reconcile(current: FeatureIndex): boolean {
    const { papers, trashed } = data.libraryIds()
    const kept = new Set(papers)
    for (const id of trashed) kept.add(id)
    let changed = false
    for (let slot = 0; slot < current.slots; slot++) {
      const id = current.paperAt(slot)
      if (id !== 0 && !kept.has(id)) {
        current.remove(id)
        changed = true
      }
    }
    for (const id of papers) {
      if (current.has(id) || id > seenPaperId) continue
      const row = data.texts(id - 1, 1)[0]
      if (row?.id !== id) continue
      current.upsert(toPaperText(row))
      changed = true
    }
    return changed
  }

  async function follow(current: FeatureIndex): Promise<FeatureIndex> {
    const cursor = data.cursor()
    let changed = false
    if (cursor.lastDigestId !== seenDigestId || cursor.lastPaperId !== seenPaperId) {
      changed = true
      for (const row of data.relisted(seenDigestId, seenPaperId)) current.upsert(toPaperText(row))
      for (let after = seenPaperId; ;) {
        const rows = data.texts(after, PAGE).filter((row) => row.id <= cursor.lastPaperId)
        if (rows.length === 0) break
        for (const row of rows) current.upsert(toPaperText(row))
        after = rows[rows.length - 1]!.id
        await slice()
      }
      seenPaperId = cursor.lastPaperId
      seenDigestId = cursor.lastDigestId
      rankingFresh = false
    }
    // Trashing, restoring, emptying the trash and imports move these counts.
    const counts = `${cursor.papers}:${cursor.trashed}`
    if (counts !== libraryCounts && reconcile(current)) changed = true
    libraryCounts = counts
    const version = stored
    if (changed && version !== null)
      await saved(() => saveChanges(data.model, current, { paperId: seenPaperId, digestId: seenDigestId }, version))
    const key = `${cursor.lastEventId}:${cursor.dismissalSequence}:${cursor.dismissals}:${cursor.papers}:${cursor.trashed}`
    if (key !== labelsKey) {
      labels = data.labels()
      labelsKey = key
      rankingFresh = false
    }
    return current
  }

  /** One refresh at a time; callers arriving meanwhile share it. */
  function fresh(): Promise<FeatureIndex> {
    if (freshening) return freshening
    sliceStart = performance.now()
    freshening = (async () => {
      try {
        if (index === null && !triedLoading) index = await load()
        if (index === null || index.documents > REBUILD_GROWTH * Math.max(index.documentsAtBuild, 1000)) {
          const built = await build()
          index = built
          origin = 'built'
          libraryCounts = ''
          rankingFresh = false
          await saved(() => saveBuilt(data.model, built, { paperId: seenPaperId, digestId: seenDigestId }, slice))
        }
        const current = await follow(index)
        longest = Math.max(longest, performance.now() - sliceStart)
        return current
      } finally {
        freshening = null
      }
    })()
    return freshening
  }

  return {
    async recommend() {
      const current = await fresh()
      if (!rankingFresh) {
        sliceStart = performance.now()
        ranking = rankByStars(current, labels, rankScratch)
        rankingFresh = true
        longest = Math.max(longest, performance.now() - sliceStart)
      }
      if (ranking === null) {
        const starred = labels.starred.length
        return { ready: false, starred, needed: MIN_STARS, message: needsStars(starred) }
      }
      return { ready: true, total: ranking.total, top: ranking.top, scoreOf: ranking.scoreOf }
    },
    async explain(ids) {
      const current = await fresh()
      const explained = new Map<number, Suggestion>()
      const starred = labels.starred
      const texts = new Map<number, PaperTextRow>()
      const wanted = new Set<number>(ids)
      const reasons = ids.map((id) => ({ id, ...closeness(current, id, starred, relatedScratch.weights) }))
      for (const reason of reasons) for (const like of reason.like) wanted.add(like)
      for (const id of wanted) {
        const row = data.texts(id - 1, 1)[0]
        if (row && row.id === id) texts.set(id, row)
      }
      for (const reason of reasons) {
        const row = texts.get(reason.id)
        if (!row) continue
        const words = termsOf(paperText(row))
        explained.set(reason.id, {
          id: reason.id,
          score: ranking?.scoreOf(reason.id) ?? 0,
          like: reason.like.map((id) => ({ id, title: texts.get(id)?.title ?? `#${id}` })),
          terms: sharedWords(reason.features, words, 3)
        })
      }
      return explained
    },
    async related(id, limit) {
      const current = await fresh()
      const hidden = new Set(labels.hidden)
      return hidden.has(id) ? [] : relatedTo(current, id, limit, hidden, relatedScratch)
    },
    longestSliceMs: () => longest,
    bytes: () => index?.bytes() ?? 0,
    origin: () => origin
  }
}
