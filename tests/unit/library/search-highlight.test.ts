import { describe, expect, it } from 'vitest'
import { highlightPaper, highlightTerms, SNIPPET_WORDS } from '../../../src/main/library/search-highlight'
import { parseQuery } from '../../../src/shared/query'

const paper = (fields: { title?: string; authors?: string[]; abstract?: string | null; note?: string | null }) => ({
  title: 'Untitled',
  authors: [],
  abstract: null,
  snippet: null,
  note: null,
  ...fields
})

function marks(query: string, fields: Parameters<typeof paper>[0]) {
  return highlightPaper(paper(fields), highlightTerms(parseQuery(query)!))
}

const marked = (parts: { text: string; match: boolean }[]) => parts.filter((p) => p.match).map((p) => p.text)
const text = (parts: { text: string; match: boolean }[]) => parts.map((p) => p.text).join('')

describe('highlights marked from the papers’ own text', () => {
  it('marks whole words and the words a last word being typed begins, accents and case aside', () => {
    const hit = marks('kettle crè', { title: 'Crème Brûlée and the Kettle', abstract: 'A kettle boils; crèmes set.' })
    expect(hit.titleParts).toEqual([
      { text: 'Crème', match: true },
      { text: ' Brûlée and the ', match: false },
      { text: 'Kettle', match: true }
    ])
    expect(marked(hit.snippetParts)).toEqual(['kettle', 'crèmes'])
    expect(text(hit.snippetParts)).toBe('A kettle boils; crèmes set.')
  })

  it('marks a phrase only where its words stand together, hyphen or space', () => {
    const hit = marks('"in context learning"', {
      title: 'Learning in context',
      abstract: 'Learning in context is not in-context learning, nor in context learning.'
    })
    expect(marked(hit.titleParts)).toEqual([])
    expect(marked(hit.snippetParts)).toEqual(['in', 'context', 'learning', 'in', 'context', 'learning'])
  })

  it('marks a field only in its column, and nothing a NOT excludes', () => {
    const hit = marks('title:kettle -toast', { title: 'Kettle toast', abstract: 'A kettle and toast.' })
    expect(marked(hit.titleParts)).toEqual(['Kettle'])
    expect(marked(hit.snippetParts)).toEqual([])
  })

  it('marks only the letter itself for a one-letter prefix, and every word two letters begin', () => {
    expect(marked(marks('k', { title: 'K is for kettle' }).titleParts)).toEqual(['K'])
    expect(marked(marks('ke', { title: 'K is for kettle' }).titleParts)).toEqual(['kettle'])
  })

  it('cuts a long abstract to the words around the best run of matches, with ellipses', () => {
    const filler = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')
    const abstract = `${filler(50, 'lead')} kettle ${filler(5, 'mid')} kettle ${filler(50, 'tail')}.`
    const parts = marks('kettle', { abstract }).snippetParts
    expect(parts[0]).toEqual({ text: '…', match: false })
    expect(parts[parts.length - 1]).toEqual({ text: '…', match: false })
    expect(marked(parts)).toEqual(['kettle', 'kettle'])
    const words = text(parts).replace(/…/g, '').trim().split(/\s+/)
    expect(words).toHaveLength(SNIPPET_WORDS)
    // The two matches sit in the middle of the window, not at its edge.
    expect(words.indexOf('kettle')).toBeGreaterThan(5)
  })

  it('shows the start of the abstract when only the title matched', () => {
    const parts = marks('kettle', { title: 'Kettle', abstract: `Words ${'and more '.repeat(40)}` }).snippetParts
    expect(text(parts).startsWith('Words and more')).toBe(true)
    expect(parts[parts.length - 1]!.text).toBe('…')
  })

  it('prefers the note, then the abstract, then the authors', () => {
    expect(text(marks('avery', { authors: ['Ann Avery', 'Bo Li'], abstract: 'Nothing here.' }).snippetParts)).toBe(
      'Ann Avery, Bo Li'
    )
    expect(marked(marks('kettle', { abstract: 'A kettle.', note: 'My kettle notes' }).snippetParts)).toEqual(['kettle'])
    expect(text(marks('kettle', { abstract: 'A kettle.', note: 'My kettle notes' }).snippetParts)).toBe(
      'My kettle notes'
    )
  })

  it('never passes the private marker characters through', () => {
    const hit = marks('kettle', { title: 'A \uE000kettle\uE001' })
    expect(text(hit.titleParts)).toBe('A kettle')
  })
})
