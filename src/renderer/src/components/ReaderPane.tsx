import { useStore } from 'zustand'
import { useDogear } from '../context'
import { formatDay } from '../lib/dates'
import { linkLabel } from '../lib/links'
import { NoteEditor } from './NoteEditor'
import { TexText } from './TexText'
import { RelatedPapers } from './RelatedPapers'
import { VersionNotice } from './VersionNotice'

export const READER_SCROLL_ID = 'reader-scroll'

function ReaderBody() {
  const dogear = useDogear()
  const paper = useStore(dogear.reader, (s) => s.paper)
  const selectedId = useStore(dogear.selection, (s) => s.selectedId)
  const loading = useStore(dogear.reader, (s) => s.loading)
  const error = useStore(dogear.reader, (s) => s.error)

  if (error) return <p className="error-text reader-message">{error}</p>
  if (!paper || paper.id !== selectedId) {
    return (
      <div className="reader-empty">
        <p>{loading ? 'Opening…' : 'Select a paper to read it.'}</p>
        {!loading && (
          <p className="muted small">
            <kbd>j</kbd> and <kbd>k</kbd> move through the list, <kbd>?</kbd> shows every key.
          </p>
        )}
      </div>
    )
  }
  const text = paper.abstract ?? paper.snippet
  return (
    <article className="paper" key={paper.id}>
      <h1 className="paper-title">
        <TexText text={paper.title} />
      </h1>
      {paper.authors.length > 0 && <p className="paper-authors">{paper.authors.join(', ')}</p>}
      <div className="paper-toolbar">
        <ToggleButton
          label="Star"
          pressed={paper.starred}
          keyHint="s"
          icons={['★', '☆']}
          onToggle={dogear.toggleStar}
        />
        <ToggleButton label="Read" pressed={paper.read} keyHint="m" icons={['●', '○']} onToggle={dogear.toggleRead} />
      </div>
      <VersionNotice paper={paper} />
      {paper.digestRefs.length > 0 && (
        <p className="paper-digests">
          <span className="muted">
            {paper.digestRefs.length > 1 ? `In ${paper.digestRefs.length} digests: ` : 'From '}
          </span>
          {paper.digestRefs.map((ref, i) => (
            <span key={ref.id}>
              {i > 0 && ', '}
              <button
                type="button"
                className="link-like"
                onClick={() => void dogear.setFilter({ kind: 'digest', digestId: ref.id })}
              >
                {ref.title}
              </button>
              <span className="muted">
                {ref.dateFrom ? ` · ${formatDay(ref.dateFrom)}` : ''} · #{ref.position}
              </span>
            </span>
          ))}
        </p>
      )}
      {text ? (
        <div className={paper.abstract ? 'paper-abstract' : 'paper-abstract snippet'}>
          <TexText text={text} />
        </div>
      ) : (
        <p className="muted">No abstract in the digest.</p>
      )}
      {paper.links.length > 0 && (
        <div className="paper-links" aria-label="Links" role="group">
          {paper.links.map((link) => (
            <button
              key={link.url}
              type="button"
              className={link.kind === 'code' ? 'link-button code' : 'link-button'}
              title={link.url}
              onClick={() => void dogear.openExternal(link.url)}
            >
              {link.kind === 'code' && (
                <span className="code-badge" aria-hidden="true">
                  {'</>'}
                </span>
              )}
              {linkLabel(link)}
            </button>
          ))}
        </div>
      )}
      <NoteEditor />
      <RelatedPapers paperId={paper.id} />
    </article>
  )
}

export function ReaderPane() {
  return (
    <section className="reader" aria-label="Reader">
      <div className="reader-scroll" id={READER_SCROLL_ID}>
        <ReaderBody />
      </div>
    </section>
  )
}

/** A labelled on/off button; the icon shows the state, the label stays the same for screen readers. */
function ToggleButton(props: {
  label: string
  pressed: boolean
  keyHint: string
  icons: [on: string, off: string]
  onToggle: () => Promise<unknown>
}) {
  const { label, pressed, keyHint, icons, onToggle } = props
  return (
    <button
      type="button"
      className="toggle"
      aria-pressed={pressed}
      title={`${label} (${keyHint})`}
      onClick={() => void onToggle()}
    >
      <span aria-hidden="true" className="toggle-icon">
        {pressed ? icons[0] : icons[1]}
      </span>
      {label}
    </button>
  )
}
