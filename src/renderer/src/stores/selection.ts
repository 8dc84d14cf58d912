// What the reader is looking at: which source, which search, which paper.
import { createStore } from 'zustand/vanilla'
import type { PaperFilter, PaperSort, SearchSort } from '../../../shared/model'

export type View = 'papers' | 'progress' | 'trash'

export interface SelectionState {
  view: View
  filter: PaperFilter
  /** The search box's text as typed; the list follows it after a short pause. */
  query: string
  selectedId: number | null
  /** Position of the selected paper in the current list, when known. */
  selectedIndex: number | null
  /** The list's order, and the order of search results (relevance unless the reader picks another). */
  listSort: PaperSort
  searchSort: SearchSort
}

export const createSelectionStore = () =>
  createStore<SelectionState>()(() => ({
    view: 'papers',
    filter: { kind: 'all' },
    query: '',
    selectedId: null,
    selectedIndex: null,
    listSort: 'position',
    searchSort: 'relevance'
  }))

export type SelectionStore = ReturnType<typeof createSelectionStore>
