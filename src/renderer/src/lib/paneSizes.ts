// Pane widths, remembered between runs in localStorage, one set per window size: widths
// chosen for a small laptop window are not the ones wanted on a wide screen.

export interface PaneSizes {
  sources: number
  list: number
}

export const DEFAULT_PANE_SIZES: PaneSizes = { sources: 240, list: 380 }
export const PANE_LIMITS = { sources: { min: 170, max: 400 }, list: { min: 260, max: 720 } }
const KEY = 'dogear.paneSizes'

/** Windows narrower than this stack list and reader (one at a time) and fold the sidebar. */
export const NARROW_WIDTH = 1000

/** The window-size class a set of widths is remembered for. */
export function sizeClass(windowWidth: number): 'narrow' | 'medium' | 'wide' | 'huge' {
  if (windowWidth < NARROW_WIDTH) return 'narrow'
  if (windowWidth < 1400) return 'medium'
  if (windowWidth < 1900) return 'wide'
  return 'huge'
}

function keyFor(windowWidth: number | undefined): string {
  return windowWidth === undefined ? KEY : `${KEY}.${sizeClass(windowWidth)}`
}

function clamp(value: unknown, limits: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(limits.max, Math.max(limits.min, value))
    : fallback
}

export function parsePaneSizes(stored: string | null): PaneSizes {
  try {
    const value = stored ? (JSON.parse(stored) as Partial<Record<keyof PaneSizes, unknown>>) : {}
    return {
      sources: clamp(value.sources, PANE_LIMITS.sources, DEFAULT_PANE_SIZES.sources),
      list: clamp(value.list, PANE_LIMITS.list, DEFAULT_PANE_SIZES.list)
    }
  } catch {
    return DEFAULT_PANE_SIZES
  }
}

export function loadPaneSizes(storage: Pick<Storage, 'getItem'> | undefined, windowWidth?: number): PaneSizes {
  try {
    return parsePaneSizes(storage?.getItem(keyFor(windowWidth)) ?? storage?.getItem(KEY) ?? null)
  } catch {
    return DEFAULT_PANE_SIZES
  }
}

export function savePaneSizes(
  storage: Pick<Storage, 'setItem'> | undefined,
  sizes: PaneSizes,
  windowWidth?: number
): void {
  try {
    storage?.setItem(keyFor(windowWidth), JSON.stringify(sizes))
  } catch {
    // Storage full or off: the sizes simply are not remembered.
  }
}
