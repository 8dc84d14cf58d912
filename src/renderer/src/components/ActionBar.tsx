// The action bar of a multi-selection: one button per bulk action, each one request to main
// and one undo step. It says (and a screen reader hears) how many papers are selected.
import { useStore } from 'zustand'
import type { BulkAction } from '../../../shared/model'
import { useDogear } from '../context'
import { isPicking, pickedLabel } from '../lib/multiSelect'

const ACTIONS: { label: string; action: BulkAction }[] = [
  { label: 'Mark Read', action: { kind: 'read', value: true } },
  { label: 'Mark Unread', action: { kind: 'read', value: false } },
  { label: 'Star', action: { kind: 'star', value: true } },
  { label: 'Unstar', action: { kind: 'star', value: false } }
]

export function ActionBar() {
  const dogear = useDogear()
  const picked = useStore(dogear.picked)
  const total = useStore(dogear.papers, (s) => s.total)
  const lowerBound = useStore(dogear.papers, (s) => s.totalIsLowerBound)
  const label = isPicking(picked) ? pickedLabel(picked, total, lowerBound) : ''
  return (
    <>
      {/* Always in the page, so a screen reader hears the count change. */}
      <div className="visually-hidden" role="status" aria-live="polite">
        {label}
      </div>
      {label && (
        <div className="action-bar" role="toolbar" aria-label="Selected papers">
          <span className="action-bar-count" aria-hidden="true">
            {label}
          </span>
          {ACTIONS.map(({ label: name, action }) => (
            <button key={name} type="button" onClick={() => void dogear.act(action)}>
              {name}
            </button>
          ))}
          <button type="button" title="Tag (t)" onClick={() => dogear.openTagPicker()}>
            Tag…
          </button>
          <button type="button" onClick={() => void dogear.exportSelection()}>
            Export…
          </button>
          <button type="button" className="danger" title="Delete" onClick={() => void dogear.act({ kind: 'trash' })}>
            Move to Trash
          </button>
          <button type="button" className="link-like" onClick={() => dogear.clearPicked()}>
            Clear Selection
          </button>
        </div>
      )}
    </>
  )
}
