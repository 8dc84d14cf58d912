// The reader pane: the open paper and its note as it is being written.
import { createStore } from 'zustand/vanilla'
import type { PaperDetail } from '../../../shared/model'

export type NoteStatus = 'idle' | 'editing' | 'saving' | 'saved' | 'error'

export interface NoteState {
  paperId: number | null
  text: string
  /** What the library has; `text !== savedText` means there is something to save. */
  savedText: string
  status: NoteStatus
  error: string | null
}

export interface ReaderState {
  paper: PaperDetail | null
  loading: boolean
  error: string | null
  note: NoteState
  /** Notes that could not be saved, by paper, kept until a save succeeds. */
  unsaved: Readonly<Record<number, string>>
}

export const emptyNote: NoteState = { paperId: null, text: '', savedText: '', status: 'idle', error: null }

export const createReaderStore = () =>
  createStore<ReaderState>()(() => ({
    paper: null,
    loading: false,
    error: null,
    note: emptyNote,
    unsaved: {}
  }))

export type ReaderStore = ReturnType<typeof createReaderStore>
