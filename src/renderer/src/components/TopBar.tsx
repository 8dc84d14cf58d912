import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { useDogear } from '../context'

function ImportProgressBar() {
  const dogear = useDogear()
  const { importing, progress } = useStore(
    dogear.ui,
    useShallow((s) => ({ importing: s.importing, progress: s.progress }))
  )
  if (!importing && !progress) return null
  const label = progress ? `Importing ${progress.file}` : 'Importing…'
  return (
    <div className="import-progress" title={label}>
      <span className="import-progress-label">{label}</span>
      {progress && progress.total > 0 ? (
        <progress aria-label="Import progress" max={progress.total} value={progress.done} />
      ) : (
        <progress aria-label="Import progress" />
      )}
    </div>
  )
}

function SearchBox() {
  const dogear = useDogear()
  const query = useStore(dogear.selection, (s) => s.query)
  const focusRequest = useStore(dogear.ui, (s) => s.focusSearchRequest)
  const ref = useRef<HTMLInputElement>(null)
  const handled = useRef(focusRequest)
  useEffect(() => {
    if (focusRequest === handled.current) return
    handled.current = focusRequest
    ref.current?.focus()
    ref.current?.select()
  }, [focusRequest])
  return (
    <div className="search">
      <span className="search-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={ref}
        type="search"
        aria-label="Search papers"
        placeholder="Search papers  /"
        value={query}
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
    </div>
  )
}

export function TopBar() {
  const dogear = useDogear()
  const importing = useStore(dogear.ui, (s) => s.importing)
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Dogear
      </div>
      <SearchBox />
      <ImportProgressBar />
      <div className="topbar-actions">
        <button type="button" className="primary" disabled={importing} onClick={() => void dogear.chooseAndImport()}>
          Import digest...
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Settings"
          title="Settings"
          onClick={() => dogear.openDialog('settings')}
        >
          ⚙
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => dogear.openDialog('keys')}
        >
          ?
        </button>
      </div>
    </header>
  )
}
