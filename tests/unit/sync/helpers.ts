// Builders for sync tests: invented digest files, libraries on disk, a sync folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { importFile } from '../../../src/main/ingest/pipeline'
import { openLibrary, type Library } from '../../../src/main/library'
import { syncFolder, type SyncOptions, type SyncReport } from '../../../src/main/sync/folder'
import { tempFolder, track } from '../library/helpers'

/** A Hugging Face papers-page text digest of invented papers "Paper <prefix>-1" ... */
export function digestText(prefix: string, count: number): string {
  const blocks = ['Daily Papers', '']
  for (let index = 1; index <= count; index++) {
    blocks.push(`Paper ${prefix}-${index}: On Invented Results`, '')
    blocks.push(`An abstract written for the sync tests, number ${index} of ${prefix}.`, '')
    blocks.push(`Published on Mar ${(index % 27) + 1}`, '')
  }
  return blocks.join('\n')
}

export interface Device {
  name: string
  library: Library
  dbPath: string
  sync(options?: SyncOptions): SyncReport
  importDigest(prefix: string, count: number): void
  /** The library's papers by title, with what the reader sees of each. */
  state(): Record<string, { read: boolean; starred: boolean; note: string | null }>
  idOf(title: string): number
}

export function syncSetup(): { folder: string; device(name: string): Device } {
  const root = tempFolder()
  const folder = join(root, 'Sync')
  mkdirSync(folder)
  return {
    folder,
    device(name: string): Device {
      const dbPath = join(root, `${name}.sqlite`)
      const library = track(openLibrary(dbPath))
      const device: Device = {
        name,
        library,
        dbPath,
        sync: (options = {}) => syncFolder(library, folder, { deviceName: name, ...options }),
        importDigest(prefix, count) {
          const file = join(root, `${name}-${prefix}.txt`)
          writeFileSync(file, digestText(prefix, count))
          const report = importFile(library, file, { date: '2026-03-12' })
          if (!report.ok) throw new Error(report.error.message)
        },
        state() {
          const out: ReturnType<Device['state']> = {}
          for (const paper of library.exportAll()) {
            out[paper.title] = { read: paper.read, starred: paper.starred, note: paper.note }
          }
          return out
        },
        idOf(title) {
          const found = library.exportAll().find((paper) => paper.title === title)
          if (!found) throw new Error(`no paper "${title}" on ${name}`)
          return found.id
        }
      }
      return device
    }
  }
}

export const title = (prefix: string, index: number): string => `Paper ${prefix}-${index}: On Invented Results`
