import { describe, expect, it } from 'vitest'
import { fragmentText, isPaperUrl, markdownParser } from '../../../../src/main/import/formats/markdown'
import { detectFormat } from '../../../../src/main/import/detect'
import { ImportError, type ParseResult } from '../../../../src/main/import/types'
import { contextAt, fixtureReader } from './fixtures'

const read = fixtureReader('markdown')
const context = contextAt(new Date(2024, 2, 20))
const parse = (name: string): ParseResult => markdownParser.parse(read(name), context(name))

describe('papers as headings', () => {
  const result = parse('headings.md')
  const [lanterns, clouds, doiOnly, abstractOnly] = result.entries

  it('finds only the paper headings: not the badges, contents, intro, summaries or trailing sections', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      'Sparse Lanterns: Lighting Up Tiny Transformers',
      'Counting Clouds With Weak Labels',
      'A Paper With Only A DOI',
      'A Heading With Only An Abstract'
    ])
    expect(result.warnings).toEqual([])
  })

  it('takes the digest title from the first H1 and the date from "Updated on"', () => {
    expect(result.digest).toEqual({
      title: 'Weekly Invented Papers Digest',
      dateFrom: '2024-03-12',
      dateTo: '2024-03-12'
    })
  })

  it('reads authors, the Abstract section, arXiv ids with versions and links', () => {
    expect(lanterns!.authors).toEqual(['Ada Quill', 'Bo Renner', 'Céline Marchetti'])
    expect(lanterns!.abstract).toBe(
      'We light up tiny transformers with sparse lanterns. The lanterns are cheap and bright.'
    )
    expect(lanterns!.arxivId).toBe('2403.07001')
    expect(lanterns!.arxivVersion).toBe(2)
    expect(lanterns!.links).toEqual([
      { url: 'https://arxiv.org/abs/2403.07001v2', kind: 'abs' },
      { url: 'https://github.com/example-lab/sparse-lanterns', kind: 'code' }
    ])
    expect(lanterns!.line).toBe(16)
  })

  it('takes a paragraph as the abstract and [PDF]/[Code]/[Project Page] lines as links', () => {
    expect(clouds!.authors).toEqual(['Dmitri Volkov', 'Esi Mensah'])
    expect(clouds!.abstract).toBe('Clouds are counted with weak labels. A second sentence wrapped onto another line.')
    expect(clouds!.arxivId).toBe('2403.07002')
    expect(clouds!.links.map((l) => l.kind)).toEqual(['pdf', 'code', 'project'])
  })

  it('accepts a title with only a DOI link, or only an explicit abstract', () => {
    expect(doiOnly!.doi).toBe('10.5555/invented.77')
    expect(doiOnly!.abstract).toBeNull()
    expect(doiOnly!.authors).toEqual([])
    expect(abstractOnly!.abstract).toBe('An explicit abstract makes this heading a paper even without a link.')
    expect(abstractOnly!.links).toEqual([])
  })

  it('fills every field of each entry', () => {
    for (const entry of result.entries) {
      expect(Object.keys(entry).sort()).toEqual(
        [
          'abstract',
          'arxivId',
          'arxivVersion',
          'authors',
          'doi',
          'line',
          'links',
          'publishedAt',
          'snippet',
          'title',
          'venue'
        ].sort()
      )
    }
  })
})

