// The Sources pane's "Saved searches": each smart list with its unread count. Choosing one
// lists its papers (the savedSearch filter); rename, move up/down and delete sit beside it (shown on hover or focus).
import { useState } from 'react'
import { useStore } from 'zustand'
import type { SavedSearch } from '../../../shared/model'
import { useDogear } from '../context'
import { sameFilter, savedSearchFilter } from '../lib/filters'
import '../styles/search.css'

function RenameForm({ saved, onDone }: { saved: SavedSearch; onDone: () => void }) {
  const dogear = useDogear()
  const [name, setName] = useState(saved.name)
  return (
    <form
      className="saved-search-rename"
      onSubmit={(event) => {
        event.preventDefault()
        if (!name.trim() || name.trim() === saved.name) return onDone()
        void dogear.renameSavedSearch(saved.id, name).then((renamed) => renamed && onDone())
      }}
    >
      <input
        aria-label={`New name for ${saved.name}`}
        value={name}
        maxLength={100}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onBlur={onDone}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            onDone()
          }
        }}
      />
    </form>
  )
}

function SavedSearchItem({ saved, index, count }: { saved: SavedSearch; index: number; count: number }) {
  const dogear = useDogear()
  const [renaming, setRenaming] = useState(false)
  const active = useStore(
    dogear.selection,
    (s) => s.view === 'papers' && sameFilter(s.filter, savedSearchFilter(saved.id))
  )
  const unread = `${saved.unread.toLocaleString()}${saved.unreadIsLowerBound ? '+' : ''}`
  if (renaming) {
    return (
      <li className="saved-search-item">
        <RenameForm saved={saved} onDone={() => setRenaming(false)} />
      </li>
    )
  }
  return (
    <li className="saved-search-item">
      <button
        type="button"
        className={active ? 'source active' : 'source'}
        aria-current={active ? 'page' : undefined}
        aria-label={`${saved.name}, ${unread} unread`}
        title={saved.query}
        onClick={() => void dogear.openSavedSearch(saved)}
      >
        <span className="source-label">{saved.name}</span>
        <span className="count">{unread}</span>
      </button>
      <span className="saved-search-tools">
        <button type="button" aria-label={`Rename ${saved.name}`} title="Rename" onClick={() => setRenaming(true)}>
          ✎
        </button>
        <button
          type="button"
          aria-label={`Move ${saved.name} up`}
          title="Move up"
          disabled={index === 0}
          onClick={() => void dogear.moveSavedSearch(saved.id, index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move ${saved.name} down`}
          title="Move down"
          disabled={index === count - 1}
          onClick={() => void dogear.moveSavedSearch(saved.id, index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          aria-label={`Delete ${saved.name}`}
          title="Delete"
          onClick={() => void dogear.deleteSavedSearch(saved.id)}
        >
          ✕
        </button>
      </span>
    </li>
  )
}

export function SavedSearchesSection() {
  const dogear = useDogear()
  const searches = useStore(dogear.sources, (s) => s.savedSearches)
  if (searches.length === 0) return null
  return (
    <>
      <h2 className="sources-heading">Saved searches</h2>
      <ul className="source-list" aria-label="Saved searches">
        {searches.map((saved, index) => (
          <SavedSearchItem key={saved.id} saved={saved} index={index} count={searches.length} />
        ))}
      </ul>
    </>
  )
}
