import type { ButtonHTMLAttributes } from 'react'

/** A button that shows a glyph: the label is what a screen reader says, the hint a tooltip. */
export function IconButton({
  label,
  hint = label,
  glyph,
  className = 'icon-button',
  ...rest
}: { label: string; hint?: string; glyph: string } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'>) {
  return (
    <button type="button" className={className} aria-label={label} title={hint} {...rest}>
      {glyph}
    </button>
  )
}
