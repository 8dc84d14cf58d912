import { useStore } from 'zustand'
import { useDogear } from '../context'
import { formatDay } from '../lib/dates'
import { WIDTH_CH } from '../lib/comfort'
import { readingMinutes, searchTerms } from '../lib/highlightTerms'
import { linkLabel } from '../lib/links'
import { ReaderControls } from './ReaderControls'
import { NoteEditor } from './NoteEditor'
import { TexText } from './TexText'
import { RelatedPapers } from './RelatedPapers'
import { MergedFrom } from './MergedFrom'
import { VersionNotice } from './VersionNotice'
import { PaperTags } from './PaperTags'

export const READER_SCROLL_ID = 'reader-scroll'

function ReaderBody() {
  const dogear = useDogear()
  const paper = useStore(dogear.reader, (s) => s.paper)
  const selectedId = useStore(dogear.selection, (s) => s.selectedId)
  const loading = useStore(dogear.reader, (s) => s.loading)
  const error = useStore(dogear.reader, (s) => s.error)
  const query = useStore(dogear.selection, (s) => s.query)
  const terms = searchTerms(query)

  if (error) {
    return (
      <div className="reader-message" role="alert">
        <p className="error-text">{error}</p>
        {selectedId !== null && (
          <button
            type="button"
            onClick={() =>
              void dogear.openPaper(selectedId, dogear.selection.getState().selectedIndex, { markRead: false })
            }
          >
            Retry
          </button>
        )}
      </div>
    )
  }
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
        <TexText text={paper.title} terms={terms} />
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
      <PaperTags paper={paper} />
      <VersionNotice paper={paper} />
      <MergedFrom paperId={paper.id} />
      {/* Above the abstract, so the note is in view without scrolling. */}
      <NoteEditor />
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
        <>
          <p className="reading-time muted small">{`About ${readingMinutes(text)} min read`}</p>
          <div className={paper.abstract ? 'paper-abstract' : 'paper-abstract snippet'}>
            <TexText text={text} terms={terms} />
          </div>
        </>
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
      <RelatedPapers paperId={paper.id} />
    </article>
  )
}

/** `onBack`: in a narrow window the reader replaces the list, and this goes back to it. */
export function ReaderPane({ onBack }: { onBack?: () => void }) {
  const dogear = useDogear()
  const comfort = useStore(dogear.ui, (s) => s.comfort)
  return (
    <section
      className="reader"
      aria-label="Reader"
      style={
        {
          '--reader-size': `${comfort.textSize}px`,
          '--reader-width': `${WIDTH_CH[comfort.width]}ch`
        } as React.CSSProperties
      }
    >
      <ReaderControls onBack={onBack} />
      {/* Focusable so the keyboard can scroll it (F6 reaches it). */}
      <div className="reader-scroll" id={READER_SCROLL_ID} tabIndex={0} aria-label="Paper">
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
