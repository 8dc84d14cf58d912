import Database from 'better-sqlite3'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../src/main/ingest/pipeline'
import { openLibrary } from '../../../src/main/library'
import { migrate } from '../../../src/main/library/migrate'
import { MIGRATIONS } from '../../../src/main/library/migrations'
import { syncFolder } from '../../../src/main/sync/folder'
import { tempFolder, track } from '../library/helpers'
import { digestText, title } from './helpers'

describe('migrations 9 and 16 (sync)', () => {
  it('turns what the reader did before sync existed into the first changes this device sends', () => {
    const root = tempFolder()
    const oldPath = join(root, 'old.sqlite')
    const file = join(root, 'digest.txt')
    writeFileSync(file, digestText('a', 4))
    // A library from before sync: read, starred, a note, a tag, a trashed paper, a saved search.
    {
      const library = openLibrary(oldPath)
      importFile(library, file, { date: '2026-03-12' })
      library.markRead([1], true)
      library.setStarred([2], true)
      library.saveNote(3, 'an old note')
      library.tagPapers('Old Tag', [1])
      library.trashPapers([4])
      library.saveSearch('Old Search', 'title:invented')
      library.close()
      const db = new Database(oldPath)
      db.exec('DROP TABLE sync_self; DROP TABLE sync_marks; DROP TABLE sync_values; DROP TABLE sync_note_versions;')
      db.exec('DROP TABLE sync_conflicts; DROP TABLE sync_pending; DROP TABLE sync_digests; DROP TABLE sync_segments;')
      // The file is as version 8 left it: migrations 6, 7 and 8 stay, sync's tables and those of 10, 12, 14, 16 and 17 go.
      db.exec('DROP TABLE pending_import_undo; DROP TABLE pending_imports; DROP TABLE digest_sources;')
      db.exec('DROP TABLE digest_additions; DROP TABLE paper_merges;')
      db.exec('DROP TABLE discover_chunks; DROP TABLE discover_model;') // migration 19
      db.exec('DROP TABLE sync_devices; DROP TABLE sync_trash; PRAGMA user_version = 8')
      db.close()
    }
    const db = new Database(oldPath)
    migrate(db, oldPath, new Date(), MIGRATIONS)
    db.close()

    const folder = join(root, 'Sync')
    mkdirSync(folder)
    const old = track(openLibrary(oldPath))
    const report = syncFolder(old, folder, { deviceName: 'old' })
    expect(report.written.changes).toBe(6)

    // The digest itself predates sync: it is imported on the new device by hand.
    const fresh = track(openLibrary(join(root, 'new.sqlite')))
    importFile(fresh, file, { date: '2026-03-12' })
    syncFolder(fresh, folder, { deviceName: 'new' })
    const byTitle = Object.fromEntries(fresh.exportAll().map((p) => [p.title, p]))
    expect(byTitle[title('a', 1)]?.read).toBe(true)
    expect(byTitle[title('a', 2)]?.starred).toBe(true)
    expect(byTitle[title('a', 3)]?.note).toBe('an old note')
    expect(fresh.tags().map((tag) => [tag.name, tag.count])).toEqual([['Old Tag', 1]])
    expect(fresh.trash().papers.map((paper) => paper.title)).toEqual([title('a', 4)])
    expect(fresh.savedSearches().map((search) => [search.name, search.query])).toEqual([
      ['Old Search', 'title:invented']
    ])
  })
})
