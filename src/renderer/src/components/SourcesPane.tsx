import { useRef, useState } from 'react'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { DigestProgress } from '../../../shared/model'
import { useDogear } from '../context'
import { formatDay } from '../lib/dates'
import { SHOWN_PER_GROUP, groupDigests, isOldGroup, type DigestGroup } from '../lib/digestGroups'
import { FIXED_SOURCES } from '../lib/filters'
import { SavedSearchesSection } from './SavedSearchesSection'
import { TagsSection, TrashSource } from './TagsSection'
import { digestMenuHandlers } from './digestMenu'
import { formatCount } from '../lib/sourceName'
import { useRovingFocus } from './useRovingFocus'
import { SourceButton } from './SourceButton'

export function digestDateLabel(digest: Pick<DigestProgress, 'dateFrom' | 'dateTo'>): string {
  if (digest.dateFrom && digest.dateTo && digest.dateFrom !== digest.dateTo) {
    return `${formatDay(digest.dateFrom)} – ${formatDay(digest.dateTo)}`
  }
  return formatDay(digest.dateFrom ?? digest.dateTo)
}

/** A digest: named by its title when alone, by its date inside a group of the same feed. */
function DigestButton({ digest, alone }: { digest: DigestProgress; alone: boolean }) {
  const dogear = useDogear()
  const active = useStore(
    dogear.selection,
    (s) => s.view === 'papers' && s.filter.kind === 'digest' && s.filter.digestId === digest.id
  )
  const percent = digest.total ? Math.round((digest.read / digest.total) * 100) : 0
  return (
    <li>
      <button
        type="button"
        className={active ? 'source digest active' : 'source digest'}
        aria-current={active ? 'page' : undefined}
        title={`${digest.title}: ${formatCount(digest.read)} of ${formatCount(digest.total)} read`}
        onClick={() => void dogear.setFilter({ kind: 'digest', digestId: digest.id })}
        {...digestMenuHandlers(dogear, digest)}
      >
        <span className="source-label digest-title">
          {alone ? digest.title : digestDateLabel(digest) || digest.title}
        </span>{' '}
        <span className="count">{formatCount(digest.unread)}</span>
      </button>
      <div className="digest-meta" aria-hidden="true">
        {alone && <span className="digest-date">{digestDateLabel(digest)}</span>}
        <span className="digest-progress">
          <span className="digest-progress-fill" style={{ width: `${percent}%` }} />
        </span>
      </div>
    </li>
  )
}

function DigestGroupSection({ group, startOpen }: { group: DigestGroup; startOpen: boolean }) {
  const dogear = useDogear()
  const [open, setOpen] = useState(startOpen)
  const [showAll, setShowAll] = useState(false)
  const shown = showAll ? group.digests : group.digests.slice(0, SHOWN_PER_GROUP)
  const hidden = group.digests.length - shown.length
  if (group.digests.length === 1) return <DigestButton digest={group.digests[0]!} alone />
  return (
    <li className="digest-group">
      <div className="digest-group-header">
        <button type="button" className="source group-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span className="group-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="source-label">{group.name}</span> <span className="count">{formatCount(group.unread)}</span>
        </button>
        {group.unread > 0 && (
          <button
            type="button"
            className="icon-button group-mark-read"
            title={`Mark all ${formatCount(group.unread)} unread in ${group.name} read`}
            onClick={() =>
              void dogear.markDigestsRead(
                group.digests.map((d) => d.id),
                group.name
              )
            }
          >
            ✓<span className="visually-hidden"> Mark {group.name} read</span>
          </button>
        )}
      </div>
      {open && (
        <ul className="source-list">
          {shown.map((digest) => (
            <DigestButton key={digest.id} digest={digest} alone={false} />
          ))}
          {hidden > 0 && (
            <li>
              <button type="button" className="source show-older" onClick={() => setShowAll(true)}>
                Show {formatCount(hidden)} older
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  )
}

/** `collapsed`: only a rail with the button that opens the pane again (not in narrow windows). */
export function SourcesPane({ collapsed = false, canExpand = true }: { collapsed?: boolean; canExpand?: boolean }) {
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
  const navRef = useRef<HTMLElement>(null)
  const roving = useRovingFocus(navRef)
  const countFor: Record<string, number | null> = { all: counts.all, unread: counts.unread, starred: counts.starred }
  const groups = groupDigests(digests)
  const today = new Date().toISOString().slice(0, 10)
  if (collapsed) {
    return (
      <nav className="sources collapsed" aria-label="Sources">
        {canExpand && (
          <button
            type="button"
            className="icon-button"
            title="Show sources"
            aria-expanded={false}
            onClick={() => dogear.setComfort({ sidebarCollapsed: false })}
          >
            »<span className="visually-hidden">Show sources</span>
          </button>
        )}
      </nav>
    )
  }
  return (
    <nav className="sources" aria-label="Sources" ref={navRef} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
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
            onClick={() => dogear.showProgress()}
          >
            <span className="source-label">Progress</span>
          </button>
        </li>
      </ul>
      <SavedSearchesSection />
      <TagsSection />
      <div className="sources-heading-row">
        <h2 className="sources-heading">Digests</h2>
        <button
          type="button"
          className="icon-button"
          title="Hide sources"
          aria-expanded={true}
          onClick={() => dogear.setComfort({ sidebarCollapsed: true })}
        >
          «<span className="visually-hidden">Hide sources</span>
        </button>
      </div>
      {groups.length === 0 ? (
        <p className="muted small sources-empty">No digests yet. Import one with “Import digest...”.</p>
      ) : (
        <ul className="source-list digest-groups">
          {groups.map((group, i) => (
            <DigestGroupSection key={group.name} group={group} startOpen={i === 0 || !isOldGroup(group, today)} />
          ))}
        </ul>
      )}
      <TrashSource />
    </nav>
  )
}
