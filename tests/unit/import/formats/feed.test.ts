import { describe, expect, it } from 'vitest'
import { feedParser } from '../../../../src/main/import/formats/feed'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const read = fixtureReader('feed')
const context = contextAt(new Date(2024, 5, 1))
const parse = (name: string) => feedParser.parse(read(name), context(name))

describe('feed detect', () => {
  it('recognizes RSS 2.0, Atom and RDF by content, whatever the file is called', () => {
    expect(feedParser.detect(read('journal-rss2.xml'), 'download')).toBeGreaterThanOrEqual(0.8)
    expect(feedParser.detect(read('papers.atom'), 'download.txt')).toBeGreaterThanOrEqual(0.8)
    expect(feedParser.detect(read('papers.rdf'), 'x')).toBeGreaterThanOrEqual(0.8)
  })

  it('gives only a weak guess for a feed extension without feed content', () => {
    expect(feedParser.detect('hello', 'notes.rss')).toBeLessThan(0.5)
    expect(feedParser.detect('hello', 'notes.txt')).toBe(0)
  })
})

describe('RSS 2.0 journal feed', () => {
  const result = parse('journal-rss2.xml')

  it('names the digest after the channel and spans the days of its items', () => {
    expect(result.digest).toEqual({
      title: 'Journal of Imaginary Computation: Latest Articles',
      dateFrom: '2024-03-12',
      dateTo: '2024-03-14'
    })
  })

  it('reads every titled item once, dropping an exact repeat', () => {
    expect(result.entries.map((entry) => entry.title)).toEqual([
      'Folding Paper Cranes with Gradient Descent',
      'Tea & Transformers: Steeping Times for Attention',
      'A Census of Left-Handed Robots'
    ])
  })

  it('warns, with its line, about the item that has no title', () => {
    expect(result.warnings).toEqual([{ line: 29, message: 'skipped an item without a title' }])
  })

  it('takes one author per dc:creator, splits a listed one, and keeps "Last, First" whole', () => {
    expect(result.entries.map((entry) => entry.authors)).toEqual([
      ['Marta Quillfeather', 'Osei Brandywine'],
      ['Lin Okonkwo-Hart', 'Pavel Sandoval', 'Ruth Ng'],
      ['Quillfeather, Marta']
    ])
  })

  it('reads the DOI, venue, day and links, with the code link from the abstract', () => {
    const [cranes] = result.entries
    expect(cranes).toMatchObject({
      doi: '10.5555/jic.2024.001',
      venue: 'Journal of Imaginary Computation',
      publishedAt: '2024-03-13',
      arxivId: null,
      arxivVersion: null,
      snippet: null,
      line: 15
    })
    expect(cranes!.links).toEqual([
      { url: 'https://jic.example.org/articles/10.5555/jic.2024.001', kind: 'other' },
      { url: 'https://github.com/example-lab/crane-descent', kind: 'code' }
    ])
  })

  it('keeps paragraphs of the abstract, white space inside them collapsed', () => {
    expect(result.entries[0]!.abstract).toBe(
      'We fold simulated paper cranes by descending a crease energy.\n\nCode is at https://github.com/example-lab/crane-descent.'
    )
  })

  it('turns content:encoded HTML into plain text and keeps its links', () => {
    const tea = result.entries[1]!
    expect(tea.abstract).toBe('We measure how long attention must steep.\n\nSecond paragraph with a project page.')
    expect(tea.links.map((link) => link.url)).toContain('https://teatime.example.net/project')
    expect(tea.publishedAt).toBe('2024-03-14')
  })

  it('uses the date the user gave over the dates in the file', () => {
    const overridden = feedParser.parse(read('journal-rss2.xml'), context('x.xml', '2024-01-05'))
    expect(overridden.digest).toMatchObject({ dateFrom: '2024-01-05', dateTo: '2024-01-05' })
  })
})

