// `dogear sync` as real processes: two libraries, one folder, changes on both sides, syncs in
// both orders, and a sync killed with SIGKILL part-way that leaves both sides consistent.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempFolder } from '../library/helpers'
import { digestText, title } from './helpers'

const repo = resolve(__dirname, '../../..')
const bin = join(repo, 'bin/dogear.js')

interface Paper {
  id: number
  title: string
  read: boolean
  starred: boolean
  note: string | null
}

function setup(): { dogear(db: string, ...args: string[]): string; root: string; folder: string } {
  const root = tempFolder()
  const folder = join(root, 'Sync')
  mkdirSync(folder)
  return {
    root,
    folder,
    dogear(db, ...args) {
      const run = spawnSync(process.execPath, [bin, ...args, '--db', join(root, db)], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 256 * 1024 * 1024
      })
      if (run.status !== 0) throw new Error(`dogear ${args.join(' ')} failed (${run.status}): ${run.stderr}`)
      return run.stdout
    }
  }
}

function papers(
  dogear: (db: string, ...args: string[]) => string,
  db: string
): Record<string, Omit<Paper, 'id' | 'title'>> {
  const list = (JSON.parse(dogear(db, 'export', '--format', 'json')) as { papers: Paper[] }).papers
  return Object.fromEntries(list.map(({ title, read, starred, note }) => [title, { read, starred, note }]))
}

function idOf(dogear: (db: string, ...args: string[]) => string, db: string, wanted: string): string {
  const list = (JSON.parse(dogear(db, 'export', '--format', 'json')) as { papers: Paper[] }).papers
  return String(list.find((paper) => paper.title === wanted)!.id)
}

