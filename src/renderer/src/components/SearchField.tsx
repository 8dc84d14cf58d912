// The search box: the query as typed, what it understood (a quiet line under it), a link to
// the syntax, and saving the search as a smart list.
import { useEffect, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { describeQuery, parseQuery } from '../../../shared/query'
import { useDogear } from '../context'
import '../styles/search.css'
import { IconButton } from './IconButton'

function SaveSearch({ query }: { query: string }) {
  const dogear = useDogear()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  if (!naming) {
    return (
      <button
        type="button"
        className="search-save"
        onClick={() => {
          setName(query.trim().slice(0, 100))
          setNaming(true)
        }}
      >
        Save search
      </button>
    )
  }
  return (
    <form
      className="search-save-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (!name.trim()) return
        void dogear.saveCurrentSearch(name).then((saved) => saved && setNaming(false))
      }}
    >
      <input
        aria-label="Name of the saved search"
        value={name}
        maxLength={100}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            setNaming(false)
          }
        }}
      />
      <button type="submit" disabled={!name.trim()}>
        Save
      </button>
    </form>
  )
}

export function SearchField() {
  const dogear = useDogear()
  const query = useStore(dogear.selection, (s) => s.query)
  const focusRequest = useStore(dogear.ui, (s) => s.focusSearchRequest)
  const ref = useRef<HTMLInputElement>(null)
  const handled = useRef(focusRequest)
  const understood = useMemo(() => describeQuery(parseQuery(query)).join(' · '), [query])
  useEffect(() => {
    if (focusRequest === handled.current) return
    handled.current = focusRequest
    ref.current?.focus()
    ref.current?.select()
  }, [focusRequest])
  return (
    <div className="search">
      <div className="search-row">
        <span className="search-icon" aria-hidden="true">
          ⌕
        </span>
        <input
          ref={ref}
          type="search"
          aria-label="Search papers"
          aria-describedby="search-understood"
          placeholder="Search papers  /"
          value={query}
          maxLength={1000}
          onChange={(event) => dogear.setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query) {
              event.preventDefault()
              event.stopPropagation()
              dogear.setQuery('')
            } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
              event.preventDefault()
              ref.current?.blur()
              void dogear.selectIndex(0)
            }
          }}
        />
        <IconButton
          label="Search syntax"
          glyph="?"
          className="search-syntax"
          onClick={() => dogear.openDialog('keys')}
        />
        {query.trim() && <SaveSearch key={query} query={query} />}
      </div>
      <p id="search-understood" className="search-understood">
        {understood && <span className="muted">Searching {understood}</span>}
      </p>
    </div>
  )
}
