import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useDogear } from '../context'

const SHOWN_MS = 6000

export function StatusLine() {
  const dogear = useDogear()
  const status = useStore(dogear.ui, (s) => s.status)
  const [hiddenSerial, setHiddenSerial] = useState<number | null>(null)
  useEffect(() => {
    if (!status || status.kind === 'error') return
    const timer = setTimeout(() => setHiddenSerial(status.serial), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [status])
  const visible = status && status.serial !== hiddenSerial
  return (
    <div className={visible ? `status-line ${status.kind}` : 'status-line hidden'} role="status" aria-live="polite">
      {visible && (
        <>
          <span>{status.text}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => setHiddenSerial(status.serial)}
          >
            ✕
          </button>
        </>
      )}
    </div>
  )
}
