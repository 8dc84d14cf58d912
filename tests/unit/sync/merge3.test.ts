import { describe, expect, it } from 'vitest'
import { CONFLICT_END, CONFLICT_START, merge3 } from '../../../src/main/sync/merge3'

const side = (text: string, label: string): { text: string; label: string } => ({ text, label })

describe('three-way note merge', () => {
  it('combines edits of different lines without a conflict', () => {
    const base = 'intro\nmethod\nresults'
    const merged = merge3(
      base,
      side('intro, revised\nmethod\nresults', 'laptop'),
      side('intro\nmethod\nresults\nsee also RetNet', 'desktop')
    )
    expect(merged).toEqual({ text: 'intro, revised\nmethod\nresults\nsee also RetNet', conflict: false })
  })

  it('keeps both versions of a line both sides changed, between markers, and flags the conflict', () => {
    const merged = merge3(
      'score: 3',
      side('score: 4', 'laptop, 2026-03-12 10:04 UTC'),
      side('score: 5', 'desktop, 2026-03-12 10:05 UTC')
    )
    expect(merged.conflict).toBe(true)
    expect(merged.text.split('\n')).toEqual([
      `${CONFLICT_START} laptop, 2026-03-12 10:04 UTC:`,
      'score: 4',
      '⚠ Version from desktop, 2026-03-12 10:05 UTC:',
      'score: 5',
      CONFLICT_END
    ])
  })

  it('keeps an edit made while the other device deleted the note', () => {
    const merged = merge3('draft', side('', 'laptop'), side('draft\nmore thoughts', 'desktop'))
    expect(merged.text).toContain('more thoughts')
  })

  it('takes the one side that changed, and agrees with itself when both made the same edit', () => {
    expect(merge3('a', side('a', 'x'), side('b', 'y'))).toEqual({ text: 'b', conflict: false })
    expect(merge3('a', side('c\na', 'x'), side('c\na', 'y'))).toEqual({ text: 'c\na', conflict: false })
  })
})
