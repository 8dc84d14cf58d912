// The Sources pane's numbers: digests with their progress and the library's counts.
import { createStore } from 'zustand/vanilla'
import type { DigestProgress, LibraryStats, SavedSearch, TagCount } from '../../../shared/model'

export interface SourcesState {
  loaded: boolean
  digests: DigestProgress[]
  stats: LibraryStats | null
  /** Saved searches in the reader's order, with their unread counts. */
  savedSearches: SavedSearch[]
  /** The reader's tags with their counts, A-Z. */
  tags: TagCount[]
  error: string | null
}

export const createSourcesStore = () =>
  createStore<SourcesState>()(() => ({
    loaded: false,
    digests: [],
    stats: null,
    savedSearches: [],
    tags: [],
    error: null
  }))

export type SourcesStore = ReturnType<typeof createSourcesStore>
