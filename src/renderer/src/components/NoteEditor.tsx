// One note per paper: its rendered Markdown (with TeX) until you focus it, then the editor.
import { Children, useState, type ReactNode } from 'react'
import Markdown from 'react-markdown'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { useDogear } from '../context'
import { NoteCodeEditor } from './NoteCodeEditor'
import { TexText } from './TexText'

const STATUS_TEXT = {
  idle: '',
  editing: 'Editing…',
  saving: 'Saving…',
  saved: 'Saved',
  error: ''
} as const

/** Text children of a Markdown element with their TeX rendered; other children as they are. */
function withTex(children: ReactNode): ReactNode {
  return Children.map(children, (child) => (typeof child === 'string' ? <TexText text={child} /> : child))
}

function NoteRendered({ text, onEdit }: { text: string; onEdit: () => void }) {
  const dogear = useDogear()
  return (
    <div
      className="note-preview"
      role="button"
      tabIndex={0}
      aria-label="Note, press Enter to edit"
      onClick={(event) => {
        if (!(event.target instanceof Element && event.target.closest('a'))) onEdit()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault()
          onEdit()
        }
      }}
    >
      {/* No raw HTML (skipHtml), no remote images: the note renders as React elements only. */}
      <Markdown
        skipHtml
        disallowedElements={['img']}
        unwrapDisallowed
        components={{
          p: ({ children }) => <p>{withTex(children)}</p>,
          li: ({ children }) => <li>{withTex(children)}</li>,
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
  const conflict = useStore(dogear.reader, (s) => s.paper?.id === note.paperId && s.paper?.noteConflict === true)
  const editRequest = useStore(dogear.ui, (s) => s.editNoteRequest)
  const [editingPaper, setEditingPaper] = useState<number | null>(null)
  const [focus, setFocus] = useState<{ paperId: number | null; request: number }>({ paperId: null, request: 0 })
  const [handledRequest, setHandledRequest] = useState(editRequest)

  const editing = editingPaper === note.paperId || !note.text.trim()
  function edit(): void {
    setEditingPaper(note.paperId)
    setFocus((f) => ({ paperId: note.paperId, request: f.request + 1 }))
  }
  if (editRequest !== handledRequest) {
    // The e key: handled during render so the editor mounts already asked to take focus.
    setHandledRequest(editRequest)
    if (note.paperId !== null) edit()
  }

  if (note.paperId === null) return null
  return (
    <section className="note" aria-labelledby="note-label">
      <div className="note-header">
        <span id="note-label" className="section-label">
          Note
        </span>
        <span className={note.status === 'error' ? 'note-status error-text' : 'note-status'} role="status">
          {note.status === 'error' ? note.error : STATUS_TEXT[note.status]}
        </span>
      </div>
      {conflict && (
        <div className="note-conflict" role="group" aria-label="Sync conflict">
          <p>
            This note holds two versions from a sync conflict. Edit it to keep what you want, then resolve the conflict:
            every device keeps the note as it is here.
          </p>
          <button type="button" onClick={() => void dogear.resolveNoteConflict()}>
            Resolve conflict
          </button>
        </div>
      )}
      {editing ? (
        <NoteCodeEditor
          key={note.paperId}
          paperId={note.paperId}
          initialText={note.text}
          focusRequest={focus.paperId === note.paperId ? focus.request : 0}
          onChange={dogear.editNote}
          onBlur={() => {
            void dogear.flushNote()
            setEditingPaper(null)
          }}
        />
      ) : (
        <NoteRendered text={note.text} onEdit={edit} />
      )}
    </section>
  )
}
