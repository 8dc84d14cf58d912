// A query whose matches are sparse in a big library reads its newest papers first and stops
// there once it holds SCAN_FILL matches ("at least" that many), always the same list whatever
// page is asked for. The span is made small here: the behaviour is the same at 100,000 papers.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { Statements, openConnection } from '../../../src/main/library/connection'
import { SCAN_FILL, search } from '../../../src/main/library/search'
import { digest, paper, tempFolder, track } from './helpers'

/** `count` papers, every third about kelp (plus "common" in all), in one file library. */
function statementsOver(count: number): Statements {
  const path = join(tempFolder(), 'library.sqlite')
  const library = track(openLibrary(path))
  const papers = Array.from({ length: count }, (_, i) =>
    paper(`Paper ${i + 1}`, { abstract: i % 3 === 0 ? 'common kelp' : 'common sand' })
  )
  library.importDigest(digest(papers))
  library.close()
  const db = openConnection(path)
  return new Statements(db)
}

describe('a search over more papers than its scan span', () => {
  it('stops at the newest papers once they hold enough matches, and says "at least"', () => {
    const statements = statementsOver(3 * SCAN_FILL + 300)
    const span = 3 * SCAN_FILL
    const first = search(statements, { query: 'common -sand', limit: 50 }, { scanSpan: span })
    expect(first.totalIsLowerBound).toBe(true)
    expect(first.total).toBe(SCAN_FILL)
    // Newest first, and the pages after it come from the same list.
    const ids = [
      first,
      ...[50, 100, 150].map((offset) =>
        search(statements, { query: 'common -sand', offset, limit: 50 }, { scanSpan: span })
      )
    ].flatMap((page) => page.items.map((hit) => hit.id))
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(new Set(ids).size).toBe(SCAN_FILL)
    statements.db.close()
  })

  it('reads older spans while the newer hold too few, and counts exactly when it reads them all', () => {
    const statements = statementsOver(3 * SCAN_FILL + 300)
    // Spans of SCAN_FILL papers hold a third of that each: the third span brings SCAN_FILL.
    const page = search(statements, { query: 'common -sand', limit: 50 }, { scanSpan: SCAN_FILL })
    expect(page).toMatchObject({ total: SCAN_FILL, totalIsLowerBound: true })
    // Newest first: the oldest it holds is the last of the third span from the top.
    const last = search(statements, { query: 'common -sand', offset: SCAN_FILL - 1, limit: 1 }, { scanSpan: SCAN_FILL })
    expect(last.items[0]!.id).toBeGreaterThan(3 * SCAN_FILL + 300 - 3 * SCAN_FILL)
    // Spans of half the library: the first holds 150, so the second is read too: 300, exactly.
    const whole = search(statements, { query: 'kelp', limit: 5 }, { scanSpan: (3 * SCAN_FILL + 300) / 2 })
    expect(whole).toMatchObject({ total: SCAN_FILL + 100, totalIsLowerBound: false })
    const one = search(statements, { query: 'paper 1 ', limit: 5 }, { scanSpan: 10 })
    expect(one).toMatchObject({ total: 1, totalIsLowerBound: false })
    expect(one.items[0]!.title).toBe('Paper 1')
    statements.db.close()
  })
})

describe('a search with a date', () => {
  it('reads only the ids the dated papers span, and still finds an old paper imported last', () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = track(openLibrary(path))
    const papers = Array.from({ length: 3 * SCAN_FILL }, (_, i) =>
      paper(`Paper ${i + 1}`, { abstract: 'common kelp', publishedAt: i < SCAN_FILL ? '2024-05-01' : '2026-05-01' })
    )
    library.importDigest(digest(papers))
    // Imported last, but published in 2024: its id is far above the other 2024 papers'.
    library.importDigest(digest([paper('Late Arrival', { abstract: 'common kelp', publishedAt: '2024-12-01' })]))
    library.close()
    const statements = new Statements(openConnection(path))
    // A span of 10 papers: without the bound, 40 spans of 2026 papers would be read first.
    const page = search(statements, { query: 'year:2024 kelp', limit: 5, sort: 'date' }, { scanSpan: 10 })
    expect(page.items[0]!.title).toBe('Late Arrival')
    const all = search(statements, { query: 'year:2024 kelp', limit: 500 }, { scanSpan: 1_000 })
    expect(all).toMatchObject({ total: SCAN_FILL + 1, totalIsLowerBound: false })
    expect(search(statements, { query: 'year:2019 kelp', limit: 5 }).total).toBe(0)
    statements.db.close()
  })
})
