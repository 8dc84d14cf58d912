// The note editor's autosave. A note is never lost: a failed save keeps the text on screen
// and in `unsaved`, and the next edit, blur or paper switch tries again.
import { errorMessage } from '../api'
import { updateRows } from '../lib/pageCache'
import { emptyNote } from '../stores/reader'
import type { ActionContext } from './context'

export const NOTE_SAVE_DELAY_MS = 700

export function createNoteActions(ctx: ActionContext) {
  let timer: ReturnType<typeof setTimeout> | null = null

  function cancelTimer(): void {
    if (timer) clearTimeout(timer)
    timer = null
  }

  function rememberSaved(paperId: number, text: string): void {
    const stored = text.trim() ? text : null
    ctx.papers.setState((state) => ({
      cache: updateRows(
        state.cache,
        (row) => row.id === paperId,
        (row) => ({ ...row, note: stored })
      )
    }))
    ctx.reader.setState((state) => {
      const { [paperId]: _saved, ...unsaved } = state.unsaved
      const paper = state.paper?.id === paperId ? { ...state.paper, note: stored } : state.paper
      return { unsaved, paper }
    })
  }

  async function save(paperId: number, text: string): Promise<boolean> {
    const isCurrent = () => ctx.reader.getState().note.paperId === paperId
    if (isCurrent()) ctx.reader.setState((s) => ({ note: { ...s.note, status: 'saving' } }))
    try {
      await ctx.api.saveNote({ id: paperId, text })
      rememberSaved(paperId, text)
      if (isCurrent()) {
        ctx.reader.setState((s) => ({
          note: { ...s.note, savedText: text, status: s.note.text === text ? 'saved' : 'editing', error: null }
        }))
      }
      return true
    } catch (error) {
      const message = `The note was not saved: ${errorMessage(error)}`
      ctx.reader.setState((s) => ({
        unsaved: { ...s.unsaved, [paperId]: text },
        note: isCurrent() ? { ...s.note, status: 'error', error: message } : s.note
      }))
      return false
    }
  }

  function editNote(text: string): void {
    const { note } = ctx.reader.getState()
    if (note.paperId === null) return
    ctx.reader.setState({ note: { ...note, text, status: 'editing' } })
    cancelTimer()
    timer = setTimeout(() => {
      timer = null
      void flushNote()
    }, NOTE_SAVE_DELAY_MS)
  }

  /** Saves now whatever is unsaved (blur, paper switch, quit). */
  function flushNote(): Promise<boolean> {
    cancelTimer()
    const { note } = ctx.reader.getState()
    if (note.paperId === null || (note.text === note.savedText && note.status !== 'error')) {
      return Promise.resolve(true)
    }
    return save(note.paperId, note.text)
  }

  /** Shows the note of the paper just opened: an unsaved draft wins over the library's copy. */
  function openNote(paperId: number, stored: string | null): void {
    const { unsaved } = ctx.reader.getState()
    const draft = unsaved[paperId]
    const savedText = stored ?? ''
    if (draft !== undefined && draft !== savedText) {
      ctx.reader.setState({
        note: {
          paperId,
          text: draft,
          savedText,
          status: 'error',
          error: 'This note has changes that were not saved yet.'
        }
      })
    } else {
      ctx.reader.setState({ note: { ...emptyNote, paperId, text: savedText, savedText } })
    }
  }

  function closeNote(): void {
    ctx.reader.setState({ note: emptyNote })
  }

  /**
   * Keeps the note as the reader sees it (saving an edit first) and clears its sync conflict;
   * the other devices take this version too.
   */
  async function resolveNoteConflict(): Promise<void> {
    const paperId = ctx.reader.getState().paper?.id
    if (paperId === undefined || !(await flushNote())) return
    try {
      await ctx.api.resolveNoteConflict({ id: paperId })
      ctx.reader.setState((s) => ({
        paper: s.paper?.id === paperId ? { ...s.paper, noteConflict: false } : s.paper,
        note: s.note.paperId === paperId ? { ...s.note, status: 'idle', error: null } : s.note
      }))
    } catch (error) {
      ctx.reader.setState((s) => ({
        note:
          s.note.paperId === paperId
            ? { ...s.note, status: 'error', error: `The conflict was not resolved: ${errorMessage(error)}` }
            : s.note
      }))
    }
  }

  return { editNote, flushNote, openNote, closeNote, resolveNoteConflict }
}

export type NoteActions = ReturnType<typeof createNoteActions>
