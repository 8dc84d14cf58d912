// Tags, the trash and saved searches across devices: each write path of the library reaches
// the other devices, and the merge is order-independent and idempotent (property tests over
// random changes on two and three libraries synced in random orders).
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../src/main/ingest/pipeline'
import { syncSetup, title, type Device } from './helpers'

/** What the reader sees of tags, trash and saved searches, by title and name. */
function organized(device: Device): {
  tags: Record<string, string[]>
  trash: string[]
  searches: Record<string, string>
  read: string[]
} {
  const tags: Record<string, string[]> = {}
  for (const paper of device.library.exportAll()) {
    for (const tag of paper.tags) (tags[tag.toLowerCase()] ??= []).push(paper.title)
  }
  for (const titles of Object.values(tags)) titles.sort()
  return {
    tags,
    trash: device.library
      .trash()
      .papers.map((paper) => paper.title)
      .sort(),
    searches: Object.fromEntries(
      device.library.savedSearches().map((search) => [search.name.toLowerCase(), search.query])
    ),
    read: device.library
      .exportAll()
      .filter((paper) => paper.read)
      .map((paper) => paper.title)
      .sort()
  }
}

function twoDevices(papers = 4): { laptop: Device; desktop: Device; setup: ReturnType<typeof syncSetup> } {
  const setup = syncSetup()
  const laptop = setup.device('laptop')
  const desktop = setup.device('desktop')
  laptop.sync()
  laptop.importDigest('m', papers)
  laptop.sync()
  desktop.sync()
  return { laptop, desktop, setup }
}

describe('sync of tags', () => {
  it('brings tags, untags, renames, merges and deletions to the other device', () => {
    const { laptop, desktop } = twoDevices()
    const id = (device: Device, n: number) => device.idOf(title('m', n))
    laptop.library.tagPapers('Machine Learning', [id(laptop, 1), id(laptop, 2)])
    laptop.library.tagPapers('Vision', [id(laptop, 3)])
    laptop.sync()
    desktop.sync()
    expect(organized(desktop).tags).toEqual({
      'machine learning': [title('m', 1), title('m', 2)],
      vision: [title('m', 3)]
    })
    // The name as the reader spelled it travels too.
    expect(desktop.library.tags().map((tag) => tag.name)).toEqual(['Machine Learning', 'Vision'])

    desktop.library.untagPapers('machine learning', [id(desktop, 2)])
    desktop.library.renameTag('Vision', 'Machine learning') // a merge into the other tag
    desktop.sync()
    laptop.sync()
    expect(organized(laptop).tags).toEqual({ 'machine learning': [title('m', 1), title('m', 3)] })

    laptop.library.renameTag('Machine Learning', 'ML')
    laptop.sync()
    desktop.sync()
    expect(organized(desktop).tags).toEqual({ ml: [title('m', 1), title('m', 3)] })

    desktop.library.deleteTag('ml')
    desktop.sync()
    laptop.sync()
    expect(laptop.library.tags()).toEqual([])
  })
})

describe('notes from another device in the search index', () => {
  it('finds the new text and not the old after a segment and after changes that waited for their digest', () => {
    const { laptop, desktop, setup } = twoDevices(4)
    const found = (device: Device, word: string): string[] =>
      device.library
        .search({ query: word, limit: 50 })
        .items.map((hit) => hit.title)
        .sort()
    const indexIsWhole = (device: Device): void => {
      const db = new Database(device.dbPath)
      try {
        db.exec("INSERT INTO paper_search(paper_search) VALUES ('integrity-check')")
      } finally {
        db.close()
      }
    }
    for (const n of [1, 2, 3]) laptop.library.saveNote(laptop.idOf(title('m', n)), `marmalade note ${n}`)
    laptop.sync()
    desktop.sync()
    expect(found(desktop, 'marmalade')).toEqual([title('m', 1), title('m', 2), title('m', 3)])

    // One segment rewrites two notes, removes one, and trashes a paper that has a note.
    laptop.library.saveNote(laptop.idOf(title('m', 1)), 'quince note 1')
    laptop.library.saveNote(laptop.idOf(title('m', 2)), 'quince note 2')
    laptop.library.saveNote(laptop.idOf(title('m', 3)), '')
    laptop.library.saveNote(laptop.idOf(title('m', 4)), 'quince note 4')
    laptop.library.trashPapers([laptop.idOf(title('m', 4))])
    laptop.sync()
    desktop.sync()
    expect(found(desktop, 'marmalade')).toEqual([])
    expect(found(desktop, 'quince')).toEqual([title('m', 1), title('m', 2)])
    indexIsWhole(desktop)

    // A device that joins late applies the notes after importing the digest.
    const late = setup.device('late')
    late.sync()
    expect(found(late, 'quince')).toEqual([title('m', 1), title('m', 2)])
    indexIsWhole(late)
  })
})

