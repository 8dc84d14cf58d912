import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { useDogear } from '../context'
import { SearchField } from './SearchField'
import { IconButton } from './IconButton'

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

export function TopBar() {
  const dogear = useDogear()
  const importing = useStore(dogear.ui, (s) => s.importing)
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Dogear
      </div>
      <SearchField />
      <ImportProgressBar />
      <div className="topbar-actions">
        <button type="button" className="primary" disabled={importing} onClick={() => void dogear.chooseAndImport()}>
          Import digest...
        </button>
        <IconButton label="Settings" glyph="⚙" onClick={() => dogear.openDialog('settings')} />
        <IconButton
          label="Keyboard shortcuts"
          hint="Keyboard shortcuts (?)"
          glyph="?"
          onClick={() => dogear.openDialog('keys')}
        />
      </div>
    </header>
  )
}
