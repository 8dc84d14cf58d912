import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'
import { TestClock, digest, memoryLibrary, paper, tempFolder, titles, track } from './helpers'

const CODE = { url: 'https://github.com/inventor/gravel', kind: 'code' as const }
const PROJECT = { url: 'https://example.org/gravel', kind: 'other' as const }

describe('importing a digest', () => {
  it('adds every paper with its position, and reports the counts', () => {
    const library = memoryLibrary()
    const outcome = library.importDigest(
      digest([paper('Gravel Lattices', { abstract: 'Stacking gravel.' }), paper('Humming Kettles')], {
        fileName: 'mar12.txt'
      })
    )
    expect(outcome).toEqual({ digestId: 1, papers: 2, added: 2, merged: 0, unchanged: 0, alreadyImported: false })
    const detail = library.getPaper(2)!
    expect(detail.title).toBe('Humming Kettles')
    expect(detail.digestRefs).toEqual([
      { id: 1, title: 'Daily Papers', dateFrom: '2024-03-12', dateTo: '2024-03-12', position: 2 }
    ])
    expect(library.listDigests()).toMatchObject([{ id: 1, fileName: 'mar12.txt', total: 2, read: 0, unread: 2 }])
  })

  it('changes nothing when the same file is imported again, and says so', () => {
    const library = memoryLibrary()
    const input = digest([paper('Gravel Lattices'), paper('Humming Kettles')])
    library.importDigest(input)
    library.markRead([1], true)
    const before = library.exportAll()

    const again = library.importDigest(input)
    expect(again).toEqual({ digestId: 1, papers: 2, added: 0, merged: 0, unchanged: 2, alreadyImported: true })
    expect(library.exportAll()).toEqual(before)
    expect(library.listDigests()).toHaveLength(1)
  })

  it('keeps one entry for a paper listed twice in one file, merging what each copy knows', () => {
    const library = memoryLibrary()
    const outcome = library.importDigest(
      digest([
        paper('Gravel Lattices'),
        paper('Humming Kettles'),
        paper('GRAVEL lattices!', { abstract: 'Stacking gravel.', links: [CODE] })
      ])
    )
    expect(outcome).toMatchObject({ papers: 2, added: 2, merged: 0, unchanged: 0 })
    expect(library.getPaper(1)).toMatchObject({
      title: 'Gravel Lattices',
      abstract: 'Stacking gravel.',
      hasCode: true,
      digestRefs: [{ position: 1 }]
    })
    expect(library.getPaper(2)!.digestRefs).toMatchObject([{ position: 2 }])
  })

  it('lists a paper from several digests, oldest digest first, dated by its earliest digest', () => {
    const library = memoryLibrary()
    library.importDigest(digest([paper('Gravel Lattices')], { date: '2024-03-14' }))
    const outcome = library.importDigest(
      digest([paper('Humming Kettles'), paper('gravel lattices')], { date: '2024-03-12' })
    )
    expect(outcome).toMatchObject({ papers: 2, added: 1, merged: 0, unchanged: 1 })
    const gravel = library.getPaper(1)!
    expect(gravel.digests).toEqual([2, 1])
    expect(gravel.digestDate).toBe('2024-03-12')
    expect(gravel.digestRefs.map((ref) => [ref.id, ref.position])).toEqual([
      [2, 2],
      [1, 1]
    ])
  })

  it('refuses a digest without papers or with an untitled paper, naming the file', () => {
    const library = memoryLibrary()
    expect(() => library.importDigest(digest([], { fileName: 'empty.txt' }))).toThrow('empty.txt lists no papers')
    expect(() =>
      library.importDigest(digest([paper('Fine'), paper('   ', { line: 7 })], { fileName: 'odd.txt' }))
    ).toThrow('odd.txt: the paper at line 7 has no title')
    expect(library.stats()).toMatchObject({ papers: 0, digests: 0 })
  })
})

