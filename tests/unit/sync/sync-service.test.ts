// The app's sync service over its worker runner: syncs run off the calling thread, one at a
// time (requests meanwhile become one more sync), and a worker that dies fails its sync with a
// message and is replaced at the next one.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { syncFolder } from '../../../src/main/sync/folder'
import { createSyncService } from '../../../src/main/sync/service'
import {
  createWorkerSyncRunner,
  type SyncWorkerLike,
  type SyncWorkerReply,
  type SyncWorkerRequest
} from '../../../src/main/sync/sync-runner'
import { track } from '../library/helpers'
import { syncSetup, title } from './helpers'

/** A worker as the app's: its own connection to the library file, answering later. */
class FakeWorker extends EventEmitter implements SyncWorkerLike {
  requests: SyncWorkerRequest[] = []
  constructor(
    private dbPath: string,
    private dies = false
  ) {
    super()
  }
  postMessage(message: SyncWorkerRequest | 'stop'): void {
    if (message === 'stop') {
      setImmediate(() => this.emit('exit', 0))
      return
    }
    this.requests.push(message)
    setImmediate(() => {
      if (this.dies) {
        this.emit('exit', 1)
        return
      }
      const library = openLibrary(this.dbPath)
      try {
        const reply: SyncWorkerReply = {
          id: message.id,
          ok: true,
          report: syncFolder(library, message.folder, message.options)
        }
        this.emit('message', reply)
      } finally {
        library.close()
      }
    })
  }
  terminate(): Promise<number> {
    this.emit('exit', 1)
    return Promise.resolve(1)
  }
}

describe('the app sync service', () => {
  it('syncs in the worker, and requests made during a sync become one more sync', async () => {
    const setup = syncSetup()
    const laptop = setup.device('laptop')
    laptop.sync()
    laptop.importDigest('m', 3)
    laptop.sync()
    const desktop = setup.device('desktop')
    desktop.sync()
    const workers: FakeWorker[] = []
    const runSync = createWorkerSyncRunner(() => {
      const worker = new FakeWorker(desktop.dbPath)
      workers.push(worker)
      return worker
    })
    let changed = 0
    const service = createSyncService({ library: desktop.library, runSync, onChanged: () => changed++ })

    laptop.library.markRead([laptop.idOf(title('m', 2))], true)
    laptop.sync()
    const first = service.syncNow()
    const queued = [service.syncNow(), service.syncNow(), service.syncNow()]
    const statuses = await Promise.all([first, ...queued])
    expect(workers).toHaveLength(1)
    expect(workers[0]!.requests).toHaveLength(2)
    expect(changed).toBe(1)
    expect(statuses.at(-1)!.devices.map((device) => device.name)).toEqual(['laptop'])
    expect(desktop.state()[title('m', 2)]?.read).toBe(true)
    await service.stop()
  })

  it('fails a sync whose worker died with a message, and starts a new worker next time', async () => {
    const setup = syncSetup()
    const device = setup.device('laptop')
    const library = track(openLibrary(device.dbPath))
    let spawned = 0
    const runSync = createWorkerSyncRunner(() => new FakeWorker(device.dbPath, ++spawned === 1))
    await expect(runSync(setup.folder, {})).rejects.toThrow(/the sync stopped \(exit code 1\)/)
    const report = await runSync(setup.folder, { deviceName: 'laptop' })
    expect(report.device.name).toBe('laptop')
    expect(spawned).toBe(2)
    expect(library.sync.self().folderPath).toBe(setup.folder)
    await runSync.stop?.()
  })
})