describe('Atom feed', () => {
  const result = parse('papers.atom')

  it('reads entries with their authors, ids, versions and PDF links', () => {
    expect(result.digest).toEqual({
      title: 'Preprints from the Example Lab',
      dateFrom: '2024-03-30',
      dateTo: '2024-04-02'
    })
    const [hedgehogs, survey] = result.entries
    expect(hedgehogs).toMatchObject({
      title: 'Sparse Hedgehogs Learn Faster',
      authors: ['Imogen Thistlewood', 'Kwame Aldershot'],
      arxivId: '2403.01234',
      arxivVersion: 3,
      abstract: 'Hedgehogs with fewer spines train faster & sleep longer.',
      publishedAt: '2024-03-30',
      line: 7
    })
    expect(hedgehogs!.links).toEqual([
      { url: 'https://arxiv.org/abs/2403.01234v3', kind: 'abs' },
      { url: 'https://arxiv.org/pdf/2403.01234v3', kind: 'pdf' }
    ])
    expect(survey).toMatchObject({ doi: '10.9999/tiny.survey.7', publishedAt: '2024-04-02', authors: ['Beatriz Qo'] })
  })

  it('reads XHTML content as text without the script inside it', () => {
    expect(result.entries[1]!.abstract).toBe('We survey surveys.')
  })

  it('does not take the feed-level author for the entries', () => {
    expect(result.entries.flatMap((entry) => entry.authors)).not.toContain('Feed Owner')
  })
})

describe('RSS 1.0 (RDF) feed', () => {
  const result = parse('papers.rdf')

  it('finds the items beside the channel and reads the dc fields', () => {
    expect(result.digest).toEqual({
      title: 'Bulletin of Speculative Botany',
      dateFrom: '2024-02-18',
      dateTo: '2024-02-19'
    })
    expect(result.entries).toHaveLength(2)
    expect(result.entries[0]).toMatchObject({
      title: 'Ferns That Count to Three',
      authors: ['Hana Wexley', 'Tomasz Ellery'],
      doi: '10.7777/bsb.0042',
      abstract: 'Some ferns unfurl in threes.',
      line: 17
    })
    expect(result.entries[1]).toMatchObject({
      authors: ['Ada Mbeki', 'Ivo Larkspur'],
      arxivId: '2402.07777',
      abstract: 'Moss remembers.'
    })
  })
})

describe('feeds built from Hugging Face papers', () => {
  it('takes the arXiv id from the paper page link and the code link from the description', () => {
    const result = parse('hf-derived.xml')
    expect(result.entries.map((entry) => entry.arxivId)).toEqual(['2405.00001', '2405.00002'])
    expect(result.entries[0]!.links).toContainEqual({
      url: 'https://github.com/whisper-lab/soft-diffusion',
      kind: 'code'
    })
    expect(result.digest).toMatchObject({ dateFrom: '2024-05-02', dateTo: '2024-05-03' })
  })
})

