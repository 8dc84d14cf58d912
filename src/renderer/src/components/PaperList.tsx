import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { useDogear } from '../context'
import { formatDay } from '../lib/dates'
import { firstAuthors } from '../lib/filters'
import { EmptyListText } from './RecommendedNotice'
import { RecommendationReason } from './RecommendationReason'
import { SeenBadge } from './SeenIn'
import { rowAt } from '../lib/pageCache'
import { isSearchHit, type Row } from '../stores/papers'
import { Highlighted } from './Highlighted'

const ROW_HEIGHT = 78
const SEARCH_ROW_HEIGHT = 100

const PaperRow = memo(function PaperRow({
  row,
  index,
  total,
  selected,
  onSelect
}: {
  row: Row
  index: number
  total: number
  selected: boolean
  onSelect: (index: number) => void
}) {
  const hit = isSearchHit(row) ? row : null
  const classes = ['paper-row', row.read ? 'read' : 'unread', selected ? 'selected' : ''].join(' ')
  return (
    <div
      id={`paper-${row.id}`}
      role="option"
      aria-selected={selected}
      aria-label={row.title}
      aria-setsize={total}
      aria-posinset={index + 1}
      className={classes}
      onClick={() => onSelect(index)}
    >
      <div className="paper-row-title">
        <span className="unread-dot" aria-hidden="true" />
        <span className="paper-row-title-text">{hit ? <Highlighted parts={hit.titleParts} /> : row.title}</span>
      </div>
      <div className="paper-row-meta">
        <span className="paper-row-authors">{firstAuthors(row.authors)}</span>
        {row.digestDate && <span className="paper-row-date">{formatDay(row.digestDate)}</span>}
        <SeenBadge paper={row} />
        <RecommendationReason paper={row} />
        <span className="paper-row-marks" aria-hidden="true">
          {row.hasCode && (
            <span className="mark-code" title="Has code">
              {'</>'}
            </span>
          )}
          {row.note && (
            <span className="mark-note" title="Has a note">
              ✎
            </span>
          )}
          {row.starred && (
            <span className="mark-star" title="Starred">
              ★
            </span>
          )}
        </span>
      </div>
      {hit && hit.snippetParts.length > 0 && (
        <div className="paper-row-snippet">
          <Highlighted parts={hit.snippetParts} />
        </div>
      )}
    </div>
  )
})

function ListPlaceholder({ index }: { index: number }) {
  return (
    <div className="paper-row placeholder" aria-hidden="true" data-index={index}>
      <div className="skeleton skeleton-title" />
      <div className="skeleton skeleton-meta" />
    </div>
  )
}

export function PaperList() {
  const dogear = useDogear()
  const total = useStore(dogear.papers, (s) => s.total)
  const cache = useStore(dogear.papers, (s) => s.cache)
  const loaded = useStore(dogear.papers, (s) => s.loaded)
  const error = useStore(dogear.papers, (s) => s.error)
  // What the rows are, not what the search box says: the two differ until the answer arrives.
  const searching = useStore(dogear.papers, (s) => s.searched)
  const selectedId = useStore(dogear.selection, (s) => s.selectedId)
  const selectedIndex = useStore(dogear.selection, (s) => s.selectedIndex)
  const scrollRef = useRef<HTMLDivElement>(null)
  const rowHeight = searching ? SEARCH_ROW_HEIGHT : ROW_HEIGHT

  // The virtualizer keeps its own mutable state; React Compiler must not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8
  })
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer])

  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  useEffect(() => {
    dogear.ensureRows(Math.max(0, first - 20), last + 20)
  }, [dogear, first, last, cache, total])

  useEffect(() => {
    if (selectedIndex !== null && selectedIndex < total) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, total, virtualizer])

  const select = useCallback((index: number) => void dogear.selectIndex(index), [dogear])

  return (
    <div className="paper-list-pane">
      <div className="list-header">
        <span className="list-count" aria-live="polite">
          {loaded
            ? `${total.toLocaleString()} ${searching ? 'match' : 'paper'}${total === 1 ? '' : searching ? 'es' : 's'}`
            : 'Loading…'}
        </span>
      </div>
      {error && <p className="error-text list-error">{error}</p>}
      {loaded && total === 0 && !error && (
        <p className="muted list-empty">{searching ? 'No papers match this search.' : <EmptyListText />}</p>
      )}
      <div
        ref={scrollRef}
        className="paper-list"
        role="listbox"
        aria-label="Papers"
        tabIndex={0}
        aria-activedescendant={selectedId !== null && selectedIndex !== null ? `paper-${selectedId}` : undefined}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(cache, item.index)
            return (
              <div
                key={item.key}
                className="virtual-row"
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  <PaperRow
                    row={row}
                    index={item.index}
                    total={total}
                    selected={row.id === selectedId}
                    onSelect={select}
                  />
                ) : (
                  <ListPlaceholder index={item.index} />
                )}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
