// Text size, line width and list density: small controls above the reader.
import { useStore } from 'zustand'
import { useDogear } from '../context'
import { TEXT_SIZES, type ReaderWidth } from '../lib/comfort'

const WIDTHS: { value: ReaderWidth; label: string }[] = [
  { value: 'narrow', label: 'Narrow' },
  { value: 'medium', label: 'Medium' },
  { value: 'wide', label: 'Wide' }
]

export function ReaderControls({ onBack }: { onBack?: (() => void) | undefined }) {
  const dogear = useDogear()
  const comfort = useStore(dogear.ui, (s) => s.comfort)
  return (
    <div className="reader-controls" role="toolbar" aria-label="Reading comfort">
      {onBack && (
        <button type="button" className="back-button" onClick={onBack}>
          ← Papers
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        title="Smaller text (Ctrl/Cmd -)"
        disabled={comfort.textSize <= TEXT_SIZES.min}
        onClick={() => dogear.changeTextSize(-1)}
      >
        A−<span className="visually-hidden"> Smaller text</span>
      </button>
      <span className="muted small" aria-live="polite">
        {comfort.textSize} px
      </span>
      <button
        type="button"
        className="icon-button"
        title="Larger text (Ctrl/Cmd +)"
        disabled={comfort.textSize >= TEXT_SIZES.max}
        onClick={() => dogear.changeTextSize(1)}
      >
        A+<span className="visually-hidden"> Larger text</span>
      </button>
      <label className="small">
        Width{' '}
        <select
          value={comfort.width}
          onChange={(event) => dogear.setComfort({ width: event.target.value as ReaderWidth })}
        >
          {WIDTHS.map((width) => (
            <option key={width.value} value={width.value}>
              {width.label}
            </option>
          ))}
        </select>
      </label>
      <label className="small">
        Rows{' '}
        <select
          value={comfort.density}
          onChange={(event) =>
            dogear.setComfort({ density: event.target.value === 'compact' ? 'compact' : 'comfortable' })
          }
        >
          <option value="comfortable">Comfortable</option>
          <option value="compact">Compact</option>
        </select>
      </label>
    </div>
  )
}
