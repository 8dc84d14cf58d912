// The list's heading (how many, where, what is going on) and what an empty list says.
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { useDogear } from '../context'
import { sourceName } from '../lib/sourceName'
import { listCountLabel } from './ListHeaderParts'
import { RecommendedNotice } from './RecommendedNotice'

function useListScope(): { name: string; everywhere: boolean; query: string } {
  const dogear = useDogear()
  const { filter, query } = useStore(
    dogear.selection,
    useShallow((s) => ({ filter: s.filter, query: s.query }))
  )
  const digests = useStore(dogear.sources, (s) => s.digests)
  const savedSearches = useStore(dogear.sources, (s) => s.savedSearches)
  const tags = useStore(dogear.sources, (s) => s.tags)
  return {
    name: sourceName(filter, digests, savedSearches, tags),
    everywhere: filter.kind === 'all',
    query: query.trim()
  }
}

export function ListHeader({ total, loaded, searching }: { total: number; loaded: boolean; searching: boolean }) {
  const dogear = useDogear()
  const activity = useStore(dogear.ui, (s) => s.activity)
  const scope = useListScope()
  // A huge match is counted to a bound: "10,000+ matches", never a figure that looks exact.
  const lowerBound = useStore(dogear.papers, (s) => s.totalIsLowerBound)
  return (
    <div className="list-header">
      <span className="list-count" aria-live="polite">
        {loaded ? listCountLabel(total, lowerBound, searching) : 'Loading…'}
        {loaded && searching && <span className="list-scope"> in {scope.name}</span>}
      </span>
      {searching && !scope.everywhere && (
        <button type="button" className="link-like small" onClick={() => void dogear.setFilter({ kind: 'all' })}>
          Search all papers
        </button>
      )}
      {activity && (
        <span className="activity" role="status">
          <span className="spinner" aria-hidden="true" />
          {activity}
        </span>
      )}
    </div>
  )
}

export function ListEmpty({ searching }: { searching: boolean }) {
  const dogear = useDogear()
  const scope = useListScope()
  const kind = useStore(dogear.selection, (s) => s.filter.kind)
  if (searching) {
    return (
      <div className="list-empty">
        <p>
          No matches for “{scope.query}” in {scope.name}.
        </p>
        {!scope.everywhere && (
          <button type="button" onClick={() => void dogear.setFilter({ kind: 'all' })}>
            Search all papers
          </button>
        )}
      </div>
    )
  }
  const hint: Record<string, string> = {
    unread: 'All caught up: 0 unread papers. New digests bring more.',
    starred: 'No starred papers yet. Press s on a paper to star it.',
    hasCode: 'No paper here links to code yet.',
    all: 'The library is empty. Import a digest to fill it.'
  }
  const text = hint[kind] ?? `Nothing in ${scope.name}.`
  return (
    <div className="list-empty">{kind === 'recommended' ? <RecommendedNotice fallback={text} /> : <p>{text}</p>}</div>
  )
}
