import { describe, expect, it } from 'vitest'
import { parseByline, scholarAlertParser, unwrapScholarUrl } from '../../../../src/main/import/formats/scholar-alert'
import { ImportError } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const read = fixtureReader('scholar-alert')
const context = contextAt(new Date(2024, 2, 14))

describe('Google Scholar alert HTML', () => {
  const html = read('alert.html')
  const result = scholarAlertParser.parse(html, context('alert.html'))

  it('is detected from its title links', () => {
    expect(scholarAlertParser.detect(html, 'alert.html')).toBeGreaterThan(0.9)
    expect(scholarAlertParser.detect('<html><body><h3>Hello</h3></body></html>', 'a.html')).toBe(0)
  })

  it('reads every result with its title, without the [PDF]/[HTML] tags', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      'Modelling Tidal Ripples with Sparse Lattice Solvers',
      'Estuarine Mud Budgets Under Shifting Storm Regimes',
      'A Field Guide to Sand Waves in Imaginary Channels',
      'Sediment Plumes and the Long “Quiet” Tide'
    ])
    expect(result.digest.title).toBe('Scholar Alert - [ tidal sediment transport ]')
    expect(result.warnings).toEqual([])
  })

  it('unwraps the real URL from the scholar redirect and finds arXiv ids and DOIs in it', () => {
    const [first, second, third, fourth] = result.entries
    expect(first!.links).toEqual([{ url: 'https://arxiv.org/pdf/2403.04512v2', kind: 'pdf' }])
    expect(first!.arxivId).toBe('2403.04512')
    expect(first!.arxivVersion).toBe(2)
    expect(second!.links).toEqual([{ url: 'https://doi.org/10.5555/INVENTED.2024.0042', kind: 'doi' }])
    expect(second!.doi).toBe('10.5555/invented.2024.0042')
    expect(third!.arxivId).toBeNull()
    expect(third!.doi).toBeNull()
    expect(third!.links).toEqual([{ url: 'https://example.org/papers/sand-waves.html', kind: 'other' }])
    expect(fourth!.doi).toBe('10.5555/3600000.3600123')
  })

  it('reads authors and venue from the byline, dropping the truncation ellipsis', () => {
    const [first, second, third, fourth] = result.entries
    expect(first!.authors).toEqual(['Q Marlowe', 'T Ibsen-Varga', 'R Okonkwo'])
    expect(first!.venue).toBe('arXiv preprint arXiv:2403.04512, 2024')
    expect(second!.authors).toEqual(['L Fenwick', 'M Adeyemi', 'S Kowalczyk', 'P Lindqvist'])
    expect(second!.venue).toBe('Journal of Invented Coastal Studies, 2024')
    expect(third!.authors).toEqual(['B Tremaine'])
    expect(third!.venue).toBeNull()
    expect(fourth!.venue).toBe('Proceedings of the Invented Conference on Shores, 2023')
  })

  it('keeps the snippet as a snippet, never as an abstract', () => {
    for (const entry of result.entries) expect(entry.abstract).toBeNull()
    expect(result.entries[0]!.snippet).toBe(
      'We propose a lattice method for ripple growth on tidal flats. The solver scales to basins of …'
    )
  })

  it('gives each result the line of its title in the file', () => {
    expect(result.entries.map((e) => e.line)).toEqual([4, 9, 13, 17])
  })

  it('takes the date only from the user when the HTML stands alone', () => {
    expect(result.digest.dateFrom).toBeNull()
    const dated = scholarAlertParser.parse(html, { ...context('alert.html'), dateOverride: '2024-03-10' })
    expect(dated.digest).toMatchObject({ dateFrom: '2024-03-10', dateTo: '2024-03-10' })
  })
})

describe('hostile alert HTML', () => {
  const result = scholarAlertParser.parse(read('hostile.html'), context('hostile.html'))

  it('turns markup into text and drops scripts', () => {
    expect(result.entries.map((e) => e.title)).toEqual(['Harmless Looking Title', 'Second Title With Bad Redirect'])
    expect(result.entries[0]!.authors).toEqual(['Eve Example', 'Mallory Sample'])
    expect(result.entries[0]!.snippet).toBe('A snippet with <script>escaped</script> text and a link')
  })

  it('never keeps a javascript: link, even wrapped in a redirect', () => {
    expect(result.entries[0]!.links).toEqual([])
    expect(result.entries[1]!.links).toEqual([])
  })

  it('warns about a result whose title is only a script', () => {
    expect(result.warnings).toEqual([{ line: 8, message: 'a Scholar result without a title was skipped' }])
  })
})

describe('Scholar alert helpers and errors', () => {
  it('refuses an alert with no results, naming the file', () => {
    expect(() => scholarAlertParser.parse(read('empty-alert.html'), context('empty-alert.html'))).toThrowError(
      ImportError
    )
    expect(() => scholarAlertParser.parse(read('empty-alert.html'), context('empty-alert.html'))).toThrowError(
      /empty-alert\.html: no Google Scholar alert results/
    )
  })

  it('unwraps only scholar_url redirects', () => {
    expect(unwrapScholarUrl('https://scholar.google.co.uk/scholar_url?url=https%3A%2F%2Fa.org%2Fp%3Fx%3D1&hl=en')).toBe(
      'https://a.org/p?x=1'
    )
    expect(unwrapScholarUrl('https://scholar.google.com/citations?user=x')).toBeNull()
    expect(unwrapScholarUrl('not a url at all')).toBeNull()
  })

  it('reads bylines with only authors, or with a truncated author list', () => {
    expect(parseByline('A Person, B Person')).toEqual({ authors: ['A Person', 'B Person'], venue: null })
    expect(parseByline('A\u00a0Person, B Pers…\u00a0- Some Venue…, 2021 - host.org')).toEqual({
      authors: ['A Person', 'B Pers'],
      venue: 'Some Venue, 2021'
    })
  })
})
