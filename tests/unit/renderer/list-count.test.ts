// What the list's heading says about how many: exact counts, and a bound for a huge match.
import { describe, expect, it } from 'vitest'
import { listCountLabel } from '../../../src/renderer/src/components/ListHeaderParts'

describe('the list count', () => {
  it('says "10,000+" for a total that is a bound, and counts exactly otherwise', () => {
    expect(listCountLabel(10_000, true, true)).toBe('10,000+ matches')
    expect(listCountLabel(10_000, true, false)).toBe('10,000+ papers')
    expect(listCountLabel(1, false, true)).toBe('1 match')
    expect(listCountLabel(1, true, true)).toBe('1+ matches')
    expect(listCountLabel(1_234, false, false)).toBe('1,234 papers')
  })
})
