import { describe, expect, it } from 'vitest'
import { LATEST_VERSION } from '../../../src/main/library/migrations'
import { digest, memoryLibrary, paper } from './helpers'

function mergedLibrary() {
  const library = memoryLibrary()
  const arxiv = library.importDigest(
    digest(
      [paper('Gravel Lattices', { authors: ['Ima Inventor'], abstract: 'Packing pebbles.', arxivId: '2401.00001' })],
      {
        title: 'arXiv e-mail'
      }
    )
  )
  // A colleague's list names a different paper with the same title and no identifiers.
  const outcome = library.importDigest(
    digest(
      [
        paper('Gravel lattices', {
          abstract: 'Road surfaces.',
          links: [{ url: 'https://roads.example/g', kind: 'other' }]
        })
      ],
      {
        title: 'Colleague list',
        date: '2024-03-13'
      }
    )
  )
  expect(outcome.merged).toBe(1)
  return { library, arxiv: arxiv.digestId, colleague: outcome.digestId }
}

describe('splitting a wrong merge', () => {
  it('makes the merged entry a paper of its own again, and the first paper as it was', () => {
    const { library, arxiv, colleague } = mergedLibrary()
    const [paperBefore] = library.listPapers({ filter: { kind: 'all' } }).items
    expect(library.getPaper(paperBefore!.id)!.digests).toEqual([arxiv, colleague])
    const merges = library.merges.of(paperBefore!.id)
    expect(merges.map((m) => [m.digestTitle, m.matchedBy, m.title])).toEqual([
      ['Colleague list', 'title', 'Gravel lattices']
    ])

    const split = library.merges.split(paperBefore!.id)
    const first = library.getPaper(split.paperId)!
    const second = library.getPaper(split.newPaperId)!
    expect(first.digests).toEqual([arxiv])
    expect(first.links.map((l) => l.url)).not.toContain('https://roads.example/g')
    expect(second.digests).toEqual([colleague])
    expect(second.abstract).toBe('Road surfaces.')
    expect(second.links.map((l) => l.url)).toContain('https://roads.example/g')
    expect(library.listPapers({ filter: { kind: 'all' } }).total).toBe(2)
    expect(library.search({ query: 'road' }).items.map((p) => p.id)).toEqual([split.newPaperId])
    expect(library.merges.of(split.paperId)).toEqual([])
  })

  it('says clearly when there is nothing to split or the digest is not one of its merges', () => {
    const { library } = mergedLibrary()
    const id = library.listPapers({ filter: { kind: 'all' } }).items[0]!.id
    expect(() => library.merges.split(id, 999)).toThrow(
      /was not merged from digest 999; it was from digest \d+ 'Colleague list' \(by title\)/
    )
    library.merges.split(id)
    expect(() => library.merges.split(id)).toThrow(`Paper ${id} was never merged: nothing to split.`)
    expect(() => library.merges.split(4242)).toThrow('No paper with id 4242.')
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(17)
  })

  it('does not record papers joined by arXiv id', () => {
    const library = memoryLibrary()
    library.importDigest(digest([paper('Kettles', { arxivId: '2402.00002', arxivVersion: 1 })]))
    library.importDigest(
      digest([paper('Kettles, revised', { arxivId: '2402.00002', arxivVersion: 2 })], { date: '2024-03-14' })
    )
    const id = library.listPapers({ filter: { kind: 'all' } }).items[0]!.id
    expect(library.merges.of(id)).toEqual([])
  })
})
