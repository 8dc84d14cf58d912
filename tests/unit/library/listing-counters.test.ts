// The counts of the sources pane and the list totals come from counters kept by triggers:
// they must say what a full count would say after every kind of change.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { LATEST_VERSION, openLibrary, type Library } from '../../../src/main/library'
import { migrate } from '../../../src/main/library/migrate'
import { MIGRATIONS } from '../../../src/main/library/migrations'
import { CHUNKED_FROM_PAPERS } from '../../../src/main/library/import-write'
import { digest, memoryLibrary, paper, rawDatabase, tempFolder, track } from './helpers'

const CODE = [{ url: 'https://github.com/some/repo', kind: 'code' as const }]

function shown(library: Library) {
  const stats = library.stats()
  return {
    all: library.listPapers({ filter: { kind: 'all' }, limit: 1 }).total,
    unread: library.listPapers({ filter: { kind: 'unread' }, limit: 1 }).total,
    starred: library.listPapers({ filter: { kind: 'starred' }, limit: 1 }).total,
    hasCode: library.listPapers({ filter: { kind: 'hasCode' }, limit: 1 }).total,
    stats: { papers: stats.papers, read: stats.read, unread: stats.unread, starred: stats.starred }
  }
}

/** Papers as an export of another library carries them: some read, some starred, some with code. */
function carried(count: number, prefix: string) {
  return Array.from({ length: count }, (_, i) =>
    paper(`${prefix} ${i}`, {
      readHint: i % 3 === 0,
      starHint: i % 5 === 0,
      ...(i % 4 === 0 ? { links: CODE } : {})
    })
  )
}

/** What shown() says of a library of `all` papers with these counts (the papers not unread are read). */
function totals(all: number, { unread, starred, hasCode }: { unread: number; starred: number; hasCode: number }) {
  return { all, unread, starred, hasCode, stats: { papers: all, read: all - unread, unread, starred } }
}

/** What shown() says when every paper of `papers` is in the library and nothing else. */
function expected(papers: ReturnType<typeof carried>) {
  const read = papers.filter((p) => p.readHint).length
  return totals(papers.length, {
    unread: papers.length - read,
    starred: papers.filter((p) => p.starHint).length,
    hasCode: papers.filter((p) => p.links.length > 0).length
  })
}

