import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { DigestProgress, PaperFilter } from '../../../shared/model'
import { useDogear } from '../context'
import { formatDay } from '../lib/dates'
import { FIXED_SOURCES, sameFilter } from '../lib/filters'
import { SavedSearchesSection } from './SavedSearchesSection'

export function digestDateLabel(digest: Pick<DigestProgress, 'dateFrom' | 'dateTo'>): string {
  if (digest.dateFrom && digest.dateTo && digest.dateFrom !== digest.dateTo) {
    return `${formatDay(digest.dateFrom)} – ${formatDay(digest.dateTo)}`
  }
  return formatDay(digest.dateFrom ?? digest.dateTo)
}

function SourceButton({ filter, label, count }: { filter: PaperFilter; label: string; count: number | null }) {
  const dogear = useDogear()
  const active = useStore(
    dogear.selection,
    (s) => s.view === 'papers' && !s.query.trim() && sameFilter(s.filter, filter)
  )
  return (
    <li>
      <button
        type="button"
        className={active ? 'source active' : 'source'}
        aria-current={active ? 'page' : undefined}
        aria-label={label}
        onClick={() => void dogear.setFilter(filter)}
      >
        <span className="source-label">{label}</span>
        {count !== null && <span className="count">{count}</span>}
      </button>
    </li>
  )
}

function DigestButton({ digest }: { digest: DigestProgress }) {
  const dogear = useDogear()
  const active = useStore(
    dogear.selection,
    (s) => s.view === 'papers' && !s.query.trim() && s.filter.kind === 'digest' && s.filter.digestId === digest.id
  )
  const percent = digest.total ? Math.round((digest.read / digest.total) * 100) : 0
  return (
    <li>
      <button
        type="button"
        className={active ? 'source digest active' : 'source digest'}
        aria-current={active ? 'page' : undefined}
        aria-label={digest.title}
        onClick={() => void dogear.setFilter({ kind: 'digest', digestId: digest.id })}
      >
        <span className="source-label digest-title">{digest.title}</span>
        <span className="count" title={`${digest.unread} unread`}>
          {digest.unread}
        </span>
        <span className="digest-date">{digestDateLabel(digest)}</span>
        <span
          className="digest-progress"
          role="progressbar"
          aria-label={`${digest.read} of ${digest.total} read`}
          aria-valuemin={0}
          aria-valuemax={digest.total}
          aria-valuenow={digest.read}
        >
          <span className="digest-progress-fill" style={{ width: `${percent}%` }} />
        </span>
      </button>
    </li>
  )
}

export function SourcesPane() {
  const dogear = useDogear()
  const counts = useStore(
    dogear.sources,
    useShallow((s) => ({
      all: s.stats?.papers ?? null,
      unread: s.stats?.unread ?? null,
      starred: s.stats?.starred ?? null
    }))
  )
  const digests = useStore(dogear.sources, (s) => s.digests)
  const progressActive = useStore(dogear.selection, (s) => s.view === 'progress')
  const countFor: Record<string, number | null> = { all: counts.all, unread: counts.unread, starred: counts.starred }
  const newestFirst = [...digests].sort(
    (a, b) =>
      (b.dateTo ?? b.dateFrom ?? b.importedAt).localeCompare(a.dateTo ?? a.dateFrom ?? a.importedAt) || b.id - a.id
  )
  return (
    <nav className="sources" aria-label="Sources">
      <ul className="source-list">
        {FIXED_SOURCES.map((source) => (
          <SourceButton
            key={source.label}
            filter={source.filter}
            label={source.label}
            count={countFor[source.filter.kind] ?? null}
          />
        ))}
        <li>
          <button
            type="button"
            className={progressActive ? 'source active' : 'source'}
            aria-current={progressActive ? 'page' : undefined}
            aria-label="Progress"
            onClick={() => dogear.showProgress()}
          >
            <span className="source-label">Progress</span>
          </button>
        </li>
      </ul>
      <SavedSearchesSection />
      <h2 className="sources-heading">Digests</h2>
      {newestFirst.length === 0 ? (
        <p className="muted small sources-empty">No digests yet.</p>
      ) : (
        <ul className="source-list">
          {newestFirst.map((digest) => (
            <DigestButton key={digest.id} digest={digest} />
          ))}
        </ul>
      )}
    </nav>
  )
}
