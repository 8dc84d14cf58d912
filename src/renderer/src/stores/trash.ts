// The Trash view: what the trash holds, loaded when the view opens.
import { createStore } from 'zustand/vanilla'
import type { TrashContents } from '../../../shared/model'

export interface TrashState {
  contents: TrashContents | null
  error: string | null
}

export const createTrashStore = () => createStore<TrashState>()(() => ({ contents: null, error: null }))

export type TrashStore = ReturnType<typeof createTrashStore>
