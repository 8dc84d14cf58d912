import { describe, expect, it } from 'vitest'
import {
  bar,
  formatDigests,
  formatImportReport,
  formatPaper,
  formatPaperList,
  formatSearchHits,
  formatStats,
  highlight,
  wrap
} from '../../../src/main/cli/format'
import type { DigestProgress, PaperDetail } from '../../../src/shared/model'

function paper(overrides: Partial<PaperDetail> = {}): PaperDetail {
  return {
    id: 7,
    title: 'Folded Attention',
    authors: ['Ada Quill', 'Bo Marsh'],
    abstract: 'Self-attention costs $O(L^2)$. '.repeat(6).trim(),
    snippet: null,
    arxivId: '2403.01234',
    doi: null,
    links: [{ url: 'https://github.com/x/y', kind: 'code' }],
    digests: [1],
    digestDate: '2025-03-12',
    publishedAt: null,
    read: false,
    starred: true,
    note: 'check the proof\nof lemma 2',
    hasCode: true,
    digestRefs: [
      { id: 1, title: 'Hugging Face Daily Papers', dateFrom: '2025-03-12', dateTo: '2025-03-12', position: 3 }
    ],
    readAt: null,
    starredAt: '2025-03-13T10:00:00Z',
    noteUpdatedAt: null,
    venue: null,
    tags: [],
    subjects: [],
    ...overrides
  }
}

describe('human output', () => {
  it('lists papers one per line with state marks and a count', () => {
    const text = formatPaperList(
      [paper(), paper({ id: 12, read: true, starred: false, note: null, title: 'Other' })],
      2,
      0
    )
    expect(text.split('\n')).toEqual([
      ' 7 ●★✎ Folded Attention',
      '12     Other',
      '',
      '2 papers  (● unread  ★ starred  ✎ note)'
    ])
    expect(formatPaperList([paper()], 66, 10)).toContain('11-11 of 66 papers')
    expect(formatPaperList([], 0, 0)).toBe('No papers.')
  })

  it('shows one paper with its digests, links, wrapped abstract and note', () => {
    const text = formatPaper(paper())
    expect(text).toContain('#7  Folded Attention')
    expect(text).toContain('Authors: Ada Quill, Bo Marsh')
    expect(text).toContain('State:   unread · starred')
    expect(text).toContain('Digests: #1 Hugging Face Daily Papers (2025-03-12), position 3')
    expect(text).toContain('Links:   code    https://github.com/x/y')
    expect(text).toContain('Note:\n  check the proof\n  of lemma 2')
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80)
  })

  it('marks search hits', () => {
    const hit = {
      ...paper(),
      snippetParts: [
        { text: 'costs ', match: false },
        { text: 'attention', match: true }
      ],
      titleParts: [],
      rank: 1
    }
    expect(formatSearchHits([hit], 1)).toBe('7 ●★✎ Folded Attention\n      costs «attention»\n\n1 match')
    expect(
      highlight([
        { text: ' a\n', match: false },
        { text: 'b', match: true }
      ])
    ).toBe('a «b»')
  })

  it('reports imports, including a repeat', () => {
    const base = {
      ok: true as const,
      file: 'd.txt',
      format: 'hf-text',
      digestId: 3,
      papers: 66,
      added: 60,
      merged: 4,
      unchanged: 2
    }
    expect(formatImportReport({ ...base, alreadyImported: false, warnings: [{ line: 9, message: 'odd' }] })).toBe(
      'd.txt: hf-text, digest 3: 66 papers (60 added, 4 merged, 2 unchanged)\n  warning (line 9): odd'
    )
    expect(formatImportReport({ ...base, alreadyImported: true, warnings: [] })).toBe(
      'd.txt: already imported as digest 3; nothing changed'
    )
  })

  it('shows digest progress as read/total with a bar', () => {
    const digest: DigestProgress = {
      id: 1,
      title: 'Hugging Face Papers',
      format: 'hf-text',
      fileName: 'hf.txt',
      dateFrom: '2025-03-12',
      dateTo: '2025-03-12',
      importedAt: '2025-03-12T08:00:00Z',
      total: 66,
      read: 33,
      unread: 33
    }
    expect(formatDigests([digest]).split('\n')[1]).toBe(
      ' 1  2025-03-12  33/66 █████░░░░░  Hugging Face Papers (hf.txt)'
    )
    expect(bar(0, 0, 4)).toBe('░░░░')
  })

  it('summarizes stats', () => {
    const text = formatStats({
      papers: 10,
      read: 4,
      unread: 6,
      starred: 2,
      noted: 1,
      digests: 1,
      readPerDay: [
        { day: '2025-03-11', read: 0 },
        { day: '2025-03-12', read: 4 }
      ]
    })
    expect(text).toContain('Papers:  10 (4 read, 6 unread)')
    expect(text).toContain('Read 2025-03-11 to 2025-03-12: 4  ▁█')
    expect(text).toContain('  2025-03-12  4')
  })

  it('wraps text at word boundaries', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc'])
    expect(wrap('one\n\ntwo', 80)).toEqual(['one', '', 'two'])
  })
})
