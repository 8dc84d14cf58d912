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

  it('reads the older papers when the newest hold too few, and counts exactly', () => {
    const statements = statementsOver(3 * SCAN_FILL + 300)
    const page = search(statements, { query: 'common -sand', limit: 50 }, { scanSpan: SCAN_FILL })
    expect(page).toMatchObject({ total: SCAN_FILL + 100, totalIsLowerBound: false })
    const whole = search(statements, { query: 'paper 1 ', limit: 5 }, { scanSpan: 10 })
    expect(whole).toMatchObject({ total: 1, totalIsLowerBound: false })
    expect(whole.items[0]!.title).toBe('Paper 1')
    statements.db.close()
  })
})
