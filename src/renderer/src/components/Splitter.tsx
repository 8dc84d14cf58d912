import { useRef } from 'react'

/** A draggable divider between two panes; also moves with the arrow keys. */
export function Splitter({
  label,
  value,
  onChange,
  min,
  max
}: {
  label: string
  value: number
  onChange: (width: number) => void
  min: number
  max: number
}) {
  const start = useRef<{ x: number; width: number } | null>(null)
  const clamp = (width: number) => Math.min(max, Math.max(min, Math.round(width)))
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      tabIndex={0}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 48 : 16
        const to =
          event.key === 'ArrowLeft'
            ? value - step
            : event.key === 'ArrowRight'
              ? value + step
              : event.key === 'Home'
                ? min
                : event.key === 'End'
                  ? max
                  : null
        if (to === null) return
        event.preventDefault()
        onChange(clamp(to))
      }}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId)
        start.current = { x: event.clientX, width: value }
      }}
      onPointerMove={(event) => {
        if (start.current) onChange(clamp(start.current.width + event.clientX - start.current.x))
      }}
      onPointerUp={() => {
        start.current = null
      }}
      onDoubleClick={() => onChange(clamp((min + max) / 2))}
    />
  )
}
