import { useEffect, useRef } from 'react'
import Markdown from 'react-markdown'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { useDogear } from '../context'

const STATUS_TEXT = {
  idle: '',
  editing: 'Editing…',
  saving: 'Saving…',
  saved: 'Saved',
  error: ''
} as const

function NotePreview({ text }: { text: string }) {
  const dogear = useDogear()
  return (
    <div className="note-preview" aria-label="Note preview">
      {/* No raw HTML (skipHtml), no remote images: the note renders as React elements only. */}
      <Markdown
        skipHtml
        disallowedElements={['img']}
        unwrapDisallowed
        components={{
          a: ({ href, children }) => (
            <a
              href={href}
              onClick={(event) => {
                event.preventDefault()
                if (href) void dogear.openExternal(href)
              }}
            >
              {children}
            </a>
          )
        }}
      >
        {text}
      </Markdown>
    </div>
  )
}

export function NoteEditor() {
  const dogear = useDogear()
  const note = useStore(
    dogear.reader,
    useShallow((s) => ({ paperId: s.note.paperId, text: s.note.text, status: s.note.status, error: s.note.error }))
  )
  const editRequest = useStore(dogear.ui, (s) => s.editNoteRequest)
  const ref = useRef<HTMLTextAreaElement>(null)
  const handled = useRef(editRequest)

  useEffect(() => {
    if (editRequest === handled.current) return
    handled.current = editRequest
    const area = ref.current
    if (!area) return
    area.focus()
    area.setSelectionRange(area.value.length, area.value.length)
  }, [editRequest])

  // Grow with the text so the reader pane scrolls, not the text box.
  useEffect(() => {
    const area = ref.current
    if (!area) return
    area.style.height = 'auto'
    area.style.height = `${Math.max(96, area.scrollHeight + 2)}px`
  }, [note.text, note.paperId])

  if (note.paperId === null) return null
  return (
    <section className="note" aria-labelledby="note-label">
      <div className="note-header">
        <label id="note-label" htmlFor="note-text" className="section-label">
          Note
        </label>
        <span className={note.status === 'error' ? 'note-status error-text' : 'note-status'} role="status">
          {note.status === 'error' ? note.error : STATUS_TEXT[note.status]}
        </span>
      </div>
      <textarea
        id="note-text"
        ref={ref}
        className="note-text"
        value={note.text}
        placeholder="Write a note in Markdown… (press e)"
        spellCheck
        onChange={(event) => dogear.editNote(event.target.value)}
        onBlur={() => void dogear.flushNote()}
      />
      {note.text.trim() && <NotePreview text={note.text} />}
    </section>
  )
}
