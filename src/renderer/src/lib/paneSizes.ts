// Pane widths, remembered between runs in localStorage.

export interface PaneSizes {
  sources: number
  list: number
}

export const DEFAULT_PANE_SIZES: PaneSizes = { sources: 240, list: 380 }
export const PANE_LIMITS = { sources: { min: 170, max: 400 }, list: { min: 260, max: 720 } }
const KEY = 'dogear.paneSizes'

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

export function loadPaneSizes(storage: Pick<Storage, 'getItem'> | undefined): PaneSizes {
  try {
    return parsePaneSizes(storage?.getItem(KEY) ?? null)
  } catch {
    return DEFAULT_PANE_SIZES
  }
}

export function savePaneSizes(storage: Pick<Storage, 'setItem'> | undefined, sizes: PaneSizes): void {
  try {
    storage?.setItem(KEY, JSON.stringify(sizes))
  } catch {
    // Storage full or off: the sizes simply are not remembered.
  }
}
