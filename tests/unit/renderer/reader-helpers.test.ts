import { describe, expect, it } from 'vitest'
import type { DigestProgress } from '../../../src/shared/model'
import { nextTextSize, parseComfort, TEXT_SIZES } from '../../../src/renderer/src/lib/comfort'
import { groupDigests, isOldGroup } from '../../../src/renderer/src/lib/digestGroups'
import { friendlyError } from '../../../src/renderer/src/lib/friendlyError'
import { highlightTerms, readingMinutes, searchTerms } from '../../../src/renderer/src/lib/highlightTerms'
import { sizeClass } from '../../../src/renderer/src/lib/paneSizes'
import { markReadDelayMs } from '../../../src/renderer/src/actions/readOnOpen'

function digest(id: number, title: string, date: string, unread: number): DigestProgress {
  return {
    id,
    title,
    format: 'hf-text',
    fileName: null,
    dateFrom: date,
    dateTo: date,
    importedAt: `${date}T08:00:00Z`,
    total: 10,
    read: 10 - unread,
    unread
  }
}

describe('search terms in the reader', () => {
  it('marks each term where a word starts, whatever its case, and nothing else', () => {
    expect(searchTerms('Linear AND "attention" OR x')).toEqual(['linear', 'attention'])
    expect(highlightTerms('Linear attention beats nonlinear Attention.', ['linear', 'attention'])).toEqual([
      { text: 'Linear', match: true },
      { text: ' ', match: false },
      { text: 'attention', match: true },
      { text: ' beats nonlinear ', match: false },
      { text: 'Attention', match: true },
      { text: '.', match: false }
    ])
  })

  it('estimates reading time at about 230 words a minute, at least one', () => {
    expect(readingMinutes('word '.repeat(10))).toBe(1)
    expect(readingMinutes('word '.repeat(690))).toBe(3)
  })
})

describe('digests by feed', () => {
  it('groups digests of one feed, newest group first, with their unread counts', () => {
    const groups = groupDigests([
      digest(1, 'Daily Papers', '2024-03-10', 4),
      digest(2, 'cs.LG listing', '2024-03-12', 7),
      digest(3, 'Daily Papers', '2024-03-11', 1)
    ])
    expect(groups.map((g) => [g.name, g.unread, g.digests.map((d) => d.id)])).toEqual([
      ['cs.LG listing', 7, [2]],
      ['Daily Papers', 5, [3, 1]]
    ])
    expect(isOldGroup(groups[1]!, '2024-03-20')).toBe(false)
    expect(isOldGroup(groups[1]!, '2024-04-20')).toBe(true)
  })
})

describe('errors for people', () => {
  it('turns SQLite codes into sentences and leaves sentences alone', () => {
    expect(friendlyError('SQLITE_BUSY: database is locked')).toMatch(/^The library is busy/)
    expect(friendlyError('SQLITE_FULL: database or disk is full')).toMatch(/^The disk is full/)
    expect(friendlyError('SQLITE_WEIRD: something')).not.toContain('SQLITE')
    expect(friendlyError('There is no paper with id 9')).toBe('There is no paper with id 9')
  })
})

describe('reading comfort and panes', () => {
  it('keeps text size within bounds and reads bad stored values as defaults', () => {
    expect(nextTextSize(TEXT_SIZES.max, 1)).toBe(TEXT_SIZES.max)
    expect(nextTextSize(20, 0)).toBe(TEXT_SIZES.default)
    expect(parseComfort('{"textSize":999,"width":"huge"}')).toMatchObject({ textSize: TEXT_SIZES.max, width: 'medium' })
    expect(parseComfort('not json').density).toBe('comfortable')
  })

  it('remembers pane widths per window size class', () => {
    expect([sizeClass(900), sizeClass(1280), sizeClass(1600), sizeClass(2560)]).toEqual([
      'narrow',
      'medium',
      'wide',
      'huge'
    ])
  })

  it('the mark-read-on-open rule gives one delay per setting', () => {
    expect(markReadDelayMs({ markReadOnOpen: 'never', markReadDelaySeconds: 3 })).toBeNull()
    expect(markReadDelayMs({ markReadOnOpen: 'immediately', markReadDelaySeconds: 3 })).toBe(0)
    expect(markReadDelayMs({ markReadOnOpen: 'after-delay', markReadDelaySeconds: 3 })).toBe(3000)
  })
})
