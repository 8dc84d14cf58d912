// Short prefixes (1-3 letters) with no prefix index (migration 21): written out as the whole
// words they begin once the library's words are read (search_terms), checked in the text of the
// newest papers while they are not or when they begin too many words. Either way a reader typing
// `t`, `tr`, `tra` sees the same papers, before and after an import's words are read, and in a
// library migrated from version 20 as in a new one.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../../src/main/library'
import { migrate } from '../../../src/main/library/migrate'
import { MAX_COMPLETIONS } from '../../../src/main/library/search-terms'
import { PROBE_BATCH } from '../../../src/main/library/search-probe'
import { PREFIXED_SEARCH_INDEX } from '../../../src/main/library/search-schema'
import { digest, memoryLibrary, paper, rawDatabase, tempFolder, track } from './helpers'

const sortedTitles = (page: { items: { title: string }[] }) => page.items.map((hit) => hit.title).sort()

const FIRST = [
  paper('Transformer Training at Scale', { authors: ['Lin Tran'], abstract: 'Attention for long inputs.' }),
  paper('Tractable Graph Cuts', { authors: ['Ada Li'], abstract: 'Polynomial bounds.' }),
  paper('Quiet Rooms', { authors: ['Bo Park'], abstract: 'Soft walls and a treble clef.' }),
  paper('Bread Baking', { authors: ['Cy Ode'], abstract: 'Crusts, ovens and timing.' })
]

const SECOND = [
  paper('Trams of Lisbon', { authors: ['Ines Costa'], abstract: 'Rails on hills.' }),
  paper('Moss Gardens', { authors: ['Li Wei'], abstract: 'Shade and water.' })
]

/** What a reader sees for each prefix: the titles it finds. */
function answers(library: Library): Record<string, string[]> {
  const queries = ['t', 'tr', 'tra', 'li', 'l', 'title:tr', 'author:li', '-transformer tra', 'bread OR tram', 'b']
  return Object.fromEntries(queries.map((query) => [query, sortedTitles(library.search({ query, limit: 50 }))]))
}

const AFTER_FIRST = {
  t: ['Bread Baking', 'Quiet Rooms', 'Tractable Graph Cuts', 'Transformer Training at Scale'],
  tr: ['Quiet Rooms', 'Tractable Graph Cuts', 'Transformer Training at Scale'],
  tra: ['Tractable Graph Cuts', 'Transformer Training at Scale'],
  li: ['Tractable Graph Cuts', 'Transformer Training at Scale'],
  l: ['Tractable Graph Cuts', 'Transformer Training at Scale'],
  'title:tr': ['Tractable Graph Cuts', 'Transformer Training at Scale'],
  'author:li': ['Tractable Graph Cuts', 'Transformer Training at Scale'],
  '-transformer tra': ['Tractable Graph Cuts'],
  'bread OR tram': ['Bread Baking'],
  b: ['Bread Baking', 'Quiet Rooms', 'Tractable Graph Cuts']
}

const AFTER_SECOND = {
  ...AFTER_FIRST,
  t: [...AFTER_FIRST.t, 'Trams of Lisbon'].sort(),
  tr: [...AFTER_FIRST.tr, 'Trams of Lisbon'].sort(),
  tra: [...AFTER_FIRST.tra, 'Trams of Lisbon'].sort(),
  li: ['Moss Gardens', 'Tractable Graph Cuts', 'Trams of Lisbon', 'Transformer Training at Scale'],
  l: ['Moss Gardens', 'Tractable Graph Cuts', 'Trams of Lisbon', 'Transformer Training at Scale'],
  'title:tr': [...AFTER_FIRST['title:tr'], 'Trams of Lisbon'].sort(),
  'author:li': ['Moss Gardens', 'Tractable Graph Cuts', 'Transformer Training at Scale'],
  '-transformer tra': ['Tractable Graph Cuts', 'Trams of Lisbon'],
  'bread OR tram': ['Bread Baking', 'Trams of Lisbon']
}

