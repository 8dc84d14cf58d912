// Parts of the paper list's header: how many papers ("10,000+ matches"), the sort control,
// and the notice when a typo was corrected.
import { useStore } from 'zustand'
import type { SearchSort } from '../../../shared/model'
import { correctionNotice } from '../../../shared/query'
import { useDogear } from '../context'
import { formatCount } from '../lib/sourceName'

export function listCountLabel(total: number, lowerBound: boolean, searching: boolean): string {
  const one = total === 1 && !lowerBound
  const noun = searching ? (one ? 'match' : 'matches') : one ? 'paper' : 'papers'
  return `${formatCount(total)}${lowerBound ? '+' : ''} ${noun}`
}

const LIST_SORTS: { value: SearchSort; label: string }[] = [
  { value: 'position', label: 'Digest order' },
  { value: 'date', label: 'Newest' },
  { value: 'title', label: 'Title' }
]
const SEARCH_SORTS: { value: SearchSort; label: string }[] = [{ value: 'relevance', label: 'Relevance' }, ...LIST_SORTS]

export function SortControl() {
  const dogear = useDogear()
  const searching = useStore(dogear.selection, (s) => s.query.trim().length > 0)
  const sort = useStore(dogear.selection, (s) => (searching ? s.searchSort : s.listSort))
  const options = searching ? SEARCH_SORTS : LIST_SORTS
  return (
    <label className="list-sort">
      <span className="muted">Sort</span>
      <select
        value={sort}
        aria-label="Sort papers"
        onChange={(event) => void dogear.setSort(event.target.value as SearchSort)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}

export function CorrectionNotice() {
  const dogear = useDogear()
  const corrections = useStore(dogear.papers, (s) => s.corrections)
  const searching = useStore(dogear.papers, (s) => s.searched)
  const notice = searching ? correctionNotice(corrections) : null
  if (notice === null) return null
  return (
    <p className="list-notice muted" role="status">
      {notice}
    </p>
  )
}
