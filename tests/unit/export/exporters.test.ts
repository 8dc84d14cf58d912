import { describe, expect, it } from 'vitest'
import { exportText } from '../../../src/main/export'
import { baseKey, createKeyMaker } from '../../../src/main/export/citation-keys'
import { texEscape } from '../../../src/main/export/tex-escape'
import { texToUnicode } from '../../../src/main/import/text/tex'
import { parseRis } from '../../../src/main/import/formats/ris'
import { META, expectedFile, fixturePapers } from './fixture'

const papers = fixturePapers()
const byId = (id: number) => papers.find((paper) => paper.id === id)!

describe('each format, as its readers expect it', () => {
  it.each([
    ['bibtex', 'expected.bib'],
    ['ris', 'expected.ris'],
    ['csl-json', 'expected.csl.json'],
    ['markdown', 'expected.md']
  ] as const)('%s matches the reviewed file %s', (format, file) => {
    expect(exportText(format, papers, META)).toBe(expectedFile(file))
  })
})

describe('BibTeX', () => {
  const bib = exportText('bibtex', papers, META)

  it('gives every paper an author-year-word key, unique in the file', () => {
    const keys = [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1])
    expect(keys).toEqual([
      'kowalczyk2024sparse',
      'kowalczyk2024sparseb',
      'odegaard2023calibrated',
      'tanaka1999quantum',
      'kowalczyk2024sparsec',
      'anonstate'
    ])
  })

  it('keeps keys stable: the same papers in the same order get the same keys', () => {
    const first = createKeyMaker()
    const second = createKeyMaker()
    expect(papers.map(first)).toEqual(papers.map(second))
    expect(baseKey(byId(13))).toBe('odegaard2023calibrated')
  })

  it('writes arXiv papers with eprint, archivePrefix and primaryClass, journal papers as @article', () => {
    expect(bib).toContain('  eprint        = {2403.01234},\n  archivePrefix = {arXiv},\n  primaryClass  = {cs.CL},')
    expect(bib).toContain('primaryClass  = {hep-th}')
    expect(bib).toMatch(/@article\{odegaard2023calibrated,\n[^@]*journal {4}= \{Journal of Imaginary Linguistics\}/)
  })

  it('escapes TeX specials and accents, and brace-protects titles', () => {
    expect(bib).toContain(
      'title         = {{Sparse Lanterns: Linear-Time Attention for Long Documents -{}- with 50\\% Less Memory}}'
    )
    expect(bib).toContain("Ren{\\'e} Dubois and {\\L}ukasz Wi{\\'s}niewski")
    expect(bib).toContain('\\& keep 99\\% of the accuracy on the\\_long\\_bench suite. Code: see \\#lanterns.')
    // Math the source wrote stays math.
    expect(bib).toContain('$O(n \\log n)$')
  })

  it('puts the note in annote, subjects and tags in keywords, tags in groups, the state in JabRef fields', () => {
    const entry = bib.slice(0, bib.indexOf('@misc{kowalczyk2024sparseb'))
    expect(entry).toContain('annote        = {Compare with **RetNet**.\n\n- section 3 has the proof')
    expect(entry).toContain('keywords      = {cs.CL, To read, Attention}')
    expect(entry).toContain('groups        = {To read, Attention}')
    expect(entry).toContain('readstatus    = {read}')
    expect(entry).toContain('ranking       = {rank5}')
  })

  it('turns back into the same text through a TeX reader, for any character', () => {
    for (const text of [
      'Gödel, Escher & Bach: 50% of $O(n^2)$ -- über_cool #1 {x} ~ ^ \\ façade Łódź 한국어 Ǘ',
      "Ærø Straße ı ''quoted'' ``also``",
      'A lone { brace and a lone } one'
    ]) {
      expect(texToUnicode(texEscape(text))).toBe(text)
    }
  })

  it('writes balanced braces whatever a title holds', () => {
    const odd = { ...byId(16), title: 'Unbalanced { brace and \\ backslash' }
    const entry = exportText('bibtex', [odd], META)
    let depth = 0
    for (const c of entry) depth += c === '{' ? 1 : c === '}' ? -1 : 0
    expect(depth).toBe(0)
  })
})

