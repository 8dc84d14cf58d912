// The note's text editor: CodeMirror 6 with Markdown and its own undo history (per paper).
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap, placeholder } from '@codemirror/view'
import { useEffect, useRef } from 'react'

export const NOTE_EDITOR_ID = 'note-text'

export function NoteCodeEditor({
  paperId,
  initialText,
  focusRequest,
  onChange,
  onBlur
}: {
  paperId: number
  initialText: string
  /** Bumped to move focus into the editor (the e key, a click on the rendered note). */
  focusRequest: number
  onChange: (text: string) => void
  onBlur: () => void
}) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const handlers = useRef({ onChange, onBlur })
  useEffect(() => {
    handlers.current = { onChange, onBlur }
  })

  // One editor per paper: a new paper starts a new undo history.
  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          history(),
          keymap.of([...historyKeymap, ...defaultKeymap]),
          markdown(),
          EditorView.lineWrapping,
          placeholder('Write a note in Markdown… (press e; $x^2$ for math)'),
          EditorView.contentAttributes.of({ id: NOTE_EDITOR_ID, 'aria-label': 'Note', spellcheck: 'true' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) handlers.current.onChange(update.state.doc.toString())
            if (update.focusChanged && !update.view.hasFocus) handlers.current.onBlur()
          })
        ]
      })
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
    // initialText is read once per paper on purpose: afterwards the editor owns the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paperId])

  useEffect(() => {
    const editor = view.current
    if (!editor || focusRequest === 0) return
    editor.focus()
    editor.dispatch({ selection: { anchor: editor.state.doc.length } })
  }, [focusRequest])

  return <div ref={host} className="note-editor" />
}
