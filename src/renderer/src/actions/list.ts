// Loading the paper list page by page, and moving the selection through it.
import type { PaperFilter, SearchPage, SearchSort } from '../../../shared/model'
import { errorMessage } from '../api'
import { PAGE_SIZE, emptyCache, indexOfId, missingPages, pageOf, putPage, rowAt } from '../lib/pageCache'
import type { Row } from '../stores/papers'
import type { ActionContext } from './context'

export const SEARCH_DEBOUNCE_MS = 150

type SearchExtras = Pick<SearchPage, 'totalIsLowerBound' | 'corrections'>

export function createListActions(ctx: ActionContext) {
  const inflight = new Map<string, Promise<void>>()
  /** Pages the list shows right now: eviction spares them. */
  let visiblePages: number[] = []
  let searchTimer: ReturnType<typeof setTimeout> | null = null

  /**
   * The cursor after each loaded page's last row, by generation and page: the page below a
   * loaded one is asked for by cursor (keyset), so scrolling to the end of a million papers
   * costs the same per page as the top. A jump past unloaded pages asks by offset.
   */
  const cursors = new Map<string, string>()

  async function fetchPage(page: number, generation: number): Promise<{ items: Row[]; total: number } & SearchExtras> {
    const { filter, query, listSort, searchSort } = ctx.selection.getState()
    const offset = page * PAGE_SIZE
    // A trailing space is kept: "tra " searches the whole word, "tra" its prefix.
    if (query.trim())
      return ctx.api.search({ query: query.trimStart(), filter, sort: searchSort, offset, limit: PAGE_SIZE })
    const after = cursors.get(`${generation}:${page - 1}`)
    // The list shows no abstracts; the reader pane loads its paper whole.
    const answer = await ctx.api.listPapers({
      filter,
      sort: listSort,
      offset,
      limit: PAGE_SIZE,
      abstracts: false,
      ...(after ? { after } : {})
    })
    if (answer.next !== null) cursors.set(`${generation}:${page}`, answer.next)
    return { ...answer, totalIsLowerBound: answer.totalIsLowerBound ?? false, corrections: [] }
  }

  function loadPage(page: number): Promise<void> {
    const generation = ctx.papers.getState().generation
    const key = `${generation}:${page}`
    const running = inflight.get(key)
    if (running) return running
    const request = fetchPage(page, generation)
      .then((answer) => {
        const state = ctx.papers.getState()
        if (state.generation !== generation) return
        const keep = [...visiblePages, ...selectedPages()]
        ctx.papers.setState({
          cache: putPage(state.cache, page, answer.items, keep),
          total: answer.total,
          totalIsLowerBound: answer.totalIsLowerBound,
          loaded: true,
          error: null
        })
      })
      .catch((error: unknown) => {
        if (ctx.papers.getState().generation === generation)
          ctx.papers.setState({ error: errorMessage(error), loaded: true })
      })
      .finally(() => inflight.delete(key))
    inflight.set(key, request)
    return request
  }

  function selectedPages(): number[] {
    const index = ctx.selection.getState().selectedIndex
    return index === null ? [] : [pageOf(index)]
  }

  /** Makes sure rows `from`..`to` are (being) loaded; called as the list scrolls. */
  function ensureRows(from: number, to: number): void {
    const { cache, total, loaded } = ctx.papers.getState()
    if (!loaded) return
    visiblePages = []
    for (let page = pageOf(Math.max(0, from)); page <= pageOf(Math.max(0, to)); page++) visiblePages.push(page)
    for (const page of missingPages(cache, from, to, total)) void loadPage(page)
  }

  /**
   * Starts the list over for the current filter and query. The old rows stay on screen until
   * the first page of the new list arrives, so typing in the search box does not flicker.
   */
  async function reloadList(): Promise<void> {
    const generation = ctx.papers.getState().generation + 1
    ctx.papers.setState({ generation })
    cursors.clear()
    const searched = ctx.selection.getState().query.trim().length > 0
    try {
      const answer = await fetchPage(0, generation)
      if (ctx.papers.getState().generation !== generation) return
      const cache = putPage(emptyCache<Row>(), 0, answer.items)
      ctx.papers.setState({
        cache,
        total: answer.total,
        totalIsLowerBound: answer.totalIsLowerBound,
        corrections: answer.corrections,
        searched,
        loaded: true,
        error: null
      })
      const { selectedId } = ctx.selection.getState()
      if (selectedId !== null) {
        const index = indexOfId(cache, selectedId)
        ctx.selection.setState({ selectedIndex: index >= 0 ? index : null })
      }
    } catch (error) {
      if (ctx.papers.getState().generation === generation) {
        ctx.papers.setState({
          cache: emptyCache<Row>(),
          total: 0,
          totalIsLowerBound: false,
          corrections: [],
          searched,
          loaded: true,
          error: errorMessage(error)
        })
      }
    }
  }

  function setFilter(filter: PaperFilter): Promise<void> {
    ctx.selection.setState({ filter, view: 'papers', selectedIndex: null })
    void ctx.api.updateSettings({ lastFilter: filter }).catch(() => undefined)
    return reloadList()
  }

  /** The order of the list, or of the search results while searching. */
  function setSort(sort: SearchSort): Promise<void> {
    if (ctx.selection.getState().query.trim()) ctx.selection.setState({ searchSort: sort })
    else if (sort !== 'relevance') ctx.selection.setState({ listSort: sort })
    return reloadList()
  }

  /** Searches at once, without waiting for a pause in typing (a saved search was chosen). */
  function searchNow(query: string): Promise<void> {
    if (searchTimer) clearTimeout(searchTimer)
    searchTimer = null
    ctx.selection.setState({ query, view: 'papers', selectedIndex: null })
    return reloadList()
  }

  function setQuery(query: string): void {
    ctx.selection.setState({ query, view: 'papers' })
    if (searchTimer) clearTimeout(searchTimer)
    searchTimer = setTimeout(() => {
      searchTimer = null
      void reloadList()
    }, SEARCH_DEBOUNCE_MS)
  }

  /** The row at `index`, loading its page when needed; null past the end or on error. */
  async function rowAtIndex(index: number): Promise<Row | null> {
    const { total } = ctx.papers.getState()
    if (index < 0 || index >= total) return null
    const cached = rowAt(ctx.papers.getState().cache, index)
    if (cached) return cached
    await loadPage(pageOf(index))
    return rowAt(ctx.papers.getState().cache, index) ?? null
  }

  function currentIndex(): number {
    const { selectedIndex, selectedId } = ctx.selection.getState()
    if (selectedIndex !== null) return selectedIndex
    if (selectedId === null) return -1
    return indexOfId(ctx.papers.getState().cache, selectedId)
  }

  /** The index of the next unread paper after the selection, or null when there is none. */
  async function findNextUnread(): Promise<{ index: number; row: Row } | null> {
    const start = currentIndex() + 1
    const { total } = ctx.papers.getState()
    for (let index = start; index < total; index++) {
      const row = await rowAtIndex(index)
      if (!row) return null
      if (!row.read) return { index, row }
    }
    return null
  }

  return {
    loadPage,
    ensureRows,
    reloadList,
    setFilter,
    setQuery,
    setSort,
    searchNow,
    rowAtIndex,
    currentIndex,
    findNextUnread
  }
}

export type ListActions = ReturnType<typeof createListActions>
