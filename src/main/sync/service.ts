// Sync in the running app: after each change (the outbox is checked every few seconds, so
// changes made by the `dogear` command count too), when the folder changes, and at start.
// Plain Node; the shell gives it the folder dialog and tells the window what changed, and runs
// each sync in a worker thread (sync-runner.ts), so the window's requests never wait on one.
import { watch, type FSWatcher } from 'node:fs'
import type { Library } from '../library/contract'
import { messageOf } from '../../shared/errors'
import type { SyncStatus } from '../../shared/sync'
import { syncFolder, type SyncReport } from './folder'
import type { SyncRunner } from './sync-runner'
import { syncStatus } from './status'

export interface SyncServiceOptions {
  library: Library
  /** Told after a sync that changed this library (the window reloads its lists). */
  onChanged?(report: SyncReport): void
  /** How often the outbox is checked for changes to send. */
  checkEveryMs?: number
  /** A full sync this often even when nothing was noticed (files a folder watch missed). */
  fullEveryMs?: number
  /** Runs one sync; the app's runs in a worker thread. Defaults to this thread (tests, tools). */
  runSync?: SyncRunner
}

export interface SyncService {
  status(): SyncStatus
  /** Syncs now (with `folder`, which becomes the sync folder, or the one set before). */
  syncNow(folder?: string): Promise<SyncStatus>
  start(): void
  stop(): Promise<void>
}

const FOLDER_SETTLE_MS = 1_500

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { library } = options
  let checkTimer: NodeJS.Timeout | null = null
  let fullTimer: NodeJS.Timeout | null = null
  let settleTimer: NodeJS.Timeout | null = null
  let watcher: FSWatcher | null = null
  let watchedPath: string | null = null

  const runSync: SyncRunner =
    options.runSync ?? (async (folder, syncOptions) => syncFolder(library, folder, syncOptions))
  /** The sync running now; a request meanwhile runs once after it (with the folder asked for last). */
  let running: Promise<void> | null = null
  let next: { folder: string | undefined; done: Promise<void> } | null = null
  let stopped = false

  async function syncOnce(folder?: string): Promise<void> {
    const target = folder ?? library.sync.self().folderPath
    if (!target || stopped) return
    try {
      const sizeCapBytes = library.getSettings().importSizeCapMb * 1024 * 1024
      const report = await runSync(target, { sizeCapBytes })
      if (report.applied.changes > 0 || report.digestsImported > 0) options.onChanged?.(report)
    } catch {
      // The problem is stored with the library (finishSync) and shown in Settings.
    }
    watchFolder()
  }

  function run(folder?: string): Promise<void> {
    if (!running) {
      running = syncOnce(folder).finally(() => (running = null))
      return running
    }
    if (next) {
      next.folder = folder ?? next.folder
      return next.done
    }
    const queued: { folder: string | undefined; done: Promise<void> } = { folder, done: Promise.resolve() }
    queued.done = running.then(() => {
      next = null
      return run(queued.folder)
    })
    next = queued
    return queued.done
  }

  /** Follows the folder's files; a platform without recursive watching falls back on the timers. */
  function watchFolder(): void {
    const path = library.sync.self().folderPath
    if (path === watchedPath) return
    watcher?.close()
    watcher = null
    watchedPath = path
    if (!path) return
    try {
      watcher = watch(path, { recursive: true }, (_event, name) => {
        // This device's own writes show up here too: only other devices' files matter.
        if (name && String(name).includes(library.sync.self().deviceId)) return
        if (settleTimer) clearTimeout(settleTimer)
        settleTimer = setTimeout(() => void run(), FOLDER_SETTLE_MS)
      })
      watcher.on('error', () => {
        watcher?.close()
        watcher = null
        watchedPath = null
      })
    } catch (error) {
      watchedPath = null
      void messageOf(error)
    }
  }

  return {
    status: () => syncStatus(library),
    syncNow: async (folder) => {
      await run(folder)
      return syncStatus(library)
    },
    start() {
      void run()
      checkTimer = setInterval(() => {
        if (!running && library.sync.self().folderPath && library.sync.counts().outbox > 0) void run()
      }, options.checkEveryMs ?? 3_000)
      fullTimer = setInterval(() => void run(), options.fullEveryMs ?? 120_000)
    },
    async stop() {
      stopped = true
      for (const timer of [checkTimer, fullTimer, settleTimer]) if (timer) clearTimeout(timer)
      checkTimer = fullTimer = settleTimer = null
      watcher?.close()
      watcher = null
      watchedPath = null
      await running
      await runSync.stop?.()
    }
  }
}
