import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_SIZE,
  loadWindowState,
  parseWindowState,
  restoreWindowState,
  saveWindowState,
  type Rect
} from '../../../src/main/shell/window-state'

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 900 }
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('restoreWindowState', () => {
  it('opens where the reader left it when that is on screen', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 1000 }, maximized: false }
    expect(restoreWindowState(saved, [laptop, external], laptop)).toEqual(saved)
  })

  it('keeps the maximized flag', () => {
    const saved = { bounds: { x: 10, y: 10, width: 1000, height: 700 }, maximized: true }
    expect(restoreWindowState(saved, [laptop], laptop).maximized).toBe(true)
  })

  it('comes back centred on the primary screen when its monitor is gone', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 1000 }, maximized: false }
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({
      x: (1440 - DEFAULT_SIZE.width) / 2,
      y: (900 - DEFAULT_SIZE.height) / 2,
      width: DEFAULT_SIZE.width,
      height: DEFAULT_SIZE.height
    })
  })

  it('pulls a window hanging off the edge back, shrunk to fit the screen', () => {
    const saved = { bounds: { x: 200, y: -20, width: 2000, height: 1200 }, maximized: false }
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 900 })
  })

  it('never restores a window smaller than the minimum size', () => {
    const saved = { bounds: { x: 100, y: 100, width: 50, height: 20 }, maximized: false }
    const { bounds } = restoreWindowState(saved, [laptop], laptop)
    expect(bounds.width).toBe(720)
    expect(bounds.height).toBe(480)
  })

  it('fits a small screen smaller than the default size', () => {
    const tiny: Rect = { x: 0, y: 0, width: 1024, height: 600 }
    expect(restoreWindowState(null, [tiny], tiny).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 })
  })
})

describe('parseWindowState', () => {
  it('ignores files that are not a saved state', () => {
    for (const text of ['', 'null', '{"bounds":{"x":"1"}}', '{"bounds":{"x":0,"y":0,"width":0,"height":5}}', '[1]']) {
      expect(parseWindowState(text), text).toBeNull()
    }
  })
})

describe('loadWindowState and saveWindowState', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  it('round-trips through the file, and a broken file reads as nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dogear-window-'))
    dirs.push(dir)
    const file = join(dir, 'nested', 'window-state.json')
    expect(loadWindowState(file)).toBeNull()
    const state = { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true }
    saveWindowState(file, state)
    expect(loadWindowState(file)).toEqual(state)
    writeFileSync(file, '{"bounds": ')
    expect(loadWindowState(file)).toBeNull()
  })
})
