import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  CHECK_EVERY_MS,
  FIRST_RETRY_MS,
  nextUpdateStep,
  notesToShow,
  releaseNotesText,
  retryDelay,
  type UpdateState
} from '../../../src/main/shell/update-policy'
import { createUpdates, type UpdaterLike } from '../../../src/main/shell/updates'

const HOUR = 60 * 60 * 1000
const base: UpdateState = {
  enabled: true,
  packaged: true,
  now: 10 * CHECK_EVERY_MS,
  lastCheckAt: null,
  busy: false,
  failures: 0
}

describe('nextUpdateStep', () => {
  it('never asks the feed when switched off or in a development build', () => {
    expect(nextUpdateStep({ ...base, enabled: false })).toEqual({
      kind: 'never',
      reason: 'updates are switched off in Settings'
    })
    expect(nextUpdateStep({ ...base, packaged: false }).kind).toBe('never')
    expect(nextUpdateStep({ ...base, enabled: false, lastCheckAt: 0, failures: 3 }).kind).toBe('never')
  })

  it('checks at start, then once a day', () => {
    expect(nextUpdateStep(base)).toEqual({ kind: 'check' })
    expect(nextUpdateStep({ ...base, lastCheckAt: base.now - HOUR })).toEqual({
      kind: 'wait',
      ms: CHECK_EVERY_MS - HOUR
    })
    expect(nextUpdateStep({ ...base, lastCheckAt: base.now - CHECK_EVERY_MS })).toEqual({ kind: 'check' })
  })

  it('retries a failed check or download after an hour, doubling up to a day', () => {
    expect([1, 2, 3, 6, 20].map(retryDelay)).toEqual([HOUR, 2 * HOUR, 4 * HOUR, CHECK_EVERY_MS, CHECK_EVERY_MS])
    expect(nextUpdateStep({ ...base, lastCheckAt: base.now - HOUR, failures: 1 })).toEqual({ kind: 'check' })
    expect(nextUpdateStep({ ...base, lastCheckAt: base.now - HOUR, failures: 2 })).toEqual({ kind: 'wait', ms: HOUR })
  })

  it('does not start a second check while one is running', () => {
    expect(nextUpdateStep({ ...base, busy: true })).toEqual({ kind: 'wait', ms: FIRST_RETRY_MS })
  })
})

describe('release notes', () => {
  it('are plain text, whatever the feed sends', () => {
    expect(releaseNotesText('<h2>1.2.0</h2><ul><li>Faster <b>search</b></li><li>Fix &amp; polish</li></ul>')).toBe(
      '1.2.0\n• Faster search\n• Fix & polish'
    )
    expect(
      releaseNotesText([
        { version: '1.2.0', note: 'One' },
        { version: '1.1.0', note: 'Two' }
      ])
    ).toBe('One\n\nTwo')
    expect(releaseNotesText(undefined)).toBe('')
    expect(releaseNotesText('x'.repeat(10_000))).toHaveLength(4000)
  })

  it('are shown once, at the first start of the version they came with', () => {
    expect(notesToShow({ version: '1.2.0', notes: 'Faster search' }, '1.2.0')).toBe('Faster search')
    expect(notesToShow({ version: '1.2.0', notes: 'Faster search' }, '1.1.0')).toBeNull()
    expect(notesToShow(null, '1.2.0')).toBeNull()
  })
})

describe('createUpdates', () => {
  let dir: string | null = null
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }))

  function setup(packaged = true) {
    dir = mkdtempSync(join(tmpdir(), 'dogear-updates-'))
    const listeners = new Map<string, (value: never) => void>()
    const log = { loads: 0, checks: 0, shown: [] as string[], timers: [] as number[] }
    const updater: UpdaterLike = {
      autoDownload: false,
      autoInstallOnAppQuit: false,
      on: (event: string, listener: (value: never) => void) => listeners.set(event, listener),
      checkForUpdates: async () => void log.checks++
    }
    const notesPath = join(dir, 'release-notes.json')
    const updates = createUpdates({
      packaged,
      runningVersion: '1.2.0',
      notesPath,
      loadUpdater: async () => (log.loads++, updater),
      showNotes: (version, notes) => void log.shown.push(`${version}: ${notes}`),
      now: () => 0,
      setTimer: (_run, ms) => (log.timers.push(ms), { cancel: () => {} })
    })
    return { updates, updater, listeners, log, notesPath }
  }

  const settle = async () => {
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r))
  }

  it('switched off, it never loads the updater, so nothing goes to the network', async () => {
    const { updates, log } = setup()
    updates.setEnabled(false)
    await settle()
    expect(log).toMatchObject({ loads: 0, checks: 0, timers: [] })
  })

  it('switched on, it checks at once, downloads in the background and installs on quit', async () => {
    const { updates, updater, log } = setup()
    updates.setEnabled(true)
    await settle()
    expect(log.checks).toBe(1)
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true })
    expect(log.timers).toEqual([CHECK_EVERY_MS])
    updates.stop()
  })

  it('keeps the notes of a downloaded update and shows them once after it is installed', async () => {
    const { updates, listeners, log, notesPath } = setup()
    updates.setEnabled(true)
    await settle()
    listeners.get('update-downloaded')!({ version: '1.2.0', releaseNotes: '<p>Faster search</p>' } as never)
    expect(existsSync(notesPath)).toBe(true)
    updates.showNotesOfThisVersion()
    updates.showNotesOfThisVersion()
    expect(log.shown).toEqual(['1.2.0: Faster search'])
    expect(existsSync(notesPath)).toBe(false)
  })

  it('ignores notes saved for another version and a development build', async () => {
    const { updates, log, notesPath } = setup(false)
    writeFileSync(notesPath, JSON.stringify({ version: '1.3.0', notes: 'Later' }))
    updates.showNotesOfThisVersion()
    updates.setEnabled(true)
    await settle()
    expect(log).toMatchObject({ shown: [], loads: 0 })
  })
})