describe('dedupe', () => {
  it('matches by arXiv id before DOI, and by DOI before title', () => {
    const library = memoryLibrary()
    library.importDigest(
      digest([
        paper('Gravel Lattices', { arxivId: '2401.00001', arxivVersion: 1 }),
        paper('Humming Kettles', { doi: '10.1000/kettle' }),
        paper('Sleepy Robots')
      ])
    )
    // arXiv id of paper 1 and DOI of paper 2: the arXiv id wins.
    const byArxiv = library.importDigest(
      digest([paper('Something Else Entirely', { arxivId: '2401.00001', doi: '10.1000/kettle' })], {
        date: '2024-03-13'
      })
    )
    // DOI of paper 2 (case folded) and the title of paper 3: the DOI wins.
    const byDoi = library.importDigest(
      digest([paper('Sleepy Robots', { doi: '10.1000/KETTLE' })], { date: '2024-03-14' })
    )
    // Only a title: matched by its folded form.
    const byTitle = library.importDigest(digest([paper('sleepy   robots.')], { date: '2024-03-15' }))
    for (const outcome of [byArxiv, byDoi, byTitle]) expect(outcome).toMatchObject({ papers: 1, added: 0 })
    expect(library.getPaper(1)).toMatchObject({ title: 'Gravel Lattices', doi: null, digests: [1, 2] })
    expect(library.getPaper(2)!.digests).toEqual([1, 3])
    expect(library.getPaper(3)!.digests).toEqual([1, 4])
    expect(library.stats().papers).toBe(3)
  })

  it('keeps papers apart when their identifiers disagree, whatever the titles say', () => {
    const library = memoryLibrary()
    library.importDigest(
      digest([paper('Introduction', { arxivId: '2401.00001' }), paper('Survey', { doi: '10.1000/a' })])
    )
    const outcome = library.importDigest(
      digest([paper('Introduction', { arxivId: '2402.00002' }), paper('Survey', { doi: '10.1000/b' })], { date: null })
    )
    expect(outcome).toMatchObject({ added: 2, merged: 0, unchanged: 0 })
    expect(library.stats().papers).toBe(4)
  })

  it('fills what the earlier record lacked and merges links without repeats', () => {
    const library = memoryLibrary()
    library.importDigest(digest([paper('Gravel Lattices', { links: [PROJECT] })]))
    const outcome = library.importDigest(
      digest(
        [
          paper('Gravel lattices', {
            authors: ['Ima Inventor', 'Otto Other'],
            abstract: 'We stack gravel into lattices.',
            arxivId: '2401.00001',
            arxivVersion: 2,
            doi: '10.1000/GRAVEL',
            links: [PROJECT, CODE],
            publishedAt: '2024-01-02',
            venue: 'Journal of Loose Materials'
          })
        ],
        { date: '2024-03-13' }
      )
    )
    expect(outcome).toMatchObject({ papers: 1, added: 0, merged: 1, unchanged: 0 })
    expect(library.getPaper(1)).toMatchObject({
      title: 'Gravel Lattices',
      authors: ['Ima Inventor', 'Otto Other'],
      abstract: 'We stack gravel into lattices.',
      arxivId: '2401.00001',
      doi: '10.1000/gravel',
      links: [PROJECT, CODE],
      hasCode: true,
      publishedAt: '2024-01-02',
      venue: 'Journal of Loose Materials'
    })
    // The filled-in text is searchable.
    expect(titles(library.search({ query: 'Inventor' }).items)).toEqual(['Gravel Lattices'])
    expect(titles(library.search({ query: 'lattices stack' }).items)).toEqual(['Gravel Lattices'])
  })

  it('never overwrites what the library has with a poorer record', () => {
    const library = memoryLibrary()
    library.importDigest(
      digest([paper('Gravel Lattices', { authors: ['Ima Inventor'], abstract: 'The first abstract.', links: [CODE] })])
    )
    const outcome = library.importDigest(
      digest([paper('Gravel Lattices', { abstract: 'A different abstract.' })], { date: '2024-03-13' })
    )
    expect(outcome).toMatchObject({ merged: 0, unchanged: 1 })
    expect(library.getPaper(1)).toMatchObject({
      authors: ['Ima Inventor'],
      abstract: 'The first abstract.',
      links: [CODE]
    })
  })

  it('takes the title and abstract of a newer arXiv version, but not of an older one', () => {
    const library = memoryLibrary()
    library.importDigest(
      digest([paper('Gravel Lattices', { arxivId: '2401.00001', arxivVersion: 2, abstract: 'Version two.' })])
    )
    library.importDigest(
      digest([paper('Pebble Lattices', { arxivId: '2401.00001', arxivVersion: 3, abstract: 'Version three.' })], {
        date: '2024-03-13'
      })
    )
    expect(library.getPaper(1)).toMatchObject({ title: 'Pebble Lattices', abstract: 'Version three.' })
    const older = library.importDigest(
      digest([paper('Gravel Lattices', { arxivId: '2401.00001', arxivVersion: 1, abstract: 'Version one.' })], {
        date: '2024-03-14'
      })
    )
    expect(older).toMatchObject({ merged: 0, unchanged: 1 })
    expect(library.getPaper(1)).toMatchObject({ title: 'Pebble Lattices', abstract: 'Version three.' })
    expect(titles(library.search({ query: 'pebble' }).items)).toEqual(['Pebble Lattices'])
    expect(library.search({ query: 'two' }).total).toBe(0)
  })

  it('never changes reading state of existing papers; hints apply to new papers only', () => {
    const clock = new TestClock()
    const library = memoryLibrary(clock)
    library.importDigest(digest([paper('Gravel Lattices'), paper('Humming Kettles')]))
    library.markRead([1], true)
    library.setStarred([2], true)
    library.saveNote(2, 'kettles!')
    clock.advanceMinutes(5)

    library.importDigest(
      digest(
        [
          paper('Gravel Lattices', { readHint: false, starHint: true, abstract: 'Now with an abstract.' }),
          paper('Humming Kettles', { readHint: true, starHint: false }),
          paper('Sleepy Robots', { readHint: true, starHint: true })
        ],
        { date: '2024-03-13' }
      )
    )
    expect(library.getPaper(1)).toMatchObject({ read: true, starred: false, abstract: 'Now with an abstract.' })
    expect(library.getPaper(2)).toMatchObject({ read: false, starred: true, note: 'kettles!' })
    expect(library.getPaper(3)).toMatchObject({ read: true, starred: true })
  })

  it('counts a paper already read in a new digest as read in that digest', () => {
    const library = memoryLibrary()
    library.importDigest(digest([paper('Gravel Lattices'), paper('Humming Kettles')]))
    library.markRead([1], true)
    const outcome = library.importDigest(
      digest([paper('Gravel Lattices'), paper('Sleepy Robots')], { date: '2024-03-13' })
    )
    expect(library.listDigests().find((d) => d.id === outcome.digestId)).toMatchObject({ total: 2, read: 1, unread: 1 })
  })
})

