import { describe, expect, it } from 'vitest'
import type { ExportSelection } from '../../../src/shared/export'
import type { ExportPaper } from '../../../src/main/export/types'
import { LibraryError, type Library } from '../../../src/main/library'
import { EXPORT_BATCH } from '../../../src/main/library/export-rows'
import { digest, memoryLibrary, paper } from './helpers'

function exported(library: Library, selection: ExportSelection): { papers: ExportPaper[]; batches: number[] } {
  const papers: ExportPaper[] = []
  const batches: number[] = []
  const count = library.exportPapers(selection, (batch) => {
    batches.push(batch.length)
    papers.push(...batch)
  })
  expect(count).toBe(papers.length)
  return { papers, batches }
}

function titlesOf(library: Library, selection: ExportSelection): string[] {
  return exported(library, selection).papers.map((p) => p.title)
}

function smallLibrary(): Library {
  const library = memoryLibrary()
  library.importDigest(
    digest(
      [
        paper('Linear attention for long documents', { arxivId: '2403.00001', authors: ['Ada Lovelace'] }),
        paper('A survey of state space models', { doi: '10.1000/ssm', publishedAt: '2023-05-01' }),
        paper('Mamba goes to school', { arxivId: '2403.00003' }),
        paper('Quantum gravity in two dimensions', { arxivId: 'hep-th/9901001', subjects: ['hep-th'] })
      ],
      { title: 'Monday papers', date: '2024-03-11' }
    )
  )
  library.importDigest(
    digest([paper('Mamba goes to school', { arxivId: '2403.00003' }), paper('Attention sinks explained')], {
      title: 'Tuesday papers',
      date: '2024-03-12'
    })
  )
  library.markRead([1], true)
  library.setStarred([1, 3], true)
  library.saveNote(3, 'Read **section 2** first')
  library.tagPapers('To read', [2, 3])
  return library
}

describe('the papers an export writes', () => {
  it('are every paper, oldest first, with their state, tags, digests and page', () => {
    const { papers } = exported(smallLibrary(), { filter: { kind: 'all' } })
    expect(papers.map((p) => p.title)).toEqual([
      'Linear attention for long documents',
      'A survey of state space models',
      'Mamba goes to school',
      'Quantum gravity in two dimensions',
      'Attention sinks explained'
    ])
    const mamba = papers[2]!
    expect(mamba).toMatchObject({
      read: false,
      starred: true,
      note: 'Read **section 2** first',
      tags: ['To read'],
      url: 'https://arxiv.org/abs/2403.00003',
      year: 2024,
      date: null
    })
    expect(mamba.digests.map((d) => [d.title, d.date])).toEqual([
      ['Monday papers', '2024-03-11'],
      ['Tuesday papers', '2024-03-12']
    ])
    expect(papers[1]).toMatchObject({ url: 'https://doi.org/10.1000/ssm', year: 2023, date: '2023-05-01' })
    expect(papers[3]!.primaryClass).toBe('hep-th')
  })

  it('follow the filters: starred, unread, a tag, a digest, and several at once', () => {
    const library = smallLibrary()
    const tag = library.tags()[0]!.id
    expect(titlesOf(library, { filter: { kind: 'starred' } })).toEqual([
      'Linear attention for long documents',
      'Mamba goes to school'
    ])
    expect(titlesOf(library, { filter: { kind: 'unread' } })).toHaveLength(4)
    expect(titlesOf(library, { filter: { kind: 'tag', tagId: tag } })).toEqual([
      'A survey of state space models',
      'Mamba goes to school'
    ])
    expect(titlesOf(library, { filter: { kind: 'digest', digestId: 2 } })).toEqual([
      'Mamba goes to school',
      'Attention sinks explained'
    ])
    expect(titlesOf(library, { filter: { kind: 'starred' }, also: [{ kind: 'tag', tagId: tag }] })).toEqual([
      'Mamba goes to school'
    ])
  })

  it('follow a search query within a filter, with the search field language and its typo correction', () => {
    const library = smallLibrary()
    expect(titlesOf(library, { filter: { kind: 'all' }, query: 'attention' })).toEqual([
      'Linear attention for long documents',
      'Attention sinks explained'
    ])
    expect(titlesOf(library, { filter: { kind: 'unread' }, query: 'attention' })).toEqual(['Attention sinks explained'])
    expect(titlesOf(library, { filter: { kind: 'all' }, query: 'is:starred -mamba' })).toEqual([
      'Linear attention for long documents'
    ])
    expect(titlesOf(library, { filter: { kind: 'all' }, query: 'atention' })).toHaveLength(2)
    expect(titlesOf(library, { filter: { kind: 'all' }, query: 'nothingmatcheshere' })).toEqual([])
  })

  it('are the given ids in the order given, each once, unknown ones left out', () => {
    expect(titlesOf(smallLibrary(), { ids: [5, 1, 5, 999] })).toEqual([
      'Attention sinks explained',
      'Linear attention for long documents'
    ])
  })

  it('refuse a digest or tag that is not there instead of writing an empty file', () => {
    const library = smallLibrary()
    expect(() => exported(library, { filter: { kind: 'digest', digestId: 42 } })).toThrow(LibraryError)
    expect(() => exported(library, { filter: { kind: 'tag', tagId: 42 } })).toThrow(/no tag with id 42/)
  })

  it('come in batches, never all the rows at once', () => {
    const library = memoryLibrary()
    const many = Array.from({ length: EXPORT_BATCH * 2 + 7 }, (_, i) => paper(`Invented paper number ${i + 1}`))
    library.importDigest(digest(many))
    library.setStarred([3, EXPORT_BATCH + 3], true)
    expect(exported(library, { filter: { kind: 'all' } }).batches).toEqual([EXPORT_BATCH, EXPORT_BATCH, 7])
    expect(exported(library, { filter: { kind: 'all' }, query: 'invented' }).batches).toEqual([
      EXPORT_BATCH,
      EXPORT_BATCH,
      7
    ])
    expect(exported(library, { filter: { kind: 'starred' } }).papers.map((p) => p.id)).toEqual([3, EXPORT_BATCH + 3])
  })
})
