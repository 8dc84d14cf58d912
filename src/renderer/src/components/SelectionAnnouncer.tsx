// Tells a screen reader which paper is selected, with its state, when focus is not in the
// list (in the list, the focused listbox's active option says it already).
import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { useDogear } from '../context'
import { formatCount, paperState } from '../lib/sourceName'

export function SelectionAnnouncer() {
  const dogear = useDogear()
  const paper = useStore(dogear.reader, (s) => s.paper)
  const selectedId = useStore(dogear.selection, (s) => s.selectedId)
  const index = useStore(dogear.selection, (s) => s.selectedIndex)
  const total = useStore(dogear.papers, (s) => s.total)
  const region = useRef<HTMLDivElement>(null)
  const shown = paper && paper.id === selectedId ? paper : null
  const summary = shown
    ? `${shown.title}: ${paperState(shown)}${index !== null ? `. ${formatCount(index + 1)} of ${formatCount(total)}` : ''}.`
    : ''
  useEffect(() => {
    const inList = document.activeElement?.closest('[role="listbox"]')
    // Written straight to the live region: a screen reader hears each change once.
    if (region.current) region.current.textContent = inList ? '' : summary
  }, [summary])
  return <div ref={region} className="visually-hidden" aria-live="polite" data-testid="selection-announcer" />
}
