// The Sources pane's numbers: digests with their progress and the library's counts.
import { createStore } from 'zustand/vanilla'
import type { DigestProgress, LibraryStats } from '../../../shared/model'

export interface SourcesState {
  loaded: boolean
  digests: DigestProgress[]
  stats: LibraryStats | null
  error: string | null
}

export const createSourcesStore = () =>
  createStore<SourcesState>()(() => ({ loaded: false, digests: [], stats: null, error: null }))

export type SourcesStore = ReturnType<typeof createSourcesStore>