describe('sync of tags an import made', () => {
  it('brings JabRef groups imported as tags to a device that imports the file without that option', () => {
    const { laptop, desktop } = twoDevices(1)
    const file = join(tmpdir(), `groups-${process.pid}-${Date.now()}.bib`)
    writeFileSync(file, '@misc{kettle, title = {Kettle Drums of the Valley}, groups = {Percussion, Thesis}}\n')
    try {
      expect(importFile(laptop.library, file, { groupsAsTags: true }).ok).toBe(true)
    } finally {
      rmSync(file, { force: true })
    }
    laptop.sync()
    desktop.sync()
    expect(desktop.library.getSettings().groupsAsTags).toBe(false)
    expect(organized(desktop).tags).toEqual({
      percussion: ['Kettle Drums of the Valley'],
      thesis: ['Kettle Drums of the Valley']
    })
  })
})

describe('sync of the trash', () => {
  it('trashes and restores on the other device, keeping the paper whole', () => {
    const { laptop, desktop } = twoDevices()
    const paper = title('m', 2)
    desktop.library.markRead([desktop.idOf(paper)], true)
    desktop.library.tagPapers('Keep', [desktop.idOf(paper)])
    desktop.sync()
    laptop.sync()
    laptop.library.trashPapers([laptop.idOf(paper)])
    laptop.sync()
    desktop.sync()
    expect(organized(desktop).trash).toEqual([paper])
    expect(desktop.library.exportAll().map((p) => p.title)).not.toContain(paper)

    const trashedId = desktop.library.trash().papers[0]!.id
    desktop.library.restorePapers([trashedId])
    desktop.sync()
    laptop.sync()
    expect(organized(laptop)).toEqual(organized(desktop))
    expect(organized(laptop).trash).toEqual([])
    expect(organized(laptop).read).toEqual([paper])
    expect(organized(laptop).tags).toEqual({ keep: [paper] })
  })

  it('keeps a change made before a trash and restore that happened between two syncs', () => {
    const { laptop, desktop } = twoDevices()
    const paper = title('m', 3)
    laptop.library.markRead([laptop.idOf(paper)], true)
    laptop.library.trashPapers([laptop.idOf(paper)])
    laptop.library.restorePapers([laptop.library.trash().papers[0]!.id])
    laptop.sync()
    desktop.sync()
    expect(organized(desktop).read).toEqual([paper])
    expect(organized(desktop).trash).toEqual([])
  })

  it('sends the papers a deleted digest put in the trash', () => {
    const { laptop, desktop } = twoDevices(3)
    const digest = laptop.library.listDigests()[0]!
    laptop.library.deleteDigest(digest.id)
    laptop.sync()
    desktop.sync()
    expect(organized(desktop).trash).toEqual([title('m', 1), title('m', 2), title('m', 3)])
  })
})

describe('sync of saved searches', () => {
  it('brings saved, replaced, renamed and removed searches to the other device', () => {
    const { laptop, desktop } = twoDevices()
    laptop.library.saveSearch('Surveys', 'title:survey')
    const mamba = laptop.library.saveSearch('Mamba', 'mamba is:unread')
    laptop.sync()
    desktop.sync()
    expect(organized(desktop).searches).toEqual({ surveys: 'title:survey', mamba: 'mamba is:unread' })

    laptop.library.saveSearch('Surveys', 'title:review')
    laptop.library.renameSearch(mamba.id, 'State spaces')
    laptop.sync()
    desktop.sync()
    expect(organized(desktop).searches).toEqual({ surveys: 'title:review', 'state spaces': 'mamba is:unread' })

    const surveys = desktop.library.savedSearchNamed('surveys')
    desktop.library.deleteSearch(surveys.id)
    desktop.sync()
    laptop.sync()
    expect(organized(laptop).searches).toEqual({ 'state spaces': 'mamba is:unread' })
  })
})

type Op =
  | { kind: 'tag' | 'untag'; device: number; tag: string; papers: number[] }
  | { kind: 'rename'; device: number; from: string; to: string }
  | { kind: 'trash' | 'restore' | 'read'; device: number; paper: number }
  | { kind: 'search'; device: number; name: string; query: string }
  | { kind: 'unsearch'; device: number; name: string }
  | { kind: 'sync'; device: number }

const PAPERS = 4
const TAGS = ['ML', 'ml', 'Vision', 'Later']
const SEARCHES = ['Surveys', 'surveys', 'Mamba']

