import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { useDogear } from '../context'
import { formatDay } from '../lib/dates'
import { firstAuthors } from '../lib/filters'
import { RecommendationReason } from './RecommendationReason'
import { SeenBadge } from './SeenIn'
import { rowAt } from '../lib/pageCache'
import { paperState } from '../lib/sourceName'
import { isSearchHit, type Row } from '../stores/papers'
import { Highlighted } from './Highlighted'
import { CorrectionNotice, SortControl } from './ListHeaderParts'
import { ListEmpty, ListHeader } from './ListStates'
import { SelectionAnnouncer } from './SelectionAnnouncer'
import { ActionBar } from './ActionBar'
import { isPicked, isPicking } from '../lib/multiSelect'
import type { PointerPick } from '../actions/picking'

/** Row heights by density; search rows add a line for the snippet. */
const ROW_HEIGHT = { comfortable: 66, compact: 38 }
const SNIPPET_LINE = 22

const PaperRow = memo(function PaperRow({
  row,
  index,
  total,
  selected,
  picked,
  digestTitle,
  onSelect,
  onMenu
}: {
  row: Row
  index: number
  total: number
  selected: boolean
  /** In the multi-selection (null when there is none). */
  picked: boolean | null
  digestTitle: string | null
  onSelect: (pick: PointerPick) => void
  onMenu: (row: Row, x: number, y: number) => void
}) {
  const hit = isSearchHit(row) ? row : null
  const classes = ['paper-row', row.read ? 'read' : 'unread', selected ? 'selected' : '', picked ? 'picked' : ''].join(
    ' '
  )
  return (
    <div
      id={`paper-${row.id}`}
      role="option"
      aria-selected={picked ?? selected}
      aria-describedby={`paper-${row.id}-state`}
      aria-setsize={total}
      aria-posinset={index + 1}
      className={classes}
      onClick={(event) =>
        onSelect({ index, id: row.id, range: event.shiftKey, toggle: event.ctrlKey || event.metaKey })
      }
      onMouseDown={(event) => {
        // Shift-click picks a range; it should not also select the text in between.
        if (event.shiftKey) event.preventDefault()
      }}
      onContextMenu={(event) => {
        event.preventDefault()
        onMenu(row, event.clientX, event.clientY)
      }}
    >
      <div className="paper-row-title">
        <span className="unread-dot" aria-hidden="true" />
        <span className="paper-row-title-text" id={`paper-${row.id}-title`}>
          {hit ? <Highlighted parts={hit.titleParts} /> : row.title}
        </span>
        <span className="paper-row-date" aria-hidden="true">
          {row.digestDate ? formatDay(row.digestDate) : ''}
        </span>
      </div>
      {/* The option's name is its title alone; the rest is for the eye, and a screen reader
          hears it as the option's description. */}
      <div className="paper-row-meta" aria-hidden="true">
        <span className="paper-row-authors">{firstAuthors(row.authors)}</span>
        {digestTitle && <span className="paper-row-digest">{digestTitle}</span>}
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
      {/* Hidden from view and from the name; aria-describedby still reads it. */}
      <span hidden id={`paper-${row.id}-state`}>
        {[firstAuthors(row.authors), digestTitle, row.digestDate && formatDay(row.digestDate), paperState(row)]
          .filter(Boolean)
          .join('. ')}
      </span>
      {hit && hit.snippetParts.length > 0 && (
        <div className="paper-row-snippet" aria-hidden="true">
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
  const density = useStore(dogear.ui, (s) => s.comfort.density)
  const digests = useStore(dogear.sources, (s) => s.digests)
  const showDigest = useStore(dogear.selection, (s) => s.filter.kind !== 'digest')
  const scrollRef = useRef<HTMLDivElement>(null)
  const rowHeight = ROW_HEIGHT[density] + (searching ? SNIPPET_LINE : 0)
  const digestTitles = new Map(digests.map((d) => [d.id, d.title]))

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

  const picked = useStore(dogear.picked)
  const picking = isPicking(picked)
  const select = useCallback(
    (pick: PointerPick) => {
      if (pick.range || pick.toggle) return void dogear.pickWithPointer(pick)
      dogear.clearPicked()
      void dogear.selectIndex(pick.index)
    },
    [dogear]
  )
  const openMenu = useCallback(
    (row: Row, x: number, y: number) =>
      dogear.openPaperMenu(row, x, y, document.querySelector<HTMLElement>('.paper-list')),
    [dogear]
  )

  return (
    <div className={`paper-list-pane density-${density}`}>
      <ListHeader total={total} loaded={loaded} searching={searching} />
      <ActionBar />
      <SortControl />
      <CorrectionNotice />
      {error && (
        <div className="list-error" role="alert">
          <p className="error-text">{error}</p>
          <button type="button" onClick={() => void dogear.reloadList()}>
            Retry
          </button>
        </div>
      )}
      {loaded && total === 0 && !error && <ListEmpty searching={searching} />}
      <div
        ref={scrollRef}
        className="paper-list"
        role="listbox"
        aria-label="Papers"
        aria-multiselectable={picking || undefined}
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
                    picked={picking ? isPicked(picked, row.id) : null}
                    digestTitle={showDigest ? (digestTitles.get(row.digests[0] ?? -1) ?? null) : null}
                    onSelect={select}
                    onMenu={openMenu}
                  />
                ) : (
                  <ListPlaceholder index={item.index} />
                )}
              </div>
            )
          })}
        </div>
      </div>
      <SelectionAnnouncer />
    </div>
  )
}
