import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useDogear } from '../context'
import { IconButton } from './IconButton'

const SHOWN_MS = 6000
/** Errors stay longer, but not for ever: Esc or ✕ dismiss either kind at once. */
const ERROR_SHOWN_MS = 20000

export function StatusLine() {
  const dogear = useDogear()
  const status = useStore(dogear.ui, (s) => s.status)
  const [hiddenSerial, setHiddenSerial] = useState<number | null>(null)
  const visible = status && status.serial !== hiddenSerial
  useEffect(() => {
    if (!status) return
    const timer = setTimeout(() => setHiddenSerial(status.serial), status.kind === 'error' ? ERROR_SHOWN_MS : SHOWN_MS)
    return () => clearTimeout(timer)
  }, [status])
  useEffect(() => {
    if (!visible) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && dogear.ui.getState().dialog === null) setHiddenSerial(status.serial)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [visible, status, dogear])
  return (
    <div className={visible ? `status-line ${status.kind}` : 'status-line hidden'} role="status" aria-live="polite">
      {visible && (
        <>
          <span>{status.text}</span>
          <IconButton label="Dismiss" hint="Dismiss (Esc)" glyph="✕" onClick={() => setHiddenSerial(status.serial)} />
        </>
      )}
    </div>
  )
}
