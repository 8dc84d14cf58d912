// Each part of the query language on a small invented library.
import { describe, expect, it } from 'vitest'
import { digest, memoryLibrary, paper, titles } from './helpers'

function library() {
  const lib = memoryLibrary()
  lib.importDigest(
    digest(
      [
        paper('Kelp Forests Under Heat', {
          authors: ['Mara Quill', 'Tobias Fenn'],
          abstract: 'A survey of kelp die-off in warm water.',
          publishedAt: '2021-06-01',
          arxivId: '2106.00001'
        }),
        paper('Tidal Pools as Laboratories', {
          authors: ['Tobias Fenn'],
          abstract: 'Small-scale experiments in tidal pools.',
          publishedAt: '2023-02-10',
          doi: '10.5555/tide.7'
        }),
        paper('Urchin Barrens', {
          authors: ['Lio Marsh'],
          abstract: 'Urchins graze kelp until nothing is left.',
          publishedAt: '2024-03-05',
          links: [{ url: 'https://github.com/example/urchins', kind: 'code' }]
        })
      ],
      { title: 'Ocean Weekly', date: '2024-03-12' }
    )
  )
  lib.importDigest(
    digest([paper('Seagrass Meadows and Carbon', { abstract: 'Meadows store carbon; kelp does too.' })], {
      title: 'Coast Digest',
      date: '2024-04-01'
    })
  )
  return lib
}

const found = (lib: ReturnType<typeof library>, query: string, sort?: 'date' | 'title') =>
  titles(lib.search({ query, ...(sort ? { sort } : {}) }).items)

