// One source of the Sources pane (a fixed list, a tag): a button that opens its list.
import { useStore } from 'zustand'
import type { PaperFilter } from '../../../shared/model'
import { useDogear } from '../context'
import { sameFilter } from '../lib/filters'
import { formatCount } from '../lib/sourceName'

/** The count is part of the button's name ("Unread 1,204"), so a screen reader hears it too. */
export function SourceButton({ filter, label, count }: { filter: PaperFilter; label: string; count: number | null }) {
  const dogear = useDogear()
  const active = useStore(dogear.selection, (s) => s.view === 'papers' && sameFilter(s.filter, filter))
  return (
    <li>
      <button
        type="button"
        className={active ? 'source active' : 'source'}
        aria-current={active ? 'page' : undefined}
        onClick={() => void dogear.setFilter(filter)}
      >
        <span className="source-label">{label}</span>
        {count !== null && (
          <>
            {' '}
            <span className="count">{formatCount(count)}</span>
          </>
        )}
      </button>
    </li>
  )
}