function op(devices: number): fc.Arbitrary<Op> {
  const device = fc.nat(devices - 1)
  const paper = fc.integer({ min: 1, max: PAPERS })
  return fc.oneof(
    fc.record({
      kind: fc.constantFrom('tag' as const, 'untag' as const),
      device,
      tag: fc.constantFrom(...TAGS),
      papers: fc.uniqueArray(paper, { minLength: 1, maxLength: 3 })
    }),
    fc.record({
      kind: fc.constant('rename' as const),
      device,
      from: fc.constantFrom(...TAGS),
      to: fc.constantFrom(...TAGS)
    }),
    fc.record({ kind: fc.constantFrom('trash' as const, 'restore' as const, 'read' as const), device, paper }),
    fc.record({
      kind: fc.constant('search' as const),
      device,
      name: fc.constantFrom(...SEARCHES),
      query: fc.constantFrom('title:survey', 'mamba', 'is:unread')
    }),
    fc.record({ kind: fc.constant('unsearch' as const), device, name: fc.constantFrom(...SEARCHES) }),
    fc.record({ kind: fc.constant('sync' as const), device })
  )
}

/** Does what the reader would; a change the library refuses (no such tag, not in the trash) is skipped. */
function perform(devices: Device[], step: Op): void {
  const device = devices[step.device]!
  const live = (n: number): number | undefined =>
    device.library.exportAll().find((paper) => paper.title === title('m', n))?.id
  try {
    switch (step.kind) {
      case 'tag':
      case 'untag': {
        const ids = step.papers.map(live).filter((id) => id !== undefined)
        if (ids.length === 0) return
        if (step.kind === 'tag') device.library.tagPapers(step.tag, ids)
        else device.library.untagPapers(step.tag, ids)
        return
      }
      case 'rename':
        device.library.renameTag(step.from, step.to)
        return
      case 'trash':
      case 'read': {
        const id = live(step.paper)
        if (id === undefined) return
        if (step.kind === 'trash') device.library.trashPapers([id])
        else device.library.markRead([id], true)
        return
      }
      case 'restore': {
        const trashed = device.library.trash().papers.find((paper) => paper.title === title('m', step.paper))
        if (trashed) device.library.restorePapers([trashed.id])
        return
      }
      case 'search':
        device.library.saveSearch(step.name, step.query)
        return
      case 'unsearch':
        device.library.deleteSearch(device.library.savedSearchNamed(step.name).id)
        return
      case 'sync':
        device.sync()
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'NOT_FOUND') return
    throw error
  }
}

describe('merge of tags, trash and saved searches', () => {
  it('converges whatever the changes and the order of syncs, and a second sync changes nothing', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 3 })
          .chain((count) =>
            fc.tuple(
              fc.constant(count),
              fc.array(op(count), { minLength: 4, maxLength: 14 }),
              fc.shuffledSubarray([0, 1, 2].slice(0, count), { minLength: count })
            )
          ),
        ([count, steps, finalOrder]) => {
          const setup = syncSetup()
          const devices = Array.from({ length: count }, (_, n) => setup.device(`device${n}`))
          devices[0]!.sync()
          devices[0]!.importDigest('m', PAPERS)
          for (const device of devices) device.sync()
          for (const step of steps) perform(devices, step)
          // Everyone syncs, in a random order, twice: the second round brings the last changes around.
          for (const round of [1, 2])
            for (const n of finalOrder) devices[n]!.sync({ snapshotEvery: round === 1 ? 3 : 1000 })
          const views = devices.map(organized)
          for (const view of views.slice(1)) expect(view).toEqual(views[0])
          // Idempotent: syncing again applies nothing and changes nothing.
          for (const device of devices) expect(device.sync().applied.changes).toBe(0)
          expect(devices.map(organized)).toEqual(views)
        }
      ),
      { numRuns: 25 }
    )
  }, 300_000)

  it('gives a device that joins late the same state, from the snapshot and the logs', () => {
    const { laptop, desktop, setup } = twoDevices(PAPERS)
    laptop.library.tagPapers('ML', [laptop.idOf(title('m', 1))])
    desktop.library.trashPapers([desktop.idOf(title('m', 2))])
    desktop.library.saveSearch('Surveys', 'title:survey')
    laptop.sync({ snapshotEvery: 1 })
    desktop.sync({ snapshotEvery: 1 })
    laptop.sync({ snapshotEvery: 1 })
    const late = setup.device('late')
    late.sync()
    late.sync()
    expect(organized(late)).toEqual(organized(laptop))
    expect(organized(late)).toEqual(organized(desktop))
  })
})
