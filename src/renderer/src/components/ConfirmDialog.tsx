import { useStore } from 'zustand'
import { useDogear } from '../context'
import { Dialog } from './Dialog'

/** Asks before a change to many papers; the confirming button says what happens and has focus. */
export function ConfirmDialog({ onClose }: { onClose: () => void }) {
  const dogear = useDogear()
  const confirmation = useStore(dogear.ui, (s) => s.confirmation)
  if (!confirmation) return null
  return (
    <Dialog title="Are you sure?" onClose={onClose}>
      <p>{confirmation.question}</p>
      <p className="muted small">{confirmation.note ?? 'Ctrl+Z undoes it afterwards, all in one step.'}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          autoFocus
          onClick={() => {
            onClose()
            confirmation.run()
          }}
        >
          {confirmation.action}
        </button>
      </div>
    </Dialog>
  )
}