describe('the query language', () => {
  it('prefixes from the first letter, whole words first', () => {
    const lib = library()
    expect(found(lib, 'b')).toEqual(['Urchin Barrens'])
    expect(found(lib, 'u', 'title')).toEqual(['Kelp Forests Under Heat', 'Urchin Barrens'])
    expect(found(lib, 'ur')).toEqual(['Urchin Barrens'])
    expect(found(lib, 'tid')).toEqual(['Tidal Pools as Laboratories'])
    expect(found(lib, 'tid ')).toEqual([])
  })

  it('ranks papers with a short word itself before the longer words it begins', () => {
    const lib = memoryLibrary()
    lib.importDigest(
      digest([
        paper('Attention by Li', { authors: ['Wei Li'], abstract: 'Heads.' }),
        paper('An AI Agenda', { abstract: 'What ai can do.' }),
        paper('Linear Probes', { abstract: 'Lines.' }),
        paper('Aims and Airs', { abstract: 'Air.' })
      ])
    )
    lib.importDigest(digest([paper('Lithium Cells', { abstract: 'Lists.' })], { date: '2024-06-01' }))
    // The whole word first (ranked), the other matches newest first; other orders as asked.
    expect(found(lib, 'li')).toEqual(['Attention by Li', 'Lithium Cells', 'Linear Probes'])
    expect(found(lib, 'li', 'date')).toEqual(['Lithium Cells', 'Linear Probes', 'Attention by Li'])
    expect(found(lib, 'ai')).toEqual(['An AI Agenda', 'Aims and Airs'])
    expect(found(lib, 'l')).toEqual(['Lithium Cells', 'Linear Probes', 'Attention by Li'])
    expect(found(lib, 'attention l')).toEqual(['Attention by Li'])
    expect(found(lib, '-lines li')).toEqual(['Attention by Li', 'Lithium Cells'])
  })

  it('phrases, OR, exclusions and groups', () => {
    const lib = library()
    expect(found(lib, '"tidal pools"')).toEqual(['Tidal Pools as Laboratories'])
    expect(found(lib, '"die off"')).toEqual(['Kelp Forests Under Heat'])
    expect(found(lib, '"pools tidal"')).toEqual([])
    expect(found(lib, 'urchin OR seagrass').sort()).toEqual(['Seagrass Meadows and Carbon', 'Urchin Barrens'])
    expect(found(lib, 'kelp -urchins -carbon')).toEqual(['Kelp Forests Under Heat'])
    expect(found(lib, 'kelp NOT survey').sort()).toEqual(['Seagrass Meadows and Carbon', 'Urchin Barrens'])
    expect(found(lib, '(urchin OR tidal) -small')).toEqual(['Urchin Barrens'])
    expect(found(lib, '-kelp')).toEqual(['Tidal Pools as Laboratories'])
  })

  it('fields', () => {
    const lib = library()
    expect(found(lib, 'title:kelp')).toEqual(['Kelp Forests Under Heat'])
    expect(found(lib, 'author:fenn', 'title')).toEqual(['Kelp Forests Under Heat', 'Tidal Pools as Laboratories'])
    expect(found(lib, 'author:"Tobias Fenn" -title:kelp')).toEqual(['Tidal Pools as Laboratories'])
    expect(found(lib, 'abstract:graze')).toEqual(['Urchin Barrens'])
    expect(found(lib, 'year:2023')).toEqual(['Tidal Pools as Laboratories'])
    expect(found(lib, 'year:2021..2023', 'date')).toEqual(['Tidal Pools as Laboratories', 'Kelp Forests Under Heat'])
    expect(found(lib, 'before:2023-02-10')).toEqual(['Kelp Forests Under Heat'])
    expect(found(lib, 'after:2024-03', 'title')).toEqual(['Seagrass Meadows and Carbon'])
    expect(found(lib, 'arxiv:2106.00001v3')).toEqual(['Kelp Forests Under Heat'])
    expect(found(lib, 'arxiv:2106')).toEqual(['Kelp Forests Under Heat'])
    expect(found(lib, 'doi:https://doi.org/10.5555/TIDE.7')).toEqual(['Tidal Pools as Laboratories'])
    expect(found(lib, 'digest:coast')).toEqual(['Seagrass Meadows and Carbon'])
    expect(found(lib, 'digest:2')).toEqual(['Seagrass Meadows and Carbon'])
    expect(found(lib, 'kelp digest:"ocean weekly"', 'title')).toEqual(['Kelp Forests Under Heat', 'Urchin Barrens'])
    // No paper carries a tag or a subject yet; then tag:, case aside, finds the tagged ones.
    expect(found(lib, 'tag:ocean')).toEqual([])
    expect(found(lib, 'kelp OR subject:biology')).toHaveLength(3)
    lib.tagPapers('Ocean', [1])
    expect(found(lib, 'tag:ocean')).toHaveLength(1)
    expect(found(lib, 'tag:OCEAN -tag:other')).toHaveLength(1)
  })

  it('states', () => {
    const lib = library()
    lib.markRead([1], true)
    lib.setStarred([2], true)
    lib.saveNote(3, 'Reread the grazing section')
    expect(found(lib, 'kelp is:unread', 'title')).toEqual(['Seagrass Meadows and Carbon', 'Urchin Barrens'])
    expect(found(lib, 'is:read')).toEqual(['Kelp Forests Under Heat'])
    expect(found(lib, 'is:starred')).toEqual(['Tidal Pools as Laboratories'])
    expect(found(lib, 'has:code')).toEqual(['Urchin Barrens'])
    expect(found(lib, 'has:note')).toEqual(['Urchin Barrens'])
    expect(found(lib, 'note:grazing')).toEqual(['Urchin Barrens'])
    expect(found(lib, 'has:abstract')).toHaveLength(4)
    expect(found(lib, 'is:starred OR has:code', 'title')).toEqual(['Tidal Pools as Laboratories', 'Urchin Barrens'])
  })

  it('corrects a typo from the library vocabulary and says so', () => {
    const lib = library()
    const page = lib.search({ query: 'urchni' })
    expect(titles(page.items)).toEqual(['Urchin Barrens'])
    expect(page.corrections).toEqual([{ word: 'urchni', replacement: 'urchin' }])
    expect(lib.search({ query: 'meadwos carbon' }).corrections).toEqual([{ word: 'meadwos', replacement: 'meadows' }])
    expect(lib.search({ query: 'zzzzzzzz' })).toMatchObject({ total: 0, corrections: [] })
  })

  it('sorts by relevance, date or title', () => {
    const lib = library()
    expect(found(lib, 'kelp')[0]).toBe('Kelp Forests Under Heat')
    expect(found(lib, 'kelp', 'date')).toEqual([
      'Seagrass Meadows and Carbon',
      'Urchin Barrens',
      'Kelp Forests Under Heat'
    ])
    expect(found(lib, 'kelp', 'title')).toEqual([
      'Kelp Forests Under Heat',
      'Seagrass Meadows and Carbon',
      'Urchin Barrens'
    ])
  })

  it('prefers the newer paper when two rank the same', () => {
    const lib = memoryLibrary()
    lib.importDigest(digest([paper('Twin Study'), paper('Twin Study Again')]))
    lib.importDigest(digest([paper('Twin Study Once More')], { date: '2024-05-01' }))
    lib.importDigest(digest([paper('Twin Study, Later')], { date: '2024-06-01' }))
    const page = lib.search({ query: 'twin study' })
    expect(page.items[0]!.rank).toBeLessThanOrEqual(page.items[1]!.rank)
    const ties = page.items.filter((hit) => hit.rank === page.items[page.items.length - 1]!.rank)
    expect(ties.map((hit) => hit.id)).toEqual([...ties.map((hit) => hit.id)].sort((a, b) => b - a))
  })
})
