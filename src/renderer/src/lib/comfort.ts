// Reading comfort: the reader's text size and line width, remembered in localStorage.

export type ReaderWidth = 'narrow' | 'medium' | 'wide'

export interface Comfort {
  /** Reader text size in px. */
  textSize: number
  width: ReaderWidth
  /** Rows with one line of meta (compact) or two (comfortable). */
  density: 'comfortable' | 'compact'
  /** The sources pane folded to a narrow rail. */
  sidebarCollapsed: boolean
}

export const TEXT_SIZES = { min: 12, max: 26, default: 15 }
export const DEFAULT_COMFORT: Comfort = {
  textSize: TEXT_SIZES.default,
  width: 'medium',
  density: 'comfortable',
  sidebarCollapsed: false
}
/** Characters per line for each width: what `max-width` of the reader's text is in `ch`. */
export const WIDTH_CH: Record<ReaderWidth, number> = { narrow: 60, medium: 75, wide: 100 }
const KEY = 'dogear.comfort'

/** `step` 1 larger, -1 smaller, 0 back to the default; bounded. */
export function nextTextSize(current: number, step: -1 | 0 | 1): number {
  if (step === 0) return TEXT_SIZES.default
  return Math.min(TEXT_SIZES.max, Math.max(TEXT_SIZES.min, current + step))
}

export function parseComfort(stored: string | null): Comfort {
  try {
    const value = stored ? (JSON.parse(stored) as Partial<Record<keyof Comfort, unknown>>) : {}
    const size = typeof value.textSize === 'number' && Number.isFinite(value.textSize) ? value.textSize : NaN
    return {
      textSize: Number.isNaN(size)
        ? DEFAULT_COMFORT.textSize
        : Math.min(TEXT_SIZES.max, Math.max(TEXT_SIZES.min, Math.round(size))),
      width: value.width === 'narrow' || value.width === 'wide' ? value.width : 'medium',
      density: value.density === 'compact' ? 'compact' : 'comfortable',
      sidebarCollapsed: value.sidebarCollapsed === true
    }
  } catch {
    return DEFAULT_COMFORT
  }
}

export function loadComfort(storage: Pick<Storage, 'getItem'> | undefined): Comfort {
  try {
    return parseComfort(storage?.getItem(KEY) ?? null)
  } catch {
    return DEFAULT_COMFORT
  }
}

export function saveComfort(storage: Pick<Storage, 'setItem'> | undefined, comfort: Comfort): void {
  try {
    storage?.setItem(KEY, JSON.stringify(comfort))
  } catch {
    // Storage full or off: the choice simply is not remembered.
  }
}