describe('hostile and broken feeds', () => {
  it('never expands DTD entities and lets no markup or javascript: link through', () => {
    const result = parse('hostile.xml')
    const [entry] = result.entries
    expect(result.digest.title).toBe('Hostile &lol3; Feed')
    expect(entry!.title).toBe('Harmless Title &xxe;')
    expect(entry!.abstract).toBe('Plain words\n\nclick and safe')
    expect(entry!.links).toEqual([{ url: 'https://safe.example.org/paper', kind: 'other' }])
    expect(entry!.authors).toEqual(['Mallory Vance'])
    const everything = JSON.stringify(result)
    expect(everything).not.toMatch(/<|javascript:|alert|cookie|passwd/)
  })

  it('keeps what a cut-off feed holds and warns at its last line', () => {
    const result = parse('truncated.xml')
    expect(result.entries.map((entry) => entry.title)).toEqual(['The First Complete Item', 'The Second Item Is Cut'])
    expect(result.warnings).toEqual([
      { line: 13, message: 'the feed ends before its closing tag; the last item may be incomplete' }
    ])
  })

  it('returns no entries for a feed without items, dated by its channel', () => {
    const result = parse('empty-channel.xml')
    expect(result.entries).toEqual([])
    expect(result.digest).toEqual({ title: 'Empty Feed', dateFrom: '2024-05-04', dateTo: '2024-05-04' })
  })

  it('refuses a document that is not a feed, naming the file and the root element', () => {
    expect(() => parse('not-a-feed.xml')).toThrow(ImportError)
    expect(() => parse('not-a-feed.xml')).toThrow(
      'not-a-feed.xml: not an RSS, Atom or RDF feed (the root element is <html>)'
    )
    expect(() => feedParser.parse('plain words, no markup', context('words.xml'))).toThrow(
      /words\.xml: not an XML feed/
    )
  })

  it('refuses XML nested absurdly deep as a malformed file', () => {
    const deep = `<rss><channel><item><title>${'<b>'.repeat(200_000)}x</title></item></channel></rss>`
    expect(() => feedParser.parse(deep, context('deep.xml'))).toThrow('deep.xml: XML nested deeper than 4000 elements')
    // No clock here (speed is the benchmark's): a quadratic step would run into the test's timeout.
  })

  it('keeps the words of an escaped description nested absurdly deep', () => {
    const deep = `<rss><channel><item><title>Deep</title><description>${'&lt;i&gt;'.repeat(100_000)}words</description></item></channel></rss>`
    expect(feedParser.parse(deep, context('deep.xml')).entries[0]!.abstract).toBe('words')
  })

  it('reads elements nested a few thousand deep without recursion', () => {
    const nested = `<rss><channel><item><title>${'<span>'.repeat(3000)}Nested title${'</span>'.repeat(3000)}</title><dc:creator>${'<x>'.repeat(3000)}Ann Bee${'</x>'.repeat(3000)}</dc:creator></item></channel></rss>`
    expect(feedParser.parse(nested, context('nested.xml')).entries[0]).toMatchObject({
      title: 'Nested title',
      authors: ['Ann Bee']
    })
  })

  it('reads a 3 MB feed in linear time', () => {
    const item = (i: number): string =>
      `<item><title>Invented paper ${i}</title><link>https://example.org/p/${i}</link>` +
      `<dc:creator>Ann Bee, Cee Dee and Eff Gee</dc:creator><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>` +
      `<description>&lt;p&gt;${'Words of an invented abstract. '.repeat(20)}&lt;/p&gt;</description></item>\n`
    const parts = ['<rss version="2.0"><channel><title>Big</title>\n']
    let size = 0
    for (let i = 0; size < 3_000_000; i++) size += parts[parts.push(item(i)) - 1]!.length
    const text = parts.join('') + '</channel></rss>\n'
    const result = feedParser.parse(text, context('big.xml'))
    // No clock here (speed is the benchmark's): a quadratic step would run into the test's timeout.
    expect(result.entries.length).toBe(parts.length - 1)
    expect(result.entries.at(-1)!.line).toBe(parts.length)
  })
})

describe('feeds read item by item', () => {
  it('gives the same papers, warnings and digest as a stream as in one parse, for every fixture feed', () => {
    for (const name of ['journal-rss2.xml', 'papers.atom', 'papers.rdf', 'truncated.xml', 'hf-derived.xml']) {
      const whole = parse(name)
      const stream = feedParser.stream!(read(name), context(name))
      expect([...stream.batches].flat()).toEqual(whole.entries)
      expect(stream.result()).toEqual({ digest: whole.digest, warnings: whole.warnings })
    }
  })

  it('finds items by their elements, not by text that looks like a closing tag, and counts lines from the file', () => {
    const xml = [
      '<?xml version="1.0"?>',
      '<rss version="2.0"><channel><title>Kettle Notes</title>',
      '<item><title>Whistling Points</title>',
      '<description><![CDATA[Steam escapes </item> at the spout.]]></description></item>',
      '<item><title>Quiet Boilers</title><pubDate>Tue, 12 Mar 2024 00:00:00 +0000</pubDate></item>',
      '<item><title>Quiet Boilers</title><pubDate>Tue, 12 Mar 2024 00:00:00 +0000</pubDate></item>',
      '</channel></rss>'
    ].join('\n')
    const result = feedParser.parse(xml, context('kettle.xml'))
    expect(result.entries.map((e) => [e.title, e.line])).toEqual([
      ['Whistling Points', 3],
      ['Quiet Boilers', 5]
    ])
    expect(result.entries[0]!.abstract).toBe('Steam escapes </item> at the spout.')
    expect(result.digest).toEqual({ title: 'Kettle Notes', dateFrom: '2024-03-12', dateTo: '2024-03-12' })
  })
})
