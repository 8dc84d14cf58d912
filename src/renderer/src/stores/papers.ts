// The paper list: a bounded cache of pages the database sorted, and how many there are in all.
import { createStore } from 'zustand/vanilla'
import type { Paper, SearchHit, SearchPage } from '../../../shared/model'
import { emptyCache, type PageCache } from '../lib/pageCache'

/** A list row: a paper, with highlight parts when the list shows search results. */
export type Row = Paper | SearchHit

export function isSearchHit(row: Row): row is SearchHit {
  return 'titleParts' in row
}

export interface PapersState {
  /** Bumped whenever the list's query changes; answers for an older generation are dropped. */
  generation: number
  /** False until the first page of the current generation arrived. */
  loaded: boolean
  total: number
  /** True when the rows shown are search results (they lag the search box until the answer comes). */
  searched: boolean
  cache: PageCache<Row>
  error: string | null
  /** For search results: whether `total` is a lower bound ("10,000+"), and the typos corrected. */
  totalIsLowerBound: boolean
  corrections: SearchPage['corrections']
}

export const createPapersStore = () =>
  createStore<PapersState>()(() => ({
    generation: 0,
    loaded: false,
    total: 0,
    searched: false,
    cache: emptyCache<Row>(),
    error: null,
    totalIsLowerBound: false,
    corrections: []
  }))

export type PapersStore = ReturnType<typeof createPapersStore>