describe('a short prefix', () => {
  it('finds the same papers before and after an import, whether its words are read or not', () => {
    const library = track(memoryLibrary())
    library.importDigest(digest(FIRST))
    // Before the import's words are read a prefix is checked in the text (or left to FTS5)...
    expect(answers(library)).toEqual(AFTER_FIRST)
    // ...after, written out as the whole words it begins.
    library.catchUpSearchTerms()
    expect(answers(library)).toEqual(AFTER_FIRST)
    library.importDigest(digest(SECOND, { date: '2024-03-13' }))
    expect(answers(library)).toEqual(AFTER_SECOND)
    library.catchUpSearchTerms()
    expect(answers(library)).toEqual(AFTER_SECOND)
  })

  it("matches a phrase's short last word whole and a 3-letter one as a prefix; marks what it matched", () => {
    const library = track(memoryLibrary())
    library.importDigest(digest(FIRST))
    library.catchUpSearchTerms()
    // A run of words (`transformer-tr`) is searched as a phrase.
    expect(sortedTitles(library.search({ query: 'transformer-tr' }))).toEqual([])
    expect(sortedTitles(library.search({ query: 'transformer-tra' }))).toEqual(['Transformer Training at Scale'])
    expect(sortedTitles(library.search({ query: 'graph-c' }))).toEqual([])
    expect(sortedTitles(library.search({ query: 'graph-cut' }))).toEqual(['Tractable Graph Cuts'])
    const hit = library.search({ query: 'tra' }).items.find((item) => item.title.startsWith('Transformer'))!
    expect(hit.titleParts.filter((part) => part.match).map((part) => part.text)).toEqual(['Transformer', 'Training'])
    const two = library.search({ query: 'tr' }).items.find((item) => item.title === 'Quiet Rooms')!
    expect(two.snippetParts.filter((part) => part.match).map((part) => part.text)).toEqual(['treble'])
  })

  it('still has typos corrected beside it', () => {
    const library = track(memoryLibrary())
    library.importDigest(digest(FIRST))
    library.catchUpSearchTerms()
    const page = library.search({ query: 'tractible gr' })
    expect(sortedTitles(page)).toEqual(['Tractable Graph Cuts'])
    expect(page.corrections).toEqual([{ word: 'tractible', replacement: 'tractable' }])
  })
})

/** Papers `Paper 1..count`, each with a word of its own beginning with `qux`, and `plain` more without. */
function quxLibrary(count: number, plain: number): Library {
  const library = track(memoryLibrary())
  const qux = Array.from({ length: count }, (_, i) => paper(`Paper ${i + 1}`, { abstract: `A qux${i + 1} method.` }))
  const other = Array.from({ length: plain }, (_, i) => paper(`Other ${i + 1}`, { abstract: 'A plain method.' }))
  library.importDigest(digest([...qux, ...other]))
  library.catchUpSearchTerms()
  return library
}

describe('a saved search of a short prefix', () => {
  it('lists and counts the papers search finds, after imports and reading', () => {
    const library = track(memoryLibrary())
    library.importDigest(digest(FIRST))
    const saved = ['t', 'tr', 'title:tra', 'bread b'].map((query) => library.saveSearch(query, query))
    const listed = (id: number) =>
      library
        .listPapers({ filter: { kind: 'savedSearch', savedSearchId: id }, sort: 'position', limit: 50 })
        .items.map((item) => item.title)
        .sort()
    const unread = () => library.savedSearches().map((search) => [search.query, search.unread])
    expect(listed(saved[1]!.id)).toEqual(AFTER_FIRST.tr)
    expect(unread()).toEqual([
      ['t', 4],
      ['tr', 3],
      ['title:tra', 2],
      ['bread b', 1]
    ])
    library.importDigest(digest(SECOND, { date: '2024-03-13' }))
    library.markRead([1], true)
    expect(listed(saved[1]!.id)).toEqual(AFTER_SECOND.tr)
    expect(listed(saved[2]!.id)).toEqual(['Tractable Graph Cuts', 'Trams of Lisbon', 'Transformer Training at Scale'])
    // Paper 1 (Transformer Training) is read now.
    expect(unread()).toEqual([
      ['t', 4],
      ['tr', 3],
      ['title:tra', 2],
      ['bread b', 1]
    ])
    library.catchUpSearchTerms()
    library.markRead([2], true)
    expect(unread()).toEqual([
      ['t', 3],
      ['tr', 2],
      ['title:tra', 1],
      ['bread b', 1]
    ])
  })
})

