// A bounded cache of list pages. The database sorts and pages; the renderer keeps only the
// pages around what the reader is looking at, so 100,000 papers cost a few hundred rows.

export const PAGE_SIZE = 100
export const MAX_CACHED_PAGES = 12

export interface PageCache<Row> {
  readonly pages: ReadonlyMap<number, readonly Row[]>
  /** Page numbers, least recently used first. */
  readonly recency: readonly number[]
}

export function emptyCache<Row>(): PageCache<Row> {
  return { pages: new Map(), recency: [] }
}

export function pageOf(index: number): number {
  return Math.floor(index / PAGE_SIZE)
}

export function rowAt<Row>(cache: PageCache<Row>, index: number): Row | undefined {
  return cache.pages.get(pageOf(index))?.[index % PAGE_SIZE]
}

/** Stores a page and evicts the least recently used ones beyond the bound, never one in `keep`. */
export function putPage<Row>(
  cache: PageCache<Row>,
  page: number,
  rows: readonly Row[],
  keep: readonly number[] = [],
  maxPages = MAX_CACHED_PAGES
): PageCache<Row> {
  const pages = new Map(cache.pages)
  pages.set(page, rows)
  let recency = [...cache.recency.filter((p) => p !== page), page]
  while (pages.size > maxPages) {
    const victim = recency.find((p) => p !== page && !keep.includes(p))
    if (victim === undefined) break
    pages.delete(victim)
    recency = recency.filter((p) => p !== victim)
  }
  return { pages, recency }
}

/** The pages needed to show rows `from`..`to` (inclusive) that are not cached yet. */
export function missingPages<Row>(cache: PageCache<Row>, from: number, to: number, total: number): number[] {
  if (total <= 0 || to < from) return []
  const first = pageOf(Math.max(0, from))
  const last = pageOf(Math.min(total - 1, to))
  const missing: number[] = []
  for (let page = first; page <= last; page++) if (!cache.pages.has(page)) missing.push(page)
  return missing
}

/** Returns a cache whose matching rows are replaced by `update(row)`; unchanged pages keep their identity. */
export function updateRows<Row extends { id: number }>(
  cache: PageCache<Row>,
  matches: (row: Row) => boolean,
  update: (row: Row) => Row
): PageCache<Row> {
  let changed = false
  const pages = new Map<number, readonly Row[]>()
  for (const [page, rows] of cache.pages) {
    if (rows.some(matches)) {
      changed = true
      pages.set(
        page,
        rows.map((row) => (matches(row) ? update(row) : row))
      )
    } else pages.set(page, rows)
  }
  return changed ? { pages, recency: cache.recency } : cache
}

/** The index of a paper among the cached rows, or -1 when it is not in a cached page. */
export function indexOfId<Row extends { id: number }>(cache: PageCache<Row>, id: number): number {
  for (const [page, rows] of cache.pages) {
    const at = rows.findIndex((row) => row.id === id)
    if (at >= 0) return page * PAGE_SIZE + at
  }
  return -1
}
