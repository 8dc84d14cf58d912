// The sync worker thread: its own connection to the library file (WAL lets main keep reading
// and writing meanwhile), one sync at a time as main asks, the report posted back. Reading the
// folder, applying other devices' segments and importing their digests never hold up the
// window's requests, which main answers on its own thread.
import { parentPort, workerData } from 'node:worker_threads'
import { openLibrary, type Library } from '../library'
import { messageOf } from '../../shared/errors'
import { syncFolder } from './folder'
import type { SyncWorkerData, SyncWorkerReply, SyncWorkerRequest } from './sync-runner'

function main(port: NonNullable<typeof parentPort>, data: SyncWorkerData): void {
  let library: Library | null = null
  port.on('message', (request: SyncWorkerRequest | 'stop') => {
    if (request === 'stop') {
      library?.close()
      library = null
      port.close()
      return
    }
    let reply: SyncWorkerReply
    try {
      // The Electron build of better-sqlite3, when the app found one (see electron-native.ts).
      library ??= openLibrary(data.dbPath, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {})
      reply = { id: request.id, ok: true, report: syncFolder(library, request.folder, request.options) }
    } catch (error) {
      reply = { id: request.id, ok: false, message: messageOf(error) }
    }
    port.postMessage(reply)
  })
}

if (parentPort) main(parentPort, workerData as SyncWorkerData)
