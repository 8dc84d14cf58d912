// The import worker thread: its own connection to the library file (WAL lets main keep
// reading meanwhile), the files imported one by one, progress posted back to main.
import { parentPort, workerData } from 'node:worker_threads'
import { importSource } from './import-source'
import { openLibrary } from '../library'
import { runImportJob, type ImportJobData, type ImportJobMessage } from './import-job'
import { messageOf } from '../../shared/errors'

async function main(port: NonNullable<typeof parentPort>, job: ImportJobData): Promise<void> {
  let stopping = false
  port.on('message', (message: unknown) => {
    if (message === 'stop') stopping = true
  })
  const post = (message: ImportJobMessage) => port.postMessage(message)
  try {
    // The Electron build of better-sqlite3, when the app found one (see electron-native.ts).
    const library = openLibrary(job.dbPath, job.nativeBinding ? { nativeBinding: job.nativeBinding } : {})
    try {
      // Each report goes out before its large file's papers are in the search index: see below.
      const options = { ...job.options, indexLater: true }
      const reports = await runImportJob(library, job.sources, options, importSource, post, () => stopping)
      post({ type: 'done', reports })
      // Off main's thread: the search index of large files' papers (main refreshes once it is
      // told), then the index merging a large import paused and the new papers' words.
      if (!stopping) {
        const papers = library.indexWaiting()
        if (papers > 0) post({ type: 'indexed', papers })
        library.finishImports()
      }
    } finally {
      library.close()
    }
  } catch (error) {
    post({ type: 'failed', message: messageOf(error) })
  } finally {
    port.close()
  }
}

if (parentPort) void main(parentPort, workerData as ImportJobData)
