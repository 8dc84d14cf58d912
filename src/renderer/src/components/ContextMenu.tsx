// The open context menu: an in-page menu (role=menu) at the pointer or the row, focus on its
// first item; arrows, Home/End move, Enter/Space choose, Esc and Tab close.
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useStore } from 'zustand'
import { useDogear } from '../context'
import { menuItems } from '../lib/menuItems'

const MENU_WIDTH = 220

export function ContextMenu() {
  const dogear = useDogear()
  const menu = useStore(dogear.ui, (s) => s.menu)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!menu) return
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onPointer = (event: MouseEvent) => {
      if (ref.current && event.target instanceof Node && !ref.current.contains(event.target)) dogear.closeMenu()
    }
    window.addEventListener('mousedown', onPointer, true)
    return () => window.removeEventListener('mousedown', onPointer, true)
  }, [menu, dogear])
  if (!menu) return null
  const items = menuItems(menu.subject, { canExport: true })
  const name = menu.subject.kind === 'digest' ? `Digest “${menu.subject.title}”` : menu.subject.what
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLElement)
    const focus = (index: number) => buttons[(index + buttons.length) % buttons.length]?.focus()
    if (event.key === 'ArrowDown') focus(at + 1)
    else if (event.key === 'ArrowUp') focus(at - 1)
    else if (event.key === 'Home') focus(0)
    else if (event.key === 'End') focus(buttons.length - 1)
    else if (event.key === 'Escape' || event.key === 'Tab') dogear.closeMenu()
    else if (event.key !== 'Enter' && event.key !== ' ') return
    else return event.stopPropagation()
    event.preventDefault()
    event.stopPropagation()
  }
  const left = Math.max(4, Math.min(menu.x, window.innerWidth - MENU_WIDTH - 4))
  const top = Math.max(4, Math.min(menu.y, window.innerHeight - items.length * 32 - 12))
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={name}
      style={{ left, top, width: MENU_WIDTH }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.command}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={item.command === 'trash' || item.command === 'deleteDigest' ? 'danger' : undefined}
          onClick={() => void dogear.runCommand(menu.subject, item.command)}
        >
          {item.label}
        </button>
      ))}
    </div>
  )
}