describe('an import that fails', () => {
  it('leaves the library exactly as it was', () => {
    const folder = tempFolder()
    const path = join(folder, 'library.sqlite')
    const library = track(openLibrary(path))
    library.importDigest(digest([paper('Gravel Lattices'), paper('Humming Kettles')]))
    library.markRead([2], true)
    const before = { papers: library.exportAll(), digests: library.listDigests(), stats: library.stats() }

    // The third entry's author list is not an array: the write fails after two papers went in.
    const broken = digest(
      [
        paper('Sleepy Robots'),
        paper('Gravel Lattices', { abstract: 'Would have been merged.' }),
        paper('Broken Entry', { authors: 'not a list' as unknown as string[] })
      ],
      { date: '2024-03-13' }
    )
    expect(() => library.importDigest(broken)).toThrow()

    expect(library.exportAll()).toEqual(before.papers)
    expect(library.listDigests()).toEqual(before.digests)
    expect(library.stats()).toEqual(before.stats)
    expect(library.search({ query: 'sleepy' }).total).toBe(0)
    // The same file imports cleanly once fixed: its hash was not recorded.
    const fixed = { ...broken, entries: broken.entries.slice(0, 2) }
    expect(library.importDigest(fixed)).toMatchObject({ added: 1, merged: 1, alreadyImported: false })
  })
})

describe('text that is not well-formed', () => {
  it('stores a lone surrogate (a cut-off emoji escape) as one U+FFFD, in papers and notes', () => {
    const library = memoryLibrary()
    library.importDigest(digest([paper('Kettles \ud83d at Scale', { authors: ['Ima \udc00Inventor'] })]))
    const [stored] = library.listPapers({ filter: { kind: 'all' } }).items
    expect(stored!.title).toBe('Kettles \ufffd at Scale')
    expect(stored!.authors).toEqual(['Ima \ufffdInventor'])
    library.saveNote(stored!.id, 'half a \ud83d')
    expect(library.getPaper(stored!.id)!.note).toBe('half a \ufffd')
  })
})