describe('papers as table rows', () => {
  const result = parse('table.md')

  it('reads rows by the header names, with escaped pipes and abstracts in <details>', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      'Seeing Through Fog | A Benchmark',
      'Mirrors All The Way Down',
      'Dust Maps From Above',
      'An Extra Cell Row',
      'Whispers in the Hall'
    ])
    const [fog, mirrors, dust, , whispers] = result.entries
    expect(fog!.authors).toEqual(['Lin Wei'])
    expect(fog!.publishedAt).toBe('2024-03-13')
    expect(fog!.arxivId).toBe('2403.08001')
    expect(fog!.arxivVersion).toBe(1)
    expect(fog!.links).toEqual([
      { url: 'http://arxiv.org/abs/2403.08001v1', kind: 'abs' },
      { url: 'https://github.com/example-lab/fog', kind: 'code' }
    ])
    expect(mirrors!.links).toHaveLength(1)
    expect(dust!.abstract).toBe('Dust is mapped from invented satellites. Twice.')
    expect(whispers!.authors).toEqual(['Mei Tanaka', 'Oskar Berg'])
    expect(whispers!.abstract).toBe('We listen to whispers in invented halls.')
  })

  it('skips rows without evidence and config tables, and warns about odd rows with their lines', () => {
    expect(result.entries.some((e) => e.title === 'No Evidence Row' || e.title === 'max_results')).toBe(false)
    expect(result.warnings).toEqual([
      { line: 19, message: 'a table row with paper details but no title was skipped' },
      { line: 20, message: 'this row has 6 cells but the header (line 14) has 5' }
    ])
  })

  it('names the digest after the file when there is no H1, dated by "Updated on"', () => {
    expect(result.digest).toEqual({ title: 'table', dateFrom: '2024-03-14', dateTo: '2024-03-14' })
  })

  it('reads a "Paper" column beside a "Title" column as the link, and "Paper" alone as the title', () => {
    const beside = [
      '| Date | Title | Authors | Paper | Code |',
      '|---|---|---|---|---|',
      '| 2024-03-12 | Folded Attention for Long Inputs | Ada Lovelace | [2403.01234](https://arxiv.org/abs/2403.01234) | |'
    ].join('\n')
    const [withTitle] = markdownParser.parse(beside, context('t.md')).entries
    expect(withTitle).toMatchObject({ title: 'Folded Attention for Long Inputs', arxivId: '2403.01234' })

    const alone = [
      '| Paper | Authors |',
      '|---|---|',
      '| [Sparse Routers Revisited](https://arxiv.org/abs/2403.05678) | Grace Hopper |'
    ]
    const [onlyPaper] = markdownParser.parse(alone.join('\n'), context('t.md')).entries
    expect(onlyPaper).toMatchObject({ title: 'Sparse Routers Revisited', arxivId: '2403.05678' })
  })

  it('dates a digest without "Updated on" by the range of its date column', () => {
    const text = read('table.md').replace('## Updated on 2024.03.14', '## Invented digest')
    expect(markdownParser.parse(text, context('t.md')).digest).toMatchObject({
      dateFrom: '2024-03-09',
      dateTo: '2024-03-13'
    })
  })
})

describe('papers as list items', () => {
  const result = parse('lists.md')

  it('finds list papers by their paper links, not contents, blog posts or tutorials', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      'Soft Hands for Hard Problems',
      'Gripping With Gradients',
      'Fingers of Glass: Fragile Object Handling',
      'Stairs Without Fear'
    ])
    expect(result.digest.title).toBe('Awesome Invented Robotics')
    expect(result.digest.dateFrom).toBeNull()
  })

  it('reads authors after the title, and nested Authors/Abstract lines', () => {
    const [soft, gripping, fingers, stairs] = result.entries
    expect(soft!.authors).toEqual(['Nora Eklund', 'Tomás Ferreira'])
    expect(gripping!.authors).toEqual(['Yusuf Demir'])
    expect(fingers!.authors).toEqual(['Priya Natarajan', 'Lee Chan'])
    expect(fingers!.links).toEqual([
      { url: 'https://example.org/fingers.pdf', kind: 'pdf' },
      { url: 'https://github.com/example-lab/fingers', kind: 'code' }
    ])
    expect(stairs!.authors).toEqual(['Hana Kobayashi', 'Rafael Ortiz'])
    expect(stairs!.abstract).toBe('Robots climb invented stairs without fear.')
    expect(stairs!.arxivVersion).toBe(3)
    expect(stairs!.line).toBe(20)
  })
})

