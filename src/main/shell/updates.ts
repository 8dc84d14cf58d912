// Updates from the release feed with electron-updater: checked at start and daily, downloaded
// in the background, installed when Dogear quits; the release notes are shown at the first start
// of the new version. Every "when" is decided by nextUpdateStep (update-policy.ts). The updater
// is loaded only when a check is due, so a switched-off app never even loads it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { messageOf } from '../../shared/errors'
import { nextUpdateStep, notesToShow, releaseNotesText, type PendingNotes } from './update-policy'

/** The parts of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  on(event: 'update-downloaded', listener: (info: { version: string; releaseNotes?: unknown }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  checkForUpdates(): Promise<unknown>
}

export interface UpdatesOptions {
  packaged: boolean
  runningVersion: string
  /** Where the notes of a downloaded update wait for the next start. */
  notesPath: string
  loadUpdater(): Promise<UpdaterLike>
  showNotes(version: string, notes: string): void
  log?(message: string): void
  now?: () => number
  setTimer?: (run: () => void, ms: number) => { cancel(): void }
}

export interface Updates {
  /** Follows the Settings switch: on schedules checks, off cancels them. */
  setEnabled(enabled: boolean): void
  /** Shows the notes of the update that was just installed, once. */
  showNotesOfThisVersion(): void
  stop(): void
}

function readPending(path: string): PendingNotes | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<PendingNotes>
    return typeof value.version === 'string' && typeof value.notes === 'string'
      ? { version: value.version, notes: value.notes }
      : null
  } catch {
    return null
  }
}

export function createUpdates(options: UpdatesOptions): Updates {
  const now = options.now ?? Date.now
  const log = options.log ?? (() => {})
  const setTimer =
    options.setTimer ??
    ((run, ms) => {
      const timer = setTimeout(run, ms)
      timer.unref?.()
      return { cancel: () => clearTimeout(timer) }
    })
  let enabled = false
  let busy = false
  let failures = 0
  let lastCheckAt: number | null = null
  let timer: { cancel(): void } | null = null
  let updater: Promise<UpdaterLike> | null = null

  function loadOnce(): Promise<UpdaterLike> {
    updater ??= options.loadUpdater().then((loaded) => {
      loaded.autoDownload = true
      loaded.autoInstallOnAppQuit = true
      loaded.on('update-downloaded', (info) => {
        const notes = releaseNotesText(info.releaseNotes)
        try {
          writeFileSync(options.notesPath, JSON.stringify({ version: info.version, notes }))
        } catch (error) {
          log(`Could not keep the release notes: ${messageOf(error)}`)
        }
      })
      loaded.on('error', (error) => {
        failures++
        log(`Update failed: ${messageOf(error)}`)
      })
      return loaded
    })
    return updater
  }

  function schedule(): void {
    timer?.cancel()
    timer = null
    const step = nextUpdateStep({ enabled, packaged: options.packaged, now: now(), lastCheckAt, busy, failures })
    if (step.kind === 'never') return
    if (step.kind === 'wait') {
      timer = setTimer(schedule, step.ms)
      return
    }
    busy = true
    lastCheckAt = now()
    void loadOnce()
      .then((loaded) => loaded.checkForUpdates())
      .then(
        () => (failures = 0),
        (error: unknown) => {
          failures++
          log(`Update check failed: ${messageOf(error)}`)
        }
      )
      .finally(() => {
        busy = false
        schedule()
      })
  }

  return {
    setEnabled(value) {
      enabled = value
      schedule()
    },
    showNotesOfThisVersion() {
      const notes = notesToShow(readPending(options.notesPath), options.runningVersion)
      if (existsSync(options.notesPath) && readPending(options.notesPath)?.version === options.runningVersion) {
        rmSync(options.notesPath, { force: true })
      }
      if (notes) options.showNotes(options.runningVersion, notes)
    },
    stop() {
      enabled = false
      timer?.cancel()
      timer = null
    }
  }
}
