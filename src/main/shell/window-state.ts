// The window's size and place, remembered in a small JSON file in userData. The clamp is
// pure: a window saved on a monitor that is gone must come back where the reader sees it.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export const MIN_SIZE = { width: 720, height: 480 }
export const DEFAULT_SIZE = { width: 1280, height: 820 }
/** How much of the window's top strip (where it is dragged from) must stay on a screen. */
const GRIP = { width: 120, height: 32 }

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** A saved state, or null for anything that is not one (missing, hand-edited, old format). */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  if (!data || typeof data !== 'object') return null
  const { bounds, maximized } = data as { bounds?: Partial<Rect>; maximized?: unknown }
  if (!bounds || typeof bounds !== 'object') return null
  const { x, y, width, height } = bounds
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(width) || !isFiniteNumber(height)) return null
  if (width <= 0 || height <= 0) return null
  return { bounds: { x, y, width, height }, maximized: maximized === true }
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function centered(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width)
  const h = Math.min(height, area.height)
  return {
    x: Math.round(area.x + (area.width - w) / 2),
    y: Math.round(area.y + (area.height - h) / 2),
    width: w,
    height: h
  }
}

function clampInto(bounds: Rect, area: Rect): Rect {
  const width = Math.min(Math.max(bounds.width, MIN_SIZE.width), area.width)
  const height = Math.min(Math.max(bounds.height, MIN_SIZE.height), area.height)
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height)
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }
}

/**
 * Where to open the window: the saved place if its top strip is still on one of the screens
 * (moved fully onto that screen and shrunk to fit it), otherwise centred on the primary screen.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: Rect[], primary: Rect): WindowState {
  if (saved) {
    const grip: Rect = {
      x: saved.bounds.x + Math.max(0, (saved.bounds.width - GRIP.width) / 2),
      y: saved.bounds.y,
      width: Math.min(GRIP.width, saved.bounds.width),
      height: GRIP.height
    }
    const home = workAreas.find((area) => overlap(grip, area) > 0)
    if (home) return { bounds: clampInto(saved.bounds, home), maximized: saved.maximized }
  }
  return { bounds: centered(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized: saved?.maximized ?? false }
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  const temporary = `${file}.tmp`
  writeFileSync(temporary, JSON.stringify(state))
  renameSync(temporary, file)
}
