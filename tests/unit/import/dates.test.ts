import { describe, expect, it } from 'vitest'
import {
  digestDate,
  inferYear,
  isIsoDate,
  localIsoDate,
  monthNumber,
  parseDate,
  partialDate
} from '../../../src/main/import/dates'

const saved = new Date(2025, 2, 12, 15, 30) // Mar 12 2025, afternoon, local time

describe('dates without a year', () => {
  it('take the latest such date not after the file time', () => {
    expect(parseDate('Mar 12', saved)).toBe('2025-03-12')
    expect(parseDate('Mar 11', saved)).toBe('2025-03-11')
    expect(parseDate('Mar 13', saved)).toBe('2024-03-13')
    expect(parseDate('Dec 31', new Date(2025, 0, 1, 8))).toBe('2024-12-31')
  })

  it('send Feb 29 back to the latest leap year', () => {
    expect(inferYear(2, 29, new Date(2025, 5, 1, 12))).toBe('2024-02-29')
    expect(inferYear(2, 29, new Date(2024, 1, 28, 12))).toBe('2020-02-29')
  })

  it('refuse days that no month has', () => {
    expect(parseDate('Feb 30', saved)).toBeNull()
    expect(inferYear(13, 1, saved)).toBeNull()
  })
})

describe('full dates in the shapes digests write', () => {
  it.each([
    ['March 12, 2024', '2024-03-12'],
    ['Mar 12 2024', '2024-03-12'],
    ['12 Mar 2024', '2024-03-12'],
    ['12th March', '2025-03-12'],
    ['Sept 3, 2023', '2023-09-03'],
    ['2024-03-12', '2024-03-12'],
    ['2024/3/2', '2024-03-02'],
    ['2024-03-12T09:15:00Z', '2024-03-12'],
    ['Tue, 12 Mar 2024 10:00:00 GMT', '2024-03-12'],
    ['Thursday, March 14, 2024', '2024-03-14']
  ])('%s -> %s', (text, iso) => {
    expect(parseDate(text, saved)).toBe(iso)
  })

  it.each(['', 'soon', '3 comments', '2024-02-30', '2024-13-01', 'Mar', 'x'.repeat(10_000)])(
    '%s is not a date',
    (text) => {
      expect(parseDate(text, saved)).toBeNull()
    }
  )
})

describe('the user override and --date validation', () => {
  it('lets the override win', () => {
    expect(digestDate('2024-03-12', { dateOverride: '2023-01-05' })).toBe('2023-01-05')
    expect(digestDate('2024-03-12', { dateOverride: null })).toBe('2024-03-12')
  })

  it('accepts only real calendar dates as YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2024-3-1')).toBe(false)
    expect(isIsoDate('yesterday')).toBe(false)
  })

  it('formats a moment as its local day', () => {
    expect(localIsoDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05')
  })
})

describe('months and partial dates', () => {
  it('reads months as numbers, names and abbreviations', () => {
    expect(['3', '03', 'Mar', 'march', 'Sept.', 'SEP', ' dec '].map(monthNumber)).toEqual([3, 3, 3, 3, 9, 9, 12])
    expect(monthNumber('Ma')).toBeNull()
    expect(monthNumber('spring')).toBeNull()
    expect(monthNumber(null)).toBeNull()
  })

  it('puts a partial date on the first of what is missing, and refuses impossible ones', () => {
    expect(partialDate(2024, null, null)).toBe('2024-01-01')
    expect(partialDate(2024, 3, null)).toBe('2024-03-01')
    expect(partialDate(2024, 2, 30)).toBe('2024-02-01')
    expect(partialDate(2024, 13, null)).toBe('2024-01-01')
    expect(partialDate(99, 1, 1)).toBeNull()
  })
})