describe('listing counters', () => {
  it('count the papers of a large import, written in chunks, with the state and code links they carry', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    const small = carried(30, 'Small')
    library.importDigest(digest(small))
    expect(shown(library)).toEqual(expected(small))
    const large = carried(CHUNKED_FROM_PAPERS + 250, 'Large')
    // Papers of the first file again, with a code link now: merged, not counted twice.
    const again = small.slice(0, 5).map((p) => ({ ...p, links: CODE }))
    library.importDigest(digest([...again, ...large], { date: '2024-03-13' }))
    expect(shown(library)).toEqual(expected([...again, ...small.slice(5), ...large]))
  })

  it('stay as they were when a large import fails part-way and is undone', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    const small = carried(12, 'Kept')
    library.importDigest(digest(small))
    const saboteur = rawDatabase(path)
    saboteur.exec(`CREATE TRIGGER boom BEFORE INSERT ON papers WHEN NEW.title = 'Doomed ${CHUNKED_FROM_PAPERS + 40}'
                   BEGIN SELECT RAISE(ABORT, 'the disk gave up'); END`)
    saboteur.close()
    expect(() =>
      library.importDigest(digest(carried(CHUNKED_FROM_PAPERS + 80, 'Doomed'), { date: '2024-03-13' }))
    ).toThrow(/disk gave up/)
    expect(shown(library)).toEqual(expected(small))
    // And the next import counts from there.
    const next = carried(7, 'Next')
    library.importDigest(digest(next, { date: '2024-03-14' }))
    expect(shown(library)).toEqual(expected([...small, ...next]))
  })

  it('follow imports, merges that add code, marks, stars and their undoing', () => {
    const library = memoryLibrary()
    library.importDigest(
      digest([paper('One', { arxivId: '2403.00001' }), paper('Two', { links: CODE }), paper('Three')])
    )
    // A later digest lists paper one again, now with a code link, and adds a fourth.
    library.importDigest(
      digest([paper('One', { arxivId: '2403.00001', links: CODE }), paper('Four')], { date: '2024-03-13' })
    )
    library.markRead([1, 2, 4], true)
    library.markRead([4], false)
    library.setStarred([2, 3], true)
    library.setStarred([3], false)
    library.markRead([1], true)
    expect(shown(library)).toEqual(totals(4, { unread: 2, starred: 1, hasCode: 2 }))
    library.markAllRead({ kind: 'all' })
    expect(shown(library).unread).toBe(0)
    expect(shown(library).stats.read).toBe(4)
  })

  it('follow papers put back from the trash and a merge split in two', () => {
    const library = memoryLibrary()
    library.importDigest(
      digest([
        paper('Gravel Lattices', { arxivId: '2401.00001' }),
        paper('Sand Piles', { links: CODE }),
        paper('Clay Tiles')
      ])
    )
    library.setStarred([2], true)
    library.markRead([3], true)
    library.trashPapers([2, 3])
    expect(shown(library)).toEqual(totals(1, { unread: 1, starred: 0, hasCode: 0 }))
    // Back with their code link, star and read mark.
    library.restorePapers([2, 3])
    expect(shown(library)).toEqual(totals(3, { unread: 2, starred: 1, hasCode: 1 }))

    // Another list merges a different paper of the same title, with a code link, into paper 1.
    const colleague = library.importDigest(
      digest([paper('Gravel lattices', { links: [{ url: 'https://github.com/roads/g', kind: 'code' }] })], {
        date: '2024-03-13'
      })
    )
    expect(colleague.merged).toBe(1)
    expect(shown(library)).toEqual(totals(3, { unread: 2, starred: 1, hasCode: 2 }))
    // Split again: the merge's paper is new and unread, with the code link; paper 1 loses it.
    library.merges.split(1)
    expect(shown(library)).toEqual(totals(4, { unread: 3, starred: 1, hasCode: 2 }))
  })

  it('count new papers once in a library from before the INSERT triggers were dropped', () => {
    const path = join(tempFolder(), 'v24.sqlite')
    const library = track(openLibrary(path))
    const first = carried(6, 'First')
    library.importDigest(digest(first))
    library.close()
    // Back to version 24, with migration 23's INSERT triggers.
    const raw = new Database(path)
    MIGRATIONS.find((m) => m.version === 23)!.up(raw)
    raw.pragma('user_version = 24')
    raw.close()
    const migrated = track(openLibrary(path))
    const second = carried(9, 'Second')
    migrated.importDigest(digest(second, { date: '2024-03-13' }))
    expect(shown(migrated)).toEqual(expected([...first, ...second]))
  })

  it('count what a library migrated from an older version already holds', () => {
    const path = join(tempFolder(), 'old.sqlite')
    const library = track(openLibrary(path))
    library.importDigest(digest([paper('Alpha', { links: CODE }), paper('Beta')]))
    library.setStarred([2], true)
    library.close()
    // Take the file back to before migration 8: no counters, no triggers.
    const raw = new Database(path)
    raw.exec('DROP TABLE listing_counts')
    for (const trigger of raw
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%listing_counts%'")
      .pluck()
      .all()) {
      raw.exec(`DROP TRIGGER ${String(trigger)}`)
    }
    // Only migration 8 runs again, and 25 after it (which drops its INSERT triggers); the file
    // then says it is at the latest version as before.
    raw.pragma('user_version = 7')
    migrate(
      raw,
      path,
      new Date(),
      MIGRATIONS.filter((m) => m.version <= 8 || m.version === 25)
    )
    raw.pragma(`user_version = ${LATEST_VERSION}`)
    raw.close()
    const migrated = track(openLibrary(path))
    expect(shown(migrated)).toEqual(totals(2, { unread: 2, starred: 1, hasCode: 1 }))
  })
})
