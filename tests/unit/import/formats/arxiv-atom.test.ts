import { describe, expect, it } from 'vitest'
import { arxivAtomParser } from '../../../../src/main/import/formats/arxiv-atom'
import { feedParser } from '../../../../src/main/import/formats/feed'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const read = fixtureReader()
const context = contextAt(new Date(2024, 5, 1))
const parse = (name: string) => arxivAtomParser.parse(read(name), context(name))

describe('arxiv-atom detect', () => {
  it('claims API results over the generic feed parser and leaves other Atom feeds alone', () => {
    const api = read('arxiv-atom/query.atom')
    expect(arxivAtomParser.detect(api, 'query')).toBeGreaterThan(feedParser.detect(api, 'query'))
    expect(arxivAtomParser.detect(read('feed/papers.atom'), 'papers.atom')).toBe(0)
    expect(arxivAtomParser.detect(read('arxiv-rss/cs-xx-new.xml'), 'cs.xml')).toBe(0)
  })
})

describe('arXiv API results', () => {
  const result = parse('arxiv-atom/query.atom')

  it('reads each entry with its id and version, old-style ids included', () => {
    expect(result.entries.map((entry) => [entry.arxivId, entry.arxivVersion])).toEqual([
      ['2401.05555', 2],
      ['hep-th/9901001', 1]
    ])
  })

  it('joins wrapped titles and summaries into clean text, keeping paragraphs', () => {
    const [bees, strings] = result.entries
    expect(bees!.title).toBe('Bees Do Gradient Descent: Foraging as Stochastic Optimization')
    expect(bees!.abstract).toBe(
      'We model honeybee foraging as stochastic gradient descent on a nectar landscape. ' +
        'Code: https://github.com/hive-mind/bee-sgd.'
    )
    expect(strings!.abstract).toBe('Sticky strings.\n\nA second paragraph.')
  })

  it('reads authors without affiliations, the DOI, the journal reference and the first publication day', () => {
    expect(result.entries[0]).toMatchObject({
      authors: ['Greta Honigsberg', 'Tomás Ebrahimi-Lund'],
      doi: '10.4444/bees.2024.17',
      venue: 'Journal of Invented Entomology 3 (2024) 1-12',
      publishedAt: '2024-01-10',
      snippet: null,
      line: 10
    })
  })

  it('gives the abstract page, the PDF, the DOI page and links from the summary and comment', () => {
    expect(result.entries[0]!.links).toEqual([
      { url: 'http://arxiv.org/abs/2401.05555v2', kind: 'abs' },
      { url: 'http://arxiv.org/pdf/2401.05555v2', kind: 'pdf' },
      { url: 'http://dx.doi.org/10.4444/Bees.2024.17', kind: 'doi' },
      { url: 'https://github.com/hive-mind/bee-sgd', kind: 'code' },
      { url: 'https://bees.example.org/sgd', kind: 'other' }
    ])
  })

  it('spans the digest over the entries and ignores the search totals', () => {
    expect(result.digest).toEqual({
      title: 'ArXiv Query: search_query=all:bees&id_list=&start=0&max_results=3',
      dateFrom: '1999-01-02',
      dateTo: '2024-01-10'
    })
    expect(result.entries).toHaveLength(2)
  })

  it('warns about the entry without a title', () => {
    expect(result.warnings).toEqual([{ line: 49, message: 'skipped an entry without a title' }])
  })
})

describe('arXiv API errors', () => {
  it('reports the error the API returned instead of an empty import', () => {
    expect(() => parse('arxiv-atom/error.atom')).toThrow(ImportError)
    expect(() => parse('arxiv-atom/error.atom')).toThrow(
      'arxiv-atom/error.atom:7: the arXiv API reported an error: incorrect id format for not-an-id'
    )
  })

  it('refuses text that is not a feed', () => {
    expect(() => arxivAtomParser.parse('{"not": "xml"}', context('q.atom'))).toThrow(/q\.atom: not an XML feed/)
  })
})
