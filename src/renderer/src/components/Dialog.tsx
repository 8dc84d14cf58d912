import { useEffect, useRef, type ReactNode } from 'react'
import { IconButton } from './IconButton'

/** A modal dialog on the native <dialog> element: focus trap and Esc come with it. */
export function Dialog({
  title,
  onClose,
  children,
  wide
}: {
  title: string
  onClose: () => void
  children: ReactNode
  wide?: boolean
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    // No close() on cleanup: a dialog removed from the page leaves the top layer by itself,
    // and closing it would fire onClose for a dialog that is merely re-mounting.
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-label={title}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose()
      }}
    >
      <header className="dialog-header">
        <h2>{title}</h2>
        <IconButton label="Close" glyph="✕" onClick={onClose} />
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  )
}