describe('hostile and useless Markdown', () => {
  it('turns HTML into text and never keeps javascript: links', () => {
    const result = parse('hostile.md')
    expect(result.digest.title).toBe('Digest')
    expect(result.entries.map((e) => e.title)).toEqual(['Totally Safe Paper', 'Second'])
    expect(result.entries[0]!.authors).toEqual(['Eve Example', 'Mallory Sample'])
    expect(result.entries[0]!.abstract).toBe('An abstract with a javascript link and another one.')
    const urls = result.entries.flatMap((e) => e.links.map((l) => l.url))
    expect(urls).toEqual(['https://arxiv.org/abs/2403.09001'])
  })

  it('refuses a README with links but no papers, naming the file', () => {
    expect(() => parse('no-papers.md')).toThrowError(ImportError)
    expect(() => parse('no-papers.md')).toThrowError(/^no-papers\.md: no papers found/)
  })

  it('finishes on 2 MB single lines built to make a careless scanner quadratic', () => {
    const lines = [
      '['.repeat(2_000_000),
      '[a]('.repeat(500_000),
      '](x'.repeat(700_000),
      '# ' + ' '.repeat(2_000_000) + 'x',
      '| a |'.repeat(400_000),
      '**Authors**: ' + 'a,'.repeat(1_000_000),
      '- [t](https://arxiv.org/abs/2401.00001) ' + 'x'.repeat(2_000_000),
      '<details>' + '<b>'.repeat(600_000),
      '<a'.repeat(1_000_000)
    ]
    for (const line of lines) {
      markdownParser.detect(line, 'x.md')
      try {
        markdownParser.parse(line, context('long.md'))
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError)
      }
    }
  })

  it('reads a 10 MB table of 10,000 rows', () => {
    const rows = ['| Date | Title | Authors | PDF | Code |', '|---|---|---|---|---|']
    const filler = 'an invented sentence about lattices and ripples '.repeat(20)
    for (let i = 0; i < 10_000; i++) {
      const id = `2403.${String(i).padStart(5, '0')}`
      rows.push(
        `| 2024-03-${String((i % 28) + 1).padStart(2, '0')} | <details><summary>Invented Title ${i}</summary><p>${filler}</p></details> | A Person, B Person | [${id}](https://arxiv.org/abs/${id}) | [code](https://github.com/example/r${i}) |`
      )
    }
    const result = markdownParser.parse(rows.join('\n'), context('big.md'))
    expect(result.entries).toHaveLength(10_000)
    expect(result.entries[9_999]).toMatchObject({ title: 'Invented Title 9999', arxivId: '2403.09999', line: 10_002 })
    expect(result.digest).toMatchObject({ dateFrom: '2024-03-01', dateTo: '2024-03-28' })
  })
})

describe('detecting Markdown digests', () => {
  it('is sure from paper links in Markdown structure, and only hints from the extension', () => {
    expect(markdownParser.detect(read('headings.md'), 'digest.txt')).toBeGreaterThanOrEqual(0.8)
    expect(markdownParser.detect(read('no-papers.md'), 'README.md')).toBeLessThan(0.5)
    expect(markdownParser.detect('Plain words only.', 'notes.txt')).toBe(0)
  })

  it('knows paper links from other links', () => {
    expect(isPaperUrl('https://arxiv.org/abs/2401.12345')).toBe(true)
    expect(isPaperUrl('https://openreview.net/forum?id=x')).toBe(true)
    expect(isPaperUrl('https://arxiv.org/list/cs.CL/recent')).toBe(false)
    expect(isPaperUrl('https://github.com/a/b')).toBe(false)
    expect(isPaperUrl('javascript:alert(1)')).toBe(false)
  })

  it('turns HTML fragments into text without their scripts or comments', () => {
    expect(fragmentText('<p>One &amp; <b>two</b></p><script>x()</script><!-- hidden --><p>Three</p>')).toBe(
      'One & two\n\nThree'
    )
  })
})

describe('papers as headings whose section is a summary ending with the paper link', () => {
  const result = parse('summaries-zh.md')
  const [gravel, teapot, lantern] = result.entries

  it('reads each heading whose section ends with its one paper link as that paper', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      '砾石格点上的稀疏注意力',
      '会说话的茶壶：多模态对话的小样本学习',
      'Lantern：一个低功耗的检索框架'
    ])
    expect(result.entries.map((e) => e.arxivId)).toEqual(['2603.01234', '2603.04321', '2603.05555'])
    expect(lantern!.arxivVersion).toBe(2)
    expect(gravel!.links).toEqual([{ url: 'https://huggingface.co/papers/2603.01234', kind: 'abs' }])
  })

  it('keeps the summary as the snippet, not as an abstract, without the link line', () => {
    expect(gravel!.snippet).toBe(
      '本文研究一种在砾石格点上计算的稀疏注意力。作者声称在长文本上速度提升三倍， 同时保持精度。'
    )
    expect(gravel!.abstract).toBeNull()
    expect(teapot!.snippet).toBe('作者构建了一个关于厨房器具的多模态对话数据集，并展示小样本提示的效果。')
    expect(gravel!.authors).toEqual([])
  })

  it('takes the date of the title heading, and no paper from a section citing two papers or none', () => {
    expect(result.digest).toEqual({ title: '今日论文速递 2026-03-12', dateFrom: '2026-03-12', dateTo: '2026-03-12' })
    expect(result.entries.some((e) => e.title.includes('相关阅读') || e.title.includes('关于本期'))).toBe(false)
  })

  it('is recognized as Markdown when pasted or saved as .txt', () => {
    expect(detectFormat(read('summaries-zh.md'), 'pasted text')).toBe('markdown')
    expect(detectFormat(read('summaries-zh.md'), 'digest.txt')).toBe('markdown')
  })
})
