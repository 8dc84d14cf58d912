// Dialogs, imports in progress, settings, the status line and the undo history.
import { createStore } from 'zustand/vanilla'
import { DEFAULT_SETTINGS, type ImportFileReport, type PaperTarget, type Settings } from '../../../shared/model'
import type { MenuSubject } from '../lib/menuItems'
import { DEFAULT_COMFORT, type Comfort } from '../lib/comfort'
import { emptyHistory, type UndoHistory } from '../lib/undo'

export type Dialog = 'keys' | 'settings' | 'import' | 'confirm' | 'tags' | null

/** A question asked before a big change ("Mark all 50,000 papers in Unread read?"). */
export interface Confirmation {
  question: string
  /** The confirming button's label: what will happen. */
  action: string
  run: () => void
  /** Said under the question; by default that Ctrl+Z undoes it. */
  note?: string
}

/** The tag picker's papers: the multi-selection or one paper, with the tags they have. */
export interface TagPickerRequest {
  target: PaperTarget
  /** "“A title”" or "12 papers": what the picker's heading names. */
  what: string
  /** Tags the paper has (one paper only), offered for removal. */
  tags: string[]
}

/** An open context menu: where, and on what. */
export interface MenuRequest {
  x: number
  y: number
  subject: MenuSubject
  /** The element focus goes back to when the menu closes. */
  returnFocusTo: HTMLElement | null
}

export interface ImportProgress {
  file: string
  done: number
  total: number
}

export interface StatusMessage {
  text: string
  kind: 'info' | 'error'
  /** Distinguishes two equal messages in a row, so the status line shows the second too. */
  serial: number
}

export interface UiState {
  dialog: Dialog
  confirmation: Confirmation | null
  importing: boolean
  progress: ImportProgress | null
  reports: ImportFileReport[]
  settings: Settings
  status: StatusMessage | null
  /** Steps to undo and redo (actions/history.ts records them). */
  history: UndoHistory
  /** Text size, reader width and row density (remembered in localStorage). */
  comfort: Comfort
  /** What is taking a while right now ("Looking for the next unread paper…"); null when idle. */
  activity: string | null
  /** Bumped to ask the search box to take focus. */
  focusSearchRequest: number
  /** Bumped to ask the note editor to take focus. */
  editNoteRequest: number
  tagPicker: TagPickerRequest | null
  menu: MenuRequest | null
}

export const createUiStore = () =>
  createStore<UiState>()(() => ({
    dialog: null,
    confirmation: null,
    importing: false,
    progress: null,
    reports: [],
    settings: DEFAULT_SETTINGS,
    status: null,
    history: emptyHistory,
    comfort: DEFAULT_COMFORT,
    activity: null,
    focusSearchRequest: 0,
    editNoteRequest: 0,
    tagPicker: null,
    menu: null
  }))

export type UiStore = ReturnType<typeof createUiStore>
