import { describe, expect, it } from 'vitest'
import type { FolderWatcher, FolderWatcherOptions } from '../../../src/main/ingest/watch-folder'
import { createWatchControl } from '../../../src/main/shell/watcher'

function recordingWatchers() {
  const log: string[] = []
  const createWatcher = (options: FolderWatcherOptions): FolderWatcher => ({
    scan: async () => {},
    start: () => void log.push(`start ${options.folder}`),
    stop: async () => {
      await new Promise((r) => setImmediate(r))
      log.push(`stop ${options.folder}`)
    }
  })
  return { log, createWatcher }
}

describe('createWatchControl', () => {
  it('keeps at most one watcher, stopping the old one before the new one starts', async () => {
    const { log, createWatcher } = recordingWatchers()
    const control = createWatchControl({
      importFile: async (path) => ({ ok: false, file: path, error: { code: 'X', message: 'unused' } }),
      onReports: () => {},
      createWatcher
    })
    void control.watch('/a')
    void control.watch('/b')
    await control.watch(null)
    expect(log).toEqual(['start /a', 'stop /a', 'start /b', 'stop /b'])
    expect(control.folder()).toBeNull()
    await control.watch('/c')
    expect(control.folder()).toBe('/c')
  })
})
