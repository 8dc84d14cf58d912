import { describe, expect, it } from 'vitest'
import { countTicks, labelWidth } from '../../../src/renderer/src/lib/chartScale'

describe('chart ticks for counts', () => {
  it.each([0, 1, 3, 5, 7, 13, 99, 250, 1234, 48_000])('are whole numbers up to a round top for %i', (value) => {
    const { max, ticks } = countTicks(value)
    expect(max).toBeGreaterThanOrEqual(value)
    expect(ticks[0]).toBe(0)
    expect(ticks.at(-1)).toBe(max)
    expect(ticks.every(Number.isInteger)).toBe(true)
    expect(ticks.length).toBeGreaterThanOrEqual(2)
    expect(ticks.length).toBeLessThanOrEqual(7)
  })

  it('leaves room for a four-digit label', () => {
    expect(labelWidth(12_000)).toBeGreaterThan(labelWidth(40))
    expect(labelWidth(12_000)).toBeGreaterThanOrEqual('12,000'.length * 7)
  })
})
