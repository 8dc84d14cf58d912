// One Tab stop for a whole pane: arrow keys move between its buttons, Home/End jump to the
// ends, and Tab leaves. The button last focused (or the current one) keeps the Tab stop.
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react'

const ITEMS = 'button:not([disabled])'

export function useRovingFocus<T extends HTMLElement>(
  ref: RefObject<T | null>
): {
  onKeyDown: (event: KeyboardEvent<T>) => void
  onFocus: (event: React.FocusEvent<T>) => void
} {
  const last = useRef<HTMLElement | null>(null)

  const items = () => [...(ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])]

  // After every render: exactly one item is in the Tab order.
  useEffect(() => {
    const all = items()
    const keeper =
      (last.current && all.includes(last.current) ? last.current : null) ??
      all.find((item) => item.getAttribute('aria-current') === 'page') ??
      all[0]
    for (const item of all) item.tabIndex = item === keeper ? 0 : -1
  })

  function onFocus(event: React.FocusEvent<T>): void {
    const target = event.target as HTMLElement
    if (!target.matches(ITEMS)) return
    last.current = target
    for (const item of items()) item.tabIndex = item === target ? 0 : -1
  }

  function onKeyDown(event: KeyboardEvent<T>): void {
    const all = items()
    const at = all.indexOf(document.activeElement as HTMLElement)
    if (at < 0) return
    const to =
      event.key === 'ArrowDown'
        ? Math.min(all.length - 1, at + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, at - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? all.length - 1
              : null
    if (to === null) return
    event.preventDefault()
    all[to]?.focus()
  }

  return { onKeyDown, onFocus }
}
