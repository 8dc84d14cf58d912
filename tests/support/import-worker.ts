// The real import worker in a thread, loading the TypeScript sources through tsx, as the built
// app loads out/main/import-worker.js.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import type { ImportJobData } from '../../src/main/ingest/import-job'

export const IMPORT_WORKER = resolve(__dirname, '../../src/main/ingest/import-worker.ts')

const TS_BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
  pathToFileURL(IMPORT_WORKER).href
)}) })`

export function spawnImportWorker(job: ImportJobData, resourceLimits: ResourceLimits): Worker {
  return new Worker(TS_BOOT, { eval: true, workerData: job, resourceLimits })
}
