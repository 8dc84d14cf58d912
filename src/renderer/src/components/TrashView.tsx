// The Trash: deleted papers and digests, each with Restore; Empty Trash asks first. Long trashes
// show their newest entries (the rest are restored with Restore All).
import { useStore } from 'zustand'
import type { TrashedDigest, TrashedPaper } from '../../../shared/model'
import { useDogear } from '../context'
import { firstAuthors } from '../lib/filters'
import { formatCount } from '../lib/sourceName'

export const TRASH_SHOWN = 500

function when(at: string): string {
  const date = new Date(at)
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: 'numeric' })
}

function TrashedPaperItem({ paper }: { paper: TrashedPaper }) {
  const dogear = useDogear()
  return (
    <li className="trash-item">
      <div>
        <span className="trash-title">{paper.title}</span>
        <span className="muted small">
          {' '}
          {firstAuthors(paper.authors)} · deleted {when(paper.trashedAt)}
        </span>
      </div>
      <button type="button" aria-label={`Restore ${paper.title}`} onClick={() => void dogear.restorePapers([paper.id])}>
        Restore
      </button>
    </li>
  )
}

function TrashedDigestItem({ digest }: { digest: TrashedDigest }) {
  const dogear = useDogear()
  return (
    <li className="trash-item">
      <div>
        <span className="trash-title">{digest.title}</span>
        <span className="muted small">
          {' '}
          {formatCount(digest.papers)} papers · deleted {when(digest.trashedAt)}
        </span>
      </div>
      <button
        type="button"
        aria-label={`Restore digest ${digest.title}`}
        onClick={() => void dogear.restoreDigest(digest.id, digest.title)}
      >
        Restore
      </button>
    </li>
  )
}

export function TrashView() {
  const dogear = useDogear()
  const contents = useStore(dogear.trash, (s) => s.contents)
  const error = useStore(dogear.trash, (s) => s.error)
  const papers = contents?.papers ?? []
  const digests = contents?.digests ?? []
  // A paper a deleted digest took along comes back with its digest.
  const loose = papers.filter((p) => p.viaDigestId === null)
  const empty = contents !== null && papers.length === 0 && digests.length === 0
  return (
    <section className="trash-view" aria-label="Trash">
      <div className="trash-header">
        <h1>Trash</h1>
        {!empty && contents && (
          <>
            {loose.length > 1 && (
              <button type="button" onClick={() => void dogear.restorePapers(loose.map((p) => p.id))}>
                Restore All Papers
              </button>
            )}
            <button type="button" className="danger" onClick={() => dogear.requestEmptyTrash()}>
              Empty Trash
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {empty && <p className="muted">The trash is empty.</p>}
      {digests.length > 0 && (
        <>
          <h2>Digests</h2>
          <ul className="trash-list" aria-label="Deleted digests">
            {digests.map((digest) => (
              <TrashedDigestItem key={digest.id} digest={digest} />
            ))}
          </ul>
        </>
      )}
      {loose.length > 0 && (
        <>
          <h2>Papers</h2>
          <ul className="trash-list" aria-label="Deleted papers">
            {loose.slice(0, TRASH_SHOWN).map((paper) => (
              <TrashedPaperItem key={`${paper.id}-${paper.trashedAt}`} paper={paper} />
            ))}
          </ul>
          {loose.length > TRASH_SHOWN && (
            <p className="muted small">
              and {formatCount(loose.length - TRASH_SHOWN)} more (Restore All brings them back).
            </p>
          )}
        </>
      )}
      <p className="muted small">
        Whatever has been in the trash longer than the days set in Settings is removed when Dogear starts.
      </p>
    </section>
  )
}
