import { describe, expect, it } from 'vitest'
import { arxivRssParser } from '../../../../src/main/import/formats/arxiv-rss'
import { feedParser } from '../../../../src/main/import/formats/feed'
import { contextAt, fixtureReader } from './fixtures'

const read = fixtureReader()
const context = contextAt(new Date(2024, 5, 1))
const parse = (name: string) => arxivRssParser.parse(read(name), context(name))

describe('arxiv-rss detect', () => {
  it('claims arXiv feeds more surely than the generic feed parser does', () => {
    for (const name of ['arxiv-rss/cs-xx-new.xml', 'arxiv-rss/cs-yy-old.rdf']) {
      const text = read(name)
      expect(arxivRssParser.detect(text, 'feed')).toBeGreaterThan(feedParser.detect(text, 'feed'))
    }
  })

  it('leaves other feeds and other text alone', () => {
    expect(arxivRssParser.detect(read('feed/journal-rss2.xml'), 'journal.xml')).toBe(0)
    expect(arxivRssParser.detect(read('feed/hf-derived.xml'), 'hf.xml')).toBe(0)
    expect(arxivRssParser.detect('Announce Type: new', 'notes.txt')).toBe(0)
  })
})

describe('current arXiv RSS', () => {
  const result = parse('arxiv-rss/cs-xx-new.xml')

  it('names the digest after the channel and spans the days of its items', () => {
    expect(result.digest).toEqual({ title: 'cs.XX updates on arXiv.org', dateFrom: '2024-01-08', dateTo: '2024-01-09' })
  })

  it('reads new, cross-listed and replaced papers with ids and versions', () => {
    expect(result.entries.map((entry) => [entry.title, entry.arxivId, entry.arxivVersion])).toEqual([
      ['Quantized Owls: Nocturnal Inference at Four Bits', '2401.04001', 1],
      ['Cross-Listed Lemmas for Lazy Learners', '2401.04017', 2],
      ['Revisiting the Teapot Benchmark', '2312.11111', 3]
    ])
  })

  it('strips the announcement prefix and keeps math with < and > intact', () => {
    expect(result.entries[0]!.abstract).toBe(
      'We quantize owls to four bits and find that they still hoot when $x<y$ and sleep when $y > x$. ' +
        'Inference costs drop by 3 & more.'
    )
  })

  it('splits comma-separated authors, with "and" and an Oxford comma', () => {
    expect(result.entries[0]!.authors).toEqual([
      'Yara Pemberton-Okafor',
      'Lucas Vandermeer',
      'Anand Rao',
      'Zofia Kestrel'
    ])
    expect(result.entries[2]!.authors).toEqual(['Oona Halvorsen', 'Dev Castellanos', 'Grace Ibekwe'])
  })

  it('gives the abs link, the day and the line of each item', () => {
    expect(result.entries[1]).toMatchObject({
      links: [{ url: 'https://arxiv.org/abs/2401.04017', kind: 'abs' }],
      publishedAt: '2024-01-09',
      doi: null,
      venue: null,
      snippet: null,
      line: 31
    })
  })

  it('drops a script from an abstract and warns about the item without a title', () => {
    expect(result.entries[2]!.abstract).toBe('The teapot benchmark, revisited with cleaner splits.')
    expect(result.warnings).toEqual([{ line: 54, message: 'skipped an item without a title' }])
  })
})

describe('older arXiv RSS 1.0 feeds', () => {
  const result = parse('arxiv-rss/cs-yy-old.rdf')

  it('takes the id out of the title and leaves the title clean', () => {
    expect(result.entries.map((entry) => [entry.title, entry.arxivId, entry.arxivVersion])).toEqual([
      ['Self-Folding Maps for Travelling Salesmen', '2304.02012', 1],
      ['Why Ducks Queue', '2209.00042', 4]
    ])
  })

  it('reads authors and abstracts out of their HTML as plain text', () => {
    expect(result.entries[0]!.authors).toEqual(['Beatriz Ferreira', 'Kenji Nakamura'])
    expect(result.entries[0]!.abstract).toBe(
      'Maps that fold themselves save salesmen an average of four minutes per trip. We also fold atlases.'
    )
    expect(JSON.stringify(result.entries)).not.toMatch(/javascript:|<a|arxiv\.org\/find/)
  })

  it('dates the digest by the channel when items carry no dates', () => {
    expect(result.digest).toEqual({ title: 'cs.YY updates on arXiv.org', dateFrom: '2023-04-06', dateTo: '2023-04-06' })
    expect(result.entries.map((entry) => entry.publishedAt)).toEqual([null, null])
  })
})