describe('a short prefix that begins too many words to write out', () => {
  const many = MAX_COMPLETIONS + 44

  it('counts exactly when the newest papers hold all its matches', () => {
    const library = quxLibrary(many, 5)
    for (const query of ['qu', 'qux', 'q']) {
      expect(library.search({ query, limit: 10 })).toMatchObject({ total: many, totalIsLowerBound: false })
    }
    // A phrase's 3-letter last word: the head right before it (`A qux12 method`).
    expect(library.search({ query: 'a-qux', limit: 10 })).toMatchObject({ total: many, totalIsLowerBound: false })
    expect(library.search({ query: 'method-qux', limit: 10 }).total).toBe(0)
    expect(library.search({ query: 'title:a-qux', limit: 10 }).total).toBe(0)
    // A 4-letter prefix begins fewer: written out, the same papers.
    expect(library.search({ query: 'qux1', limit: 500 }).total).toBe(111)
  })

  it('finds its matches among older papers when the newest do not hold it', () => {
    const library = quxLibrary(many, PROBE_BATCH + 100)
    expect(library.search({ query: 'qu', limit: 10 })).toMatchObject({ total: many, totalIsLowerBound: false })
    expect(library.search({ query: 'method qux', limit: 10 })).toMatchObject({ total: many, totalIsLowerBound: false })
    expect(library.search({ query: 'plain qux', limit: 10 }).total).toBe(0)
  })
})

/** The library file as migration 20 left it: the index with its 3-letter prefix index, words from 4 letters. */
function setBackToVersion20(path: string, through: number, paused = false): void {
  const db = rawDatabase(path)
  db.exec(`DROP TABLE paper_search_vocab;
    DROP TABLE paper_search;
    ${PREFIXED_SEARCH_INDEX}
    CREATE VIRTUAL TABLE paper_search_vocab USING fts5vocab(paper_search, row);
    DELETE FROM search_terms WHERE length(term) < 4;`)
  // A large import's chunks pause the index's merging (index-merging.ts).
  if (paused) db.exec("INSERT INTO paper_search(paper_search, rank) VALUES ('automerge', 0)")
  db.prepare('UPDATE search_terms_state SET through = ?').run(through)
  db.pragma('user_version = 20')
  db.close()
}

function indexSql(path: string): string {
  const db = rawDatabase(path, { readonly: true })
  try {
    return db.prepare("SELECT sql FROM sqlite_master WHERE name = 'paper_search'").pluck().get() as string
  } finally {
    db.close()
  }
}

describe('a library migrated from version 20', () => {
  it.each([
    ['whose words were all read', 6],
    ['whose last import left words to read', 4]
  ])('%s answers as a new one, and its index has no prefix index', (_what, through) => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = openLibrary(path)
    library.importDigest(digest(FIRST))
    library.importDigest(digest(SECOND, { date: '2024-03-13' }))
    library.catchUpSearchTerms()
    library.close()
    setBackToVersion20(path, through)
    expect(indexSql(path)).toMatch(/prefix/)
    const migrated = track(openLibrary(path))
    expect(indexSql(path)).not.toMatch(/prefix/)
    expect(answers(migrated)).toEqual(AFTER_SECOND)
    migrated.catchUpSearchTerms()
    expect(answers(migrated)).toEqual(AFTER_SECOND)
    expect(migrated.search({ query: 'tran' }).total).toBe(1)
  })
})

describe('migration 21', () => {
  it("keeps a large import's pause of the index's merging", () => {
    const path = join(tempFolder(), 'library.sqlite')
    const library = openLibrary(path)
    library.importDigest(digest(FIRST))
    library.close()
    setBackToVersion20(path, 4, true)
    const db = rawDatabase(path)
    migrate(db, ':memory:', new Date())
    expect(db.prepare("SELECT v FROM paper_search_config WHERE k = 'automerge'").pluck().get()).toBe(0)
    expect(db.prepare("SELECT count(*) FROM search_terms WHERE term IN ('tr', 'li', 'bo')").pluck().get()).toBe(2)
    db.close()
  })
})