describe('RIS', () => {
  const ris = exportText('ris', papers, META)

  it('repeats AU, UR and KW, and puts the note in N1', () => {
    const first = ris.slice(0, ris.indexOf('ER  - ') + 6)
    expect(first.match(/^AU {2}- /gm)).toHaveLength(4)
    expect(first.match(/^UR {2}- /gm)).toHaveLength(3)
    expect(first.match(/^KW {2}- /gm)).toHaveLength(3)
    expect(first).toContain('N1  - Compare with **RetNet**. - section 3 has the proof - try on our corpus')
  })

  it('is read back by an RIS reader record for record', () => {
    const parsed = parseRis(ris, { fileName: 'x.ris', fileModifiedAt: new Date(), dateOverride: null })
    expect(parsed.warnings).toEqual([])
    expect(parsed.entries.map((e) => e.title)).toEqual(papers.map((p) => p.title))
  })
})

describe('CSL-JSON', () => {
  const items = JSON.parse(exportText('csl-json', papers, META)) as Record<string, unknown>[]

  it('is one array of items with the same ids as the BibTeX keys', () => {
    expect(items.map((item) => item['id'])).toEqual([
      'kowalczyk2024sparse',
      'kowalczyk2024sparseb',
      'odegaard2023calibrated',
      'tanaka1999quantum',
      'kowalczyk2024sparsec',
      'anonstate'
    ])
  })

  it('splits names into family and given, keeping particles with the family name', () => {
    expect(items[0]!['author']).toContainEqual({ family: 'van Rossum', given: 'Guido' })
    expect(items[2]!['author']).toEqual([
      { family: 'Ødegaard', given: 'Søren' },
      { family: 'Müller', given: 'Karl' }
    ])
  })

  it('writes preprints as Zotero does (publisher arXiv, number arXiv:ID) and dates as date-parts', () => {
    expect(items[0]).toMatchObject({
      type: 'article',
      publisher: 'arXiv',
      number: 'arXiv:2403.01234',
      issued: { 'date-parts': [[2024, 3, 12]] }
    })
    expect(items[2]).toMatchObject({ type: 'article-journal', 'container-title': 'Journal of Imaginary Linguistics' })
    expect(items[4]).toMatchObject({ issued: { 'date-parts': [[2024]] } })
  })

  it('is an empty array when nothing is exported', () => {
    expect(JSON.parse(exportText('csl-json', [], META))).toEqual([])
  })
})

describe('Markdown', () => {
  const md = exportText('markdown', papers, META)

  it('has one section per paper with the title linked to its page', () => {
    expect(md.match(/^## /gm)).toHaveLength(papers.length)
    expect(md).toContain(
      "## [Calibrated Confidence in Søren's Tiny Language Models](https://doi.org/10.5555/jil.2023.0042)"
    )
    expect(md).toContain('## The State of the Art: An Anonymous Benchmark\n')
  })

  it('lists the authors, the digest and its day, tags and the state; the note as written', () => {
    expect(md).toContain(
      'Zofia Kowalczyk, René Dubois, Łukasz Wiśniewski, Guido van Rossum  \nHugging Face Daily Papers, 2026-03-12  \n'
    )
    expect(md).toContain(
      'Tags: To read, Attention  \nRead · Starred\n\nCompare with **RetNet**.\n\n- section 3 has the proof\n'
    )
    expect(md).toContain('# My own heading\nkept as written')
  })

  it('escapes markup in text from the sources', () => {
    expect(md).toContain('[Sparse Mixtures \\{of\\} Experts for Tiny Devices]')
    const hostile = exportText('markdown', [{ ...byId(16), title: 'Click [here](javascript:alert(1)) *now*' }], META)
    expect(hostile).toContain('## Click \\[here\\]\\(javascript:alert\\(1\\)\\) \\*now\\*')
  })
})

describe("Dogear's JSON", () => {
  it('is versioned and carries every paper with its state', () => {
    const data = JSON.parse(exportText('json', papers, { ...META, extra: { savedSearches: [] } })) as {
      format: string
      version: number
      papers: { title: string; read: boolean; starred: boolean; note: string | null; tags: string[] }[]
      savedSearches: unknown[]
    }
    expect(data.format).toBe('dogear-export')
    expect(data.version).toBe(1)
    expect(data.papers[0]).toMatchObject({ read: true, starred: true, tags: ['To read', 'Attention'] })
    expect(data.papers.map((p) => p.title)).toEqual(papers.map((p) => p.title))
    expect(data.savedSearches).toEqual([])
  })
})