describe('dogear sync between two processes', () => {
  it('converges with changes on both sides, whichever syncs first', () => {
    const { dogear, root, folder } = setup()
    writeFileSync(join(root, 'monday.txt'), digestText('m', 4))
    dogear('laptop.sqlite', 'sync', folder, '--device', 'laptop')
    dogear('laptop.sqlite', 'import', join(root, 'monday.txt'), '--date', '2026-03-12')
    dogear('laptop.sqlite', 'read', '1', '2')
    const first = JSON.parse(dogear('laptop.sqlite', 'sync', '--json')) as { written: { changes: number } }
    expect(first.written.changes).toBe(3)
    const joined = JSON.parse(dogear('desktop.sqlite', 'sync', folder, '--device', 'desktop', '--json')) as {
      digestsImported: number
    }
    expect(joined.digestsImported).toBe(1)

    // Both change things, then sync: desktop first this time.
    dogear('desktop.sqlite', 'unread', idOf(dogear, 'desktop.sqlite', title('m', 1)))
    dogear('desktop.sqlite', 'note', idOf(dogear, 'desktop.sqlite', title('m', 3)), 'from the desktop')
    dogear('laptop.sqlite', 'star', idOf(dogear, 'laptop.sqlite', title('m', 4)))
    dogear('desktop.sqlite', 'sync')
    dogear('laptop.sqlite', 'sync')
    dogear('desktop.sqlite', 'sync')
    const laptop = papers(dogear, 'laptop.sqlite')
    expect(papers(dogear, 'desktop.sqlite')).toEqual(laptop)
    expect(laptop[title('m', 1)]).toEqual({ read: false, starred: false, note: null })
    expect(laptop[title('m', 3)]?.note).toBe('from the desktop')
    expect(laptop[title('m', 4)]?.starred).toBe(true)

    const status = JSON.parse(dogear('laptop.sqlite', 'sync', '--status', '--json')) as {
      devices: { name: string; behind: number }[]
    }
    expect(status.devices).toEqual([expect.objectContaining({ name: 'desktop', behind: 0 })])
  }, 240_000)

  it('brings tags, renames, the trash and saved searches to the other library, whichever syncs first', () => {
    const { dogear, root, folder } = setup()
    writeFileSync(join(root, 'monday.txt'), digestText('m', 4))
    const tagsOf = (db: string): Record<string, string[]> =>
      Object.fromEntries(
        (JSON.parse(dogear(db, 'export', '--format', 'json')) as { papers: { title: string; tags: string[] }[] }).papers
          .filter((paper) => paper.tags.length > 0)
          .map((paper) => [paper.title, paper.tags])
      )
    dogear('laptop.sqlite', 'sync', folder, '--device', 'laptop')
    dogear('laptop.sqlite', 'import', join(root, 'monday.txt'), '--date', '2026-03-12')
    dogear('laptop.sqlite', 'tag', 'Reading group', '1', '2')
    dogear('laptop.sqlite', 'save-search', 'Surveys', 'title:invented')
    dogear('laptop.sqlite', 'sync')
    dogear('desktop.sqlite', 'sync', folder, '--device', 'desktop')
    expect(tagsOf('desktop.sqlite')).toEqual({ [title('m', 1)]: ['Reading group'], [title('m', 2)]: ['Reading group'] })

    // Both sides organize; the desktop syncs first.
    dogear('desktop.sqlite', 'tags', 'rename', 'Reading group', 'Journal club')
    dogear('desktop.sqlite', 'delete', idOf(dogear, 'desktop.sqlite', title('m', 3)))
    dogear('desktop.sqlite', 'save-search', 'Later', 'is:unread')
    dogear('laptop.sqlite', 'tag', 'Journal club', idOf(dogear, 'laptop.sqlite', title('m', 4)))
    dogear('desktop.sqlite', 'sync')
    dogear('laptop.sqlite', 'sync')
    dogear('desktop.sqlite', 'sync')

    const club = ['Journal club']
    const expected = { [title('m', 1)]: club, [title('m', 2)]: club, [title('m', 4)]: club }
    expect(tagsOf('laptop.sqlite')).toEqual(expected)
    expect(tagsOf('desktop.sqlite')).toEqual(expected)
    for (const db of ['laptop.sqlite', 'desktop.sqlite']) {
      expect(dogear(db, 'trash')).toContain(title('m', 3))
      expect(dogear(db, 'saved-searches')).toMatch(/Surveys[\s\S]*Later|Later[\s\S]*Surveys/)
    }

    // A restore on the laptop brings the paper back on the desktop.
    dogear('laptop.sqlite', 'trash', '--restore', '3')
    dogear('laptop.sqlite', 'sync')
    dogear('desktop.sqlite', 'sync')
    expect(Object.keys(papers(dogear, 'desktop.sqlite'))).toContain(title('m', 3))
    expect(papers(dogear, 'desktop.sqlite')).toEqual(papers(dogear, 'laptop.sqlite'))
  }, 240_000)

  it('stays consistent when a sync is killed part-way, and the next sync finishes the work', async () => {
    const { dogear, root, folder } = setup()
    writeFileSync(join(root, 'big.txt'), digestText('k', 3000))
    dogear('laptop.sqlite', 'sync', folder, '--device', 'laptop')
    dogear('laptop.sqlite', 'import', join(root, 'big.txt'), '--date', '2026-03-12')
    dogear('laptop.sqlite', 'read', ...Array.from({ length: 500 }, (_, i) => String(i + 1)))
    dogear('laptop.sqlite', 'sync')
    for (const delayMs of [150, 400, 800, 1500]) {
      const child = spawn(process.execPath, [
        bin,
        'sync',
        folder,
        '--device',
        'desktop',
        '--db',
        join(root, 'desktop.sqlite')
      ])
      await new Promise<void>((done) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
        child.on('exit', () => {
          clearTimeout(timer)
          done()
        })
      })
      const db = new Database(join(root, 'desktop.sqlite'))
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      db.close()
    }
    dogear('desktop.sqlite', 'sync', folder, '--device', 'desktop')
    const laptop = papers(dogear, 'laptop.sqlite')
    const desktop = papers(dogear, 'desktop.sqlite')
    expect(Object.keys(desktop)).toHaveLength(3000)
    expect(desktop).toEqual(laptop)
    // And the other way: the laptop, killed while writing, repairs its own log next time.
    dogear('desktop.sqlite', 'star', '7')
    const child = spawn(process.execPath, [bin, 'sync', '--db', join(root, 'desktop.sqlite')])
    await new Promise<void>((done) => {
      setTimeout(() => child.kill('SIGKILL'), 300)
      child.on('exit', () => done())
    })
    dogear('desktop.sqlite', 'sync')
    dogear('laptop.sqlite', 'sync')
    expect(papers(dogear, 'laptop.sqlite')).toEqual(papers(dogear, 'desktop.sqlite'))
  }, 240_000)
})
